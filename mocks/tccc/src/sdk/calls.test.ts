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
