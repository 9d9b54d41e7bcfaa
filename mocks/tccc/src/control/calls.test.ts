/**
 * The control plane's call routes over HTTP (in-process): the customer's side of calls, a
 * call's view, dropping SDK streams, and the SDK call routes that take a body.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { body, newMock, requests, signIn } from '../../test/sdk-host-helpers.js';
import type { MockTccc } from '../mock.js';

let mock: MockTccc;
beforeEach(() => {
  mock = newMock();
});
afterEach(() => mock.reset());

/** SDK routes with the seat's credential; control routes with the control token. */
const { post, get } = requests(() => mock);

describe('the customer’s side on the control plane', () => {
  const dial = async (seat: Awaited<ReturnType<typeof signIn>>) => {
    mock.pauseTime();
    const { sessionId } = await body(
      await post('/sdk/calls/outbound', { phoneNumber: '13800000001' }, seat.auth),
    );
    return sessionId as string;
  };

  it('answer, then end: calloutAccepted, then sessionEnded closeBy client, one CDR', async () => {
    const seat = await signIn(mock);
    const sessionId = await dial(seat);
    const answered = await post(`/__tccc/calls/${sessionId}/answer`, {});
    expect((await body(answered)).call).toMatchObject({ sessionId, state: 'talking' });
    expect((await seat.events.until('calloutAccepted')).data).toEqual({ sessionId });
    await post(`/__tccc/calls/${sessionId}/end`, {});
    expect((await seat.events.until('sessionEnded')).data).toMatchObject({ closeBy: 'client' });
    const one = await body(await get(`/__tccc/calls/${sessionId}`));
    expect(one.call).toMatchObject({
      endStatus: 1,
      hungUpSide: 'user',
      legs: [{ via: 'outbound' }],
    });
    expect(mock.store.cdrs.get(1400000000, sessionId)?.HungUpSide).toBe('user');
  });

  it.each([
    ['reject', {}, 203],
    ['busy', {}, 206],
    ['fail', { endStatus: 'powerOff' }, 204],
  ])('%s ends the ringing call (EndStatus %#)', async (action, payload, code) => {
    const seat = await signIn(mock);
    const sessionId = await dial(seat);
    const response = await post(`/__tccc/calls/${sessionId}/${action}`, payload);
    expect(response.status).toBe(200);
    expect((await body(response)).call.endStatus).toBe(code);
    await seat.events.until('sessionEnded');
  });

  it('answers 409 to answering a connected call, 400 to an unknown failure, 404 to unknown', async () => {
    const seat = await signIn(mock);
    const sessionId = await dial(seat);
    const bad = await post(`/__tccc/calls/${sessionId}/fail`, { endStatus: 'sleepy' });
    expect(bad.status).toBe(400);
    expect((await body(bad)).error.message).toContain('notAnswer, userReject');
    await post(`/__tccc/calls/${sessionId}/answer`, {});
    expect((await post(`/__tccc/calls/${sessionId}/answer`, {})).status).toBe(409);
    expect((await post('/__tccc/calls/nope/answer', {})).status).toBe(404);
    expect((await get('/__tccc/calls/nope')).status).toBe(404);
  });

  it('queues a skill-group call with its IVR path, and refuses unknown fields', async () => {
    mock.reseed({
      apps: [{ sdkAppId: 1400000000 }],
      skillGroups: [{ skillGroupId: 5, name: 'Help' }],
      staff: [{ mail: 'agent@example.com', skillGroups: [5] }],
    });
    const seat = await signIn(mock);
    const offer = await post('/__tccc/calls/inbound', {
      skillGroupId: 5,
      callerLocation: 'Shenzhen',
      ivrPath: [{ key: '1', label: 'Help' }],
    });
    expect(offer.status).toBe(201);
    const { sessionId } = await body(offer);
    expect((await seat.events.until('callIn')).data).toMatchObject({
      sessionId,
      callerLocation: 'Shenzhen',
      ivrPath: [{ key: '1', label: 'Help' }],
    });
    for (const input of [
      { skillGroupId: 5, colour: 'red' },
      { skillGroupId: 5, ivrPath: [{ key: 1 }] },
      { skillGroupId: '5' },
    ]) {
      const response = await post('/__tccc/calls/inbound', input);
      expect(response.status).toBe(400);
    }
  });

  it('disconnect closes the seat’s streams; the session stays until its grace runs out', async () => {
    const seat = await signIn(mock);
    const response = await post('/__tccc/sessions/disconnect', { seatUserId: 'agent@example.com' });
    expect(await body(response)).toEqual({ disconnected: 1 });
    await expect(seat.events.next()).rejects.toThrow('the event stream ended');
    const sessions = (await body(await get('/__tccc/sessions'))).sessions;
    expect(sessions).toEqual([
      expect.objectContaining({ connected: false, lostAt: expect.any(String) }),
    ]);
    expect((await post('/__tccc/sessions/disconnect', { seatUserId: 7 })).status).toBe(400);
  });
});

describe('SDK call routes with a body', () => {
  it('sends DTMF, transfers to another seat, and completes the call afterwards', async () => {
    const first = await signIn(mock);
    const second = await signIn(mock, 'agent2@example.com');
    const { sessionId } = await body(
      await post('/__tccc/calls/inbound', { seatUserId: 'agent@example.com' }),
    );
    await post(`/sdk/calls/${sessionId}/accept`, {}, first.auth);
    const dtmf = await post(`/sdk/calls/${sessionId}/dtmf`, { dtmfText: '1#' }, first.auth);
    expect(dtmf.status).toBe(200);
    expect((await post(`/sdk/calls/${sessionId}/dtmf`, { dtmfText: 'x' }, first.auth)).status).toBe(
      400,
    );
    const moved = await post(
      `/sdk/calls/${sessionId}/transfer`,
      { userId: 'agent2@example.com' },
      first.auth,
    );
    expect(await body(moved)).toMatchObject({ sessionId, state: 'offered' });
    expect((await first.events.until('transfer')).data).toEqual({
      sessionId,
      userId: 'agent2@example.com',
    });
    expect((await second.events.until('callIn')).data).toMatchObject({ sessionId });
    const completed = await post(`/sdk/calls/${sessionId}/complete`, {}, first.auth);
    expect(completed.status).toBe(200);
    expect((await first.events.until('sessionCompleted')).data).toEqual({ sessionId });
    expect((await body(await get(`/__tccc/calls/${sessionId}`))).call.digits).toBe('1#');
  });
});
