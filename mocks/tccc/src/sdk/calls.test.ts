import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { body, controlHeaders, json, newMock, signIn } from '../../test/sdk-host-helpers.js';
import type { MockTccc } from '../mock.js';

let mock: MockTccc;
beforeEach(() => {
  mock = newMock();
});
afterEach(() => mock.reset());

/** SDK routes with the seat's credential; control routes with the control token. */
const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  mock.app.request(
    path,
    json(body, path.startsWith('/__tccc/') ? { ...controlHeaders(mock), ...headers } : headers),
  );
const get = (path: string) => mock.app.request(path, { headers: controlHeaders(mock) });

describe('inbound calls', () => {
  it('offers a call to a signed-in seat: callIn, accept → userAccessed, customer hangs up', async () => {
    const seat = await signIn(mock);
    const offer = await post('/__tccc/calls/inbound', {
      seatUserId: 'agent@example.com',
      callerPhoneNumber: '13800000001',
      timeoutSeconds: 0,
    });
    expect(offer.status).toBe(201);
    const { sessionId } = await body(offer);
    expect(await seat.events.next()).toEqual({
      event: 'callIn',
      data: {
        sessionId,
        type: 'phone',
        timeout: 0,
        callerPhoneNumber: '13800000001',
        calleePhoneNumber: '008675586013388',
        serverType: 'staffSeat',
      },
    });

    const accepted = await post(`/sdk/calls/${sessionId}/accept`, {}, seat.auth);
    expect(await body(accepted)).toMatchObject({ sessionId, state: 'talking' });
    expect((await seat.events.next()).data).toEqual({ status: 'busy' });
    expect(await seat.events.next()).toEqual({ event: 'userAccessed', data: { sessionId } });

    const ended = await post(`/__tccc/calls/${sessionId}/end`, {});
    expect((await body(ended)).call).toMatchObject({ state: 'ended', closeBy: 'client' });
    const sessionEnded = await seat.events.until('sessionEnded');
    expect(sessionEnded.data).toMatchObject({ sessionId, closeBy: 'client', type: 'phone' });
    expect((await seat.events.next()).data).toEqual({ status: 'free' });
  });

  it('ends an unanswered offer to a named seat when its timeout passes (seatGiveUp)', async () => {
    const seat = await signIn(mock);
    const offer = await post('/__tccc/calls/inbound', {
      seatUserId: 'agent@example.com',
      timeoutSeconds: 20,
    });
    const { sessionId } = await body(offer);
    await seat.events.until('callIn');
    mock.advanceTime(21_000);
    expect((await seat.events.until('sessionEnded')).data).toMatchObject({
      sessionId,
      closeBy: 'timer',
    });
    const calls = await body(await get('/__tccc/calls'));
    expect(calls.calls[0]).toMatchObject({
      sessionId,
      state: 'ended',
      endStatus: 17,
      endStatusString: 'seatGiveUp',
    });
  });

  it('answers 409 when the seat has no live SDK session', async () => {
    const response = await post('/__tccc/calls/inbound', { seatUserId: 'agent2@example.com' });
    expect(response.status).toBe(409);
    expect((await body(response)).error).toMatchObject({ code: 'SeatBusy' });
  });

  it('answers 409 when the seat is not free', async () => {
    const seat = await signIn(mock);
    await post('/sdk/agent/status', { status: 'rest' }, seat.auth);
    const response = await post('/__tccc/calls/inbound', { seatUserId: 'agent@example.com' });
    expect(response.status).toBe(409);
    expect((await body(response)).error.message).toContain('"rest"');
  });

  it('answers 400 for bad control input', async () => {
    await signIn(mock);
    for (const input of [
      {},
      { seatUserId: 'agent@example.com', timeoutSeconds: -1 },
      { seatUserId: 'agent@example.com', callerPhoneNumber: 'call me' },
    ]) {
      const response = await post('/__tccc/calls/inbound', input);
      expect(response.status).toBe(400);
      expect((await body(response)).error.code).toBe('BadRequest');
    }
  });
});

describe('outbound calls', () => {
  it('pushes callOuted, then calloutAccepted after the ring (by the mock clock)', async () => {
    const seat = await signIn(mock);
    const response = await post('/sdk/calls/outbound', { phoneNumber: '13800000001' }, seat.auth);
    const call = await body(response);
    expect(call).toMatchObject({ calleePhoneNumber: '13800000001', serverType: 'staffSeat' });
    expect((await seat.events.next()).data).toEqual({ status: 'busy' });
    expect(await seat.events.next()).toMatchObject({
      event: 'callOuted',
      data: { sessionId: call.sessionId, calleePhoneNumber: '13800000001' },
    });
    mock.advanceTime(1_000);
    expect(await seat.events.next()).toEqual({
      event: 'calloutAccepted',
      data: { sessionId: call.sessionId },
    });
    await post(`/sdk/calls/${call.sessionId}/hangup`, {}, seat.auth);
    expect((await seat.events.until('sessionEnded')).data).toMatchObject({ closeBy: 'seat' });
  });

  it('ends a call to a number ending in 9 unanswered (closeBy timer) after 30 s', async () => {
    const seat = await signIn(mock);
    await post('/sdk/calls/outbound', { phoneNumber: '13800000009' }, seat.auth);
    await seat.events.until('callOuted');
    mock.advanceTime(30_000);
    expect((await seat.events.until('sessionEnded')).data).toMatchObject({
      closeBy: 'timer',
      duration: 0,
    });
  });

  it('ends a call to a busy number (ending in 8) with closeBy client', async () => {
    const seat = await signIn(mock);
    await post('/sdk/calls/outbound', { phoneNumber: '13800000008' }, seat.auth);
    mock.advanceTime(500);
    expect((await seat.events.until('sessionEnded')).data).toMatchObject({ closeBy: 'client' });
  });

  it('refuses a second call while one is in progress (409 SeatBusy)', async () => {
    const seat = await signIn(mock);
    await post('/sdk/calls/outbound', { phoneNumber: '13800000001' }, seat.auth);
    const second = await post('/sdk/calls/outbound', { phoneNumber: '13800000002' }, seat.auth);
    expect(second.status).toBe(409);
    expect((await body(second)).error.message).toContain('hang it up');
  });

  it('rejects a missing phone number with 400', async () => {
    const seat = await signIn(mock);
    const response = await post('/sdk/calls/outbound', {}, seat.auth);
    expect(response.status).toBe(400);
    expect((await body(response)).error.message).toContain('phoneNumber is required');
  });
});

describe('call actions', () => {
  it('mutes, holds and reports the state', async () => {
    const seat = await signIn(mock);
    const { sessionId } = await body(
      await post('/sdk/calls/outbound', { phoneNumber: '13800000001' }, seat.auth),
    );
    mock.advanceTime(1_000);
    await seat.events.until('calloutAccepted');
    expect(await body(await post(`/sdk/calls/${sessionId}/mute`, {}, seat.auth))).toMatchObject({
      muted: true,
      held: false,
    });
    expect(await body(await post(`/sdk/calls/${sessionId}/hold`, {}, seat.auth))).toMatchObject({
      muted: true,
      held: true,
    });
    expect(await body(await post(`/sdk/calls/${sessionId}/unhold`, {}, seat.auth))).toMatchObject({
      held: false,
    });
  });

  it('answers 404 CallNotFound for an unknown sessionId and 404 for an unknown action', async () => {
    const seat = await signIn(mock);
    const unknown = await post('/sdk/calls/nope/hangup', {}, seat.auth);
    expect(unknown.status).toBe(404);
    expect((await body(unknown)).error.code).toBe('CallNotFound');
    const action = await post('/sdk/calls/nope/dance', {}, seat.auth);
    expect(action.status).toBe(404);
    expect((await body(action)).error.message).toContain('accept, hangup');
  });

  it('does not let one seat act on another seat’s call', async () => {
    const first = await signIn(mock);
    const second = await signIn(mock, 'agent2@example.com');
    const { sessionId } = await body(
      await post('/sdk/calls/outbound', { phoneNumber: '13800000001' }, first.auth),
    );
    expect((await post(`/sdk/calls/${sessionId}/hangup`, {}, second.auth)).status).toBe(404);
  });

  it('refuses to accept an outbound call (409 CallStateConflict)', async () => {
    const seat = await signIn(mock);
    const { sessionId } = await body(
      await post('/sdk/calls/outbound', { phoneNumber: '13800000001' }, seat.auth),
    );
    const response = await post(`/sdk/calls/${sessionId}/accept`, {}, seat.auth);
    expect(response.status).toBe(409);
    expect((await body(response)).error.code).toBe('CallStateConflict');
  });
});

describe('control listings', () => {
  it('lists sessions without their credentials', async () => {
    const seat = await signIn(mock);
    const answer = await body(await get('/__tccc/sessions'));
    expect(answer.sessions).toEqual([
      expect.objectContaining({ seatUserId: 'agent@example.com', connected: true, status: 'free' }),
    ]);
    expect(JSON.stringify(answer)).not.toContain(seat.credential);
  });

  it('answers 404 when ending an unknown call and 409 when ending it twice', async () => {
    expect((await post('/__tccc/calls/nope/end', {})).status).toBe(404);
    const seat = await signIn(mock);
    const { sessionId } = await body(
      await post('/__tccc/calls/inbound', { seatUserId: 'agent@example.com' }),
    );
    await seat.events.until('callIn');
    expect((await post(`/__tccc/calls/${sessionId}/end`, {})).status).toBe(200);
    expect((await post(`/__tccc/calls/${sessionId}/end`, {})).status).toBe(409);
  });
});

describe('seat status, one per seat on its staff record', () => {
  it('is offline until a login, free after it, and offline again when the last page logs out', async () => {
    const staff = () => mock.store.staff.get(1400000000, 'agent@example.com')?.status;
    expect(staff()).toBe('offline');
    const seat = await signIn(mock);
    expect(staff()).toBe('free');
    await mock.app.request('/sdk/session', { method: 'DELETE', headers: seat.auth });
    expect(staff()).toBe('offline');
  });

  it('a newer login takes over: the older session ends, and the seat is free again', async () => {
    const first = await signIn(mock);
    await post('/sdk/agent/status', { status: 'notReady' }, first.auth);
    expect((await first.events.until('statusChanged')).data).toEqual({ status: 'notReady' });
    const second = await signIn(mock);
    expect(await first.events.next()).toEqual({
      event: 'loggedOut',
      data: { reason: 'takenOver' },
    });
    await expect(first.events.next()).rejects.toThrow('the event stream ended');
    const stale = await post('/sdk/agent/status', { status: 'rest' }, first.auth);
    expect(stale.status).toBe(401);
    expect((await body(stale)).error.code).toBe('SessionTakenOver');
    const sessions = await body(await get('/__tccc/sessions'));
    expect(sessions.sessions).toEqual([
      expect.objectContaining({ status: 'free', connected: true }),
    ]);
    expect(mock.store.staff.get(1400000000, 'agent@example.com')?.status).toBe('free');
    await second.events.cancel();
  });

  it('a login does not make a seat in a call free', async () => {
    const first = await signIn(mock);
    await post('/sdk/calls/outbound', { phoneNumber: '13800000001' }, first.auth);
    await signIn(mock);
    expect(mock.store.staff.get(1400000000, 'agent@example.com')?.status).toBe('busy');
  });
});

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
