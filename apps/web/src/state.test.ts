import { describe, expect, it } from 'vitest';
import type { Failure } from './failures.js';
import { type Action, type AppState, initialState, reduce, statusOf } from './state.js';

const run = (...actions: Action[]): AppState => actions.reduce(reduce, initialState);
const event = (name: string, payload?: unknown): Action => ({ type: 'tccc-event', name, payload });
const ready: Action[] = [
  { type: 'session-found', email: 'agent@example.com' },
  { type: 'connect-started' },
  { type: 'connected', agentStatus: 'free' },
];
const failure: Failure = { reason: 'script', title: 't', detail: 'd', action: 'retry' };

describe('statusOf', () => {
  it('walks checking, signed out, signed in, connecting, ready and error', () => {
    expect(statusOf(initialState)).toBe('checking');
    expect(statusOf(run({ type: 'signed-out' }))).toBe('signed-out');
    expect(statusOf(run({ type: 'sign-in-started' }))).toBe('signed-out');
    expect(statusOf(run(ready[0] as Action))).toBe('signed-in');
    expect(statusOf(run(ready[0] as Action, { type: 'connect-started' }))).toBe('connecting');
    expect(statusOf(run(...ready))).toBe('ready');
    expect(statusOf(run(...ready, { type: 'connect-failed', failure }))).toBe('error');
  });
});

describe('reduce', () => {
  it('signing out forgets the agent, the call and the connection, keeping the message', () => {
    const state = run(...ready, event('callIn', { sessionId: 's1', callerPhoneNumber: '100' }), {
      type: 'signed-out',
      message: 'Your session has ended.',
    });
    expect(state).toEqual({
      ...initialState,
      auth: { kind: 'signed-out', message: 'Your session has ended.' },
    });
  });

  it('a new sign-in starts from a clean slate', () => {
    const state = run(...ready, event('statusChanged', { status: 'rest' }), {
      type: 'session-found',
      email: 'agent2@example.com',
    });
    expect(state.auth).toEqual({ kind: 'signed-in', email: 'agent2@example.com' });
    expect(state.connection).toEqual({ kind: 'disconnected' });
    expect(state.agentStatus).toBeNull();
  });

  it('takes an inbound call from callIn to talking on userAccessed, then ends it', () => {
    const ringing = run(
      ...ready,
      event('callIn', { sessionId: 's1', callerPhoneNumber: '+86100' }),
    );
    expect(ringing.call).toEqual({
      sessionId: 's1',
      direction: 'inbound',
      stage: 'ringing',
      peer: '+86100',
      muted: false,
    });
    const talking = reduce(ringing, event('userAccessed', { sessionId: 's1' }));
    expect(talking.call?.stage).toBe('talking');
    expect(
      reduce(talking, event('sessionEnded', { sessionId: 's1', closeBy: 'client' })).call,
    ).toBeNull();
  });

  it('takes an outbound call from callOuted to talking on calloutAccepted', () => {
    const dialing = run(
      ...ready,
      event('callOuted', { sessionId: 'o1', calleePhoneNumber: '200' }),
    );
    expect(dialing.call).toMatchObject({ direction: 'outbound', stage: 'dialing', peer: '200' });
    expect(reduce(dialing, event('calloutAccepted', { sessionId: 'o1' })).call?.stage).toBe(
      'talking',
    );
  });

  it('ignores events about another session', () => {
    const ringing = run(...ready, event('callIn', { sessionId: 's1', callerPhoneNumber: '1' }));
    expect(reduce(ringing, event('userAccessed', { sessionId: 'other' }))).toBe(ringing);
    expect(reduce(ringing, event('sessionEnded', { sessionId: 'other' }))).toBe(ringing);
    expect(reduce(ringing, { type: 'mute-changed', sessionId: 'other', muted: true })).toBe(
      ringing,
    );
  });

  it('clears the call when the offer is auto-transferred to another agent', () => {
    const ringing = run(...ready, event('callIn', { sessionId: 's1', callerPhoneNumber: '1' }));
    expect(reduce(ringing, event('autoTransfer', { sessionId: 's1' })).call).toBeNull();
  });

  it('names a voip or internal caller when there is no phone number', () => {
    expect(run(event('callIn', { sessionId: 'v', type: 'voip', nickname: 'Ann' })).call?.peer).toBe(
      'Ann',
    );
    expect(run(event('callIn', { sessionId: 'i', peerUserId: 'bob@x' })).call?.peer).toBe('bob@x');
    expect(run(event('callIn', { sessionId: 'u' })).call?.peer).toBe('unknown caller');
  });

  it('ignores malformed payloads instead of throwing', () => {
    const state = run(...ready);
    for (const payload of [undefined, null, 'x', 42, { sessionId: 7 }]) {
      expect(reduce(state, event('callIn', payload))).toBe(state);
      expect(reduce(state, event('statusChanged', payload))).toBe(state);
    }
  });

  it('tracks the agent status from statusChanged and mute from mute-changed', () => {
    const talking = run(
      ...ready,
      event('statusChanged', { status: 'busy' }),
      event('callIn', { sessionId: 's1', callerPhoneNumber: '1' }),
      event('userAccessed', { sessionId: 's1' }),
      { type: 'mute-changed', sessionId: 's1', muted: true },
    );
    expect(talking.agentStatus).toBe('busy');
    expect(talking.call?.muted).toBe(true);
  });

  it('a failed connection drops the call, the status and keeps the failure to show', () => {
    const state = run(...ready, event('callIn', { sessionId: 's1' }), {
      type: 'connect-failed',
      failure,
    });
    expect(state.connection).toEqual({ kind: 'failed', failure });
    expect(state.call).toBeNull();
    expect(state.agentStatus).toBeNull();
  });

  it('starting a new attempt clears the previous notice', () => {
    const state = run(
      ...ready,
      { type: 'notice', message: 'Could not mute' },
      { type: 'connect-started' },
    );
    expect(state.notice).toBeNull();
  });
});
