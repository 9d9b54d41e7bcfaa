import { describe, expect, it } from 'vitest';
import { type DeskAction, type DeskState, initialDesk, reduceDesk } from './desk-state.js';

const T0 = 1_000_000;
const run = (...actions: DeskAction[]): DeskState =>
  actions.reduce(
    reduceDesk,
    reduceDesk(initialDesk(T0), { type: 'ready', status: 'free', at: T0 }),
  );
const event = (name: string, payload: unknown, at = T0): DeskAction => ({
  type: 'event',
  name,
  payload,
  at,
});
const callIn = (extra: Record<string, unknown> = {}, at = T0) =>
  event(
    'callIn',
    {
      sessionId: 's1',
      type: 'phone',
      timeout: 30,
      calleePhoneNumber: '075500000000',
      callerPhoneNumber: '008613900139000',
      serverType: 'staffSeat',
      ...extra,
    },
    at,
  );

describe('the agent status', () => {
  it('starts at the status read after ready, and times each change from its event', () => {
    const state = run(event('statusChanged', { status: 'rest' }, T0 + 5_000));
    expect(state.status).toBe('rest');
    expect(state.statusSince).toBe(T0 + 5_000);
  });

  it('keeps the time in state when the SDK repeats the same status', () => {
    const state = run(
      event('statusChanged', { status: 'rest' }, T0 + 5_000),
      event('statusChanged', { status: 'rest' }, T0 + 9_000),
    );
    expect(state.statusSince).toBe(T0 + 5_000);
  });
});

describe('an inbound call', () => {
  it('rings with the number, location, remark, IVR path and answer deadline', () => {
    const state = run(
      callIn({
        callerLocation: 'Shenzhen',
        remark: 'VIP line',
        ivrPath: [
          { key: '1', label: 'Support' },
          { key: '3', label: '' },
        ],
      }),
    );
    expect(state.call).toMatchObject({
      sessionId: 's1',
      direction: 'inbound',
      stage: 'ringing',
      peer: '008613900139000',
      location: 'Shenzhen',
      remark: 'VIP line',
      ivrPath: ['Support', '3'],
      answerBy: T0 + 30_000,
    });
  });

  it('has no deadline when TCCC says timeout 0 (never times out)', () => {
    expect(run(callIn({ timeout: 0 })).call?.answerBy).toBeUndefined();
  });

  it('is talking from userAccessed, and ends in words with its talk time', () => {
    const state = run(
      callIn(),
      event('userAccessed', { sessionId: 's1' }, T0 + 2_000),
      event('sessionEnded', { sessionId: 's1', closeBy: 'client' }, T0 + 62_400),
    );
    expect(state.call).toBeNull();
    expect(state.wrapUp).toMatchObject({
      sessionId: 's1',
      peer: '008613900139000',
      endedAt: T0 + 62_400,
      talkSeconds: 60,
      outcome: { kind: 'customer-hung-up', text: 'The customer hung up', answered: true },
    });
  });

  it('is missed when it times out here (autoTransfer)', () => {
    const state = run(callIn(), event('autoTransfer', { sessionId: 's1' }));
    expect(state.wrapUp?.outcome).toMatchObject({ kind: 'missed', answered: false });
    expect(state.wrapUp?.talkSeconds).toBeNull();
  });

  it('is declined when the agent hangs up while it rings', () => {
    const state = run(callIn(), event('sessionEnded', { sessionId: 's1', closeBy: 'seat' }));
    expect(state.wrapUp?.outcome.kind).toBe('declined');
  });

  it('is declined, not missed, when Decline was pressed and TCCC ends it as a timeout', () => {
    const declined: DeskAction = { type: 'declined', sessionId: 's1', declined: true };
    const byTimer = run(
      callIn(),
      declined,
      event('sessionEnded', { sessionId: 's1', closeBy: 'timer' }),
    );
    expect(byTimer.wrapUp?.outcome).toMatchObject({
      kind: 'declined',
      text: 'You declined the call',
    });
    const passedOn = run(callIn(), declined, event('autoTransfer', { sessionId: 's1' }));
    expect(passedOn.wrapUp?.outcome.kind).toBe('declined');
    expect(passedOn.wrapUp?.outcome.text).toMatch(/went to a colleague/);
  });

  it('is missed again when the SDK refused the Decline, and Decline ignores other calls', () => {
    const refused = run(
      callIn(),
      { type: 'declined', sessionId: 's1', declined: true },
      { type: 'declined', sessionId: 's1', declined: false },
      event('sessionEnded', { sessionId: 's1', closeBy: 'timer' }),
    );
    expect(refused.wrapUp?.outcome.kind).toBe('missed');
    const other = run(callIn(), { type: 'declined', sessionId: 's2', declined: true });
    expect(other.call?.declined).toBeUndefined();
  });

  it('ends as transferred on a transfer event', () => {
    const state = run(
      callIn(),
      event('userAccessed', { sessionId: 's1' }),
      event('transfer', { sessionId: 's1', userId: 'agent2@example.com' }),
    );
    expect(state.wrapUp?.outcome).toMatchObject({
      kind: 'transferred',
      text: 'Transferred to agent2@example.com',
    });
  });

  it('names the transfer target as the dialog showed it, unless the SDK refused', () => {
    const talking: DeskAction[] = [callIn(), event('userAccessed', { sessionId: 's1' })];
    const named = run(
      ...talking,
      { type: 'transferring', sessionId: 's1', name: 'Support' },
      event('transfer', { sessionId: 's1', skillGroupId: '101' }),
    );
    expect(named.wrapUp?.outcome.text).toBe('Transferred to Support');

    const refused = run(
      ...talking,
      { type: 'transferring', sessionId: 's1', name: 'Zhou Min' },
      { type: 'transferring', sessionId: 's1', name: null },
    );
    expect(refused.call?.transferTo).toBeUndefined();
    const byGroup = run(
      ...talking,
      { type: 'transferring', sessionId: 's2', name: 'Elsewhere' },
      event('transfer', { sessionId: 's1', skillGroupId: '101' }),
    );
    expect(byGroup.wrapUp?.outcome.text).toBe('Transferred to skill group 101');
  });

  it('ignores events of another session than the one on the line', () => {
    const state = run(callIn(), event('sessionEnded', { sessionId: 'other', closeBy: 'client' }));
    expect(state.call?.sessionId).toBe('s1');
    expect(state.wrapUp).toBeNull();
  });
});

describe('an outbound call', () => {
  const dialed = event('callOuted', {
    sessionId: 'o1',
    calleePhoneNumber: '13800138001',
    callerPhoneNumber: '075500000000',
  });

  it('dials, then talks from calloutAccepted', () => {
    const dialing = run(dialed);
    expect(dialing.call).toMatchObject({ stage: 'dialing', peer: '13800138001' });
    const talking = run(dialed, event('calloutAccepted', { sessionId: 'o1' }, T0 + 1_000));
    expect(talking.call).toMatchObject({ stage: 'talking', talkingSince: T0 + 1_000 });
  });

  it('reads busy and no answer from how an unanswered call closed', () => {
    expect(
      run(dialed, event('sessionEnded', { sessionId: 'o1', closeBy: 'client' })).wrapUp?.outcome
        .kind,
    ).toBe('busy');
    expect(
      run(dialed, event('sessionEnded', { sessionId: 'o1', closeBy: 'timer' })).wrapUp?.outcome
        .kind,
    ).toBe('no-answer');
    expect(
      run(dialed, event('sessionEnded', { sessionId: 'o1', closeBy: 'seat' })).wrapUp?.outcome.kind,
    ).toBe('cancelled');
  });

  it('clears the previous wrap-up when a new call starts', () => {
    const state = run(
      callIn(),
      event('sessionEnded', { sessionId: 's1', closeBy: 'client' }),
      dialed,
    );
    expect(state.wrapUp).toBeNull();
  });
});

describe('mute and hold', () => {
  it('apply to the call on the line only', () => {
    let state = run(callIn(), event('userAccessed', { sessionId: 's1' }));
    state = reduceDesk(state, { type: 'muted', sessionId: 's1', muted: true });
    state = reduceDesk(state, { type: 'held', sessionId: 's1', held: true });
    state = reduceDesk(state, { type: 'muted', sessionId: 'other', muted: false });
    expect(state.call).toMatchObject({ muted: true, held: true });
  });
});

it('an admin close names its reason', () => {
  const state = run(
    callIn(),
    event('userAccessed', { sessionId: 's1' }),
    event('sessionEnded', { sessionId: 's1', closeBy: 'admin', mainReason: 'quality check' }),
  );
  expect(state.wrapUp?.outcome.text).toBe('Ended by a supervisor (quality check)');
});
