/** DescribeTelSession, DescribePSTNActiveSessionList and HangUpCall against live calls. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiError, callApi } from '../../../test/cloud-api.js';
import { type SignedInSeat, signIn } from '../../../test/sdk-host-helpers.js';
import { createMockTccc } from '../../mock.js';
import type { SdkSession } from '../../state/sessions.js';

const APP = 1400000000;
const mock = createMockTccc({
  now: Date.UTC(2030, 0, 15, 12),
  limits: { requestsPerSecond: 100_000 },
});
let seat: SignedInSeat;
let session: SdkSession;
beforeEach(async () => {
  mock.reseed({}); // one test seeds a second app
  mock.pauseTime();
  seat = await signIn(mock);
  const found = mock.store.sessions.byCredential(seat.credential);
  if (!found) throw new Error('no SDK session');
  session = found;
});
afterEach(() => seat.events.cancel());

const telSession = async (sessionId: string) =>
  (await callApi(mock, 'DescribeTelSession', { SdkAppId: APP, SessionId: sessionId }))
    .Session as Record<string, unknown>;

describe('DescribeTelSession', () => {
  it('follows an outbound call: ringing, inProgress once answered, finished once ended', async () => {
    const started = mock.clock.now() / 1000;
    const { sessionId } = mock.sdk.startOutbound(session, { phoneNumber: '008613912345670' });
    expect(await telSession(sessionId)).toEqual({
      SessionID: sessionId,
      RoomID: '',
      Caller: '008675586013388',
      Callee: '008613912345670',
      StartTimestamp: started,
      RingTimestamp: started,
      AcceptTimestamp: 0,
      StaffEmail: 'agent@example.com',
      StaffNumber: '1',
      SessionStatus: 'ringing',
      Direction: 1,
      OutBoundCaller: '',
      OutBoundCallee: '',
      ProtectedCaller: '',
      ProtectedCallee: '',
    });
    mock.advanceTime(1_000);
    expect(await telSession(sessionId)).toMatchObject({
      SessionStatus: 'inProgress',
      AcceptTimestamp: started + 1,
    });
    mock.sdk.act(session, sessionId, 'hangup');
    expect((await telSession(sessionId)).SessionStatus).toBe('finished');
  });

  it('shows an inbound call offered to the agent as seatJoining', async () => {
    const { sessionId } = mock.sdk.offerInbound({ seatUserId: 'agent@example.com' });
    expect(await telSession(sessionId)).toMatchObject({
      SessionStatus: 'seatJoining',
      Direction: 0,
    });
  });

  it('answers from the CDR when the call is not in the live table (history)', async () => {
    mock.store.cdrs.insert(APP, {
      SessionId: 'old-call',
      StartTimestamp: 1_800_000_000,
      Direction: 1,
      Caller: '1',
      Callee: '2',
      SeatUser: { Name: 'A', Mail: 'a@example.com', StaffNumber: '9' },
    });
    expect(await telSession('old-call')).toMatchObject({
      SessionID: 'old-call',
      SessionStatus: 'finished',
      StaffEmail: 'a@example.com',
      StaffNumber: '9',
      Direction: 1,
    });
  });

  it('answers SessionNotExists for an unknown session or one of another app', async () => {
    const { sessionId } = mock.sdk.offerInbound({ seatUserId: 'agent@example.com' });
    mock.reseed({
      apps: [{ sdkAppId: APP, seats: ['agent@example.com'] }, { sdkAppId: 1400000001 }],
    });
    expect(
      await apiError(mock, 'DescribeTelSession', { SdkAppId: APP, SessionId: 'nope' }),
    ).toEqual({
      Code: 'FailedOperation.SessionNotExists',
      Message: 'Session `nope` does not exist in SDKAppID `1400000000`.',
    });
    expect(
      (await apiError(mock, 'DescribeTelSession', { SdkAppId: 1400000001, SessionId: sessionId }))
        .Code,
    ).toBe('FailedOperation.SessionNotExists');
  });
});

describe('DescribePSTNActiveSessionList', () => {
  it('lists the calls in progress, oldest first, paged by Offset and Limit', async () => {
    const second = await signIn(mock, 'agent2@example.com');
    const secondSession = mock.store.sessions.byCredential(second.credential) as SdkSession;
    const a = mock.sdk.startOutbound(session, { phoneNumber: '008613900000001' });
    mock.advanceTime(1_000);
    const b = mock.sdk.startOutbound(secondSession, { phoneNumber: '008613900000002' });
    const list = await callApi(mock, 'DescribePSTNActiveSessionList', {
      SdkAppId: APP,
      Offset: 0,
      Limit: 25,
    });
    expect(list.Total).toBe(2);
    const sessions = list.Sessions as Record<string, unknown>[];
    expect(sessions.map((s) => s.SessionID)).toEqual([a.sessionId, b.sessionId]);
    expect(sessions[0]).toMatchObject({
      SessionStatus: 'inProgress',
      StartTimestamp: String(mock.clock.now() / 1000 - 1),
      AcceptTimestamp: String(mock.clock.now() / 1000),
      RingTimestamp: mock.clock.now() / 1000 - 1,
    });
    expect(sessions[0]).not.toHaveProperty('OutBoundCaller');
    const page = await callApi(mock, 'DescribePSTNActiveSessionList', {
      SdkAppId: APP,
      Offset: 1,
      Limit: 1,
    });
    expect(page).toMatchObject({ Total: 2, Sessions: [{ SessionID: b.sessionId }] });
    mock.sdk.act(session, a.sessionId, 'hangup');
    expect(
      (
        await callApi(mock, 'DescribePSTNActiveSessionList', {
          SdkAppId: APP,
          Offset: 0,
          Limit: 25,
        })
      ).Total,
    ).toBe(1);
    await second.events.cancel();
  });

  it.each([
    [{ Limit: 26 }, /`Limit` must be from 1 to 25 \(got 26\)/],
    [{ Limit: 0 }, /`Limit` must be from 1 to 25/],
    [{ Offset: -1 }, /`Offset` must be >= 0/],
  ])('answers InvalidParameterValue for %o', async (change, message) => {
    const error = await apiError(mock, 'DescribePSTNActiveSessionList', {
      SdkAppId: APP,
      Offset: 0,
      Limit: 25,
      ...change,
    });
    expect(error).toMatchObject({
      Code: 'InvalidParameterValue',
      Message: expect.stringMatching(message),
    });
  });
});

describe('HangUpCall', () => {
  it('ends a call in the browser too: sessionEnded closeBy admin, the agent free again', async () => {
    const { sessionId } = mock.sdk.offerInbound({ seatUserId: 'agent@example.com' });
    mock.sdk.act(session, sessionId, 'accept');
    await seat.events.until('userAccessed');
    expect(await callApi(mock, 'HangUpCall', { SdkAppId: APP, SessionId: sessionId })).toEqual({
      RequestId: expect.any(String),
    });
    expect((await seat.events.until('sessionEnded')).data).toMatchObject({
      sessionId,
      closeBy: 'admin',
    });
    expect((await seat.events.until('statusChanged')).data).toEqual({ status: 'free' });
    expect(mock.store.calls.get(sessionId)).toMatchObject({
      state: 'ended',
      ending: { closeBy: 'admin', hungUpSide: 'system' },
    });
    expect(mock.store.staff.get(APP, 'agent@example.com')?.status).toBe('free');
  });

  it('hangs up a call still ringing', async () => {
    const { sessionId } = mock.sdk.startOutbound(session, { phoneNumber: '008613900000009' });
    await callApi(mock, 'HangUpCall', { SdkAppId: APP, SessionId: sessionId });
    expect((await seat.events.until('sessionEnded')).data).toMatchObject({ closeBy: 'admin' });
  });

  it('answers SessionNotExists for an unknown call or one that has ended', async () => {
    expect((await apiError(mock, 'HangUpCall', { SdkAppId: APP, SessionId: 'nope' })).Code).toBe(
      'FailedOperation.SessionNotExists',
    );
    const { sessionId } = mock.sdk.startOutbound(session, { phoneNumber: '008613900000001' });
    await callApi(mock, 'HangUpCall', { SdkAppId: APP, SessionId: sessionId });
    const again = await apiError(mock, 'HangUpCall', { SdkAppId: APP, SessionId: sessionId });
    expect(again).toEqual({
      Code: 'FailedOperation.SessionNotExists',
      Message: `Session \`${sessionId}\` has already ended; only a call in progress can be hung up.`,
    });
  });

  it('refuses an empty SessionId and an unknown app', async () => {
    expect(await apiError(mock, 'HangUpCall', { SdkAppId: APP, SessionId: ' ' })).toEqual({
      Code: 'InvalidParameterValue',
      Message: '`SessionId` must not be empty.',
    });
    expect((await apiError(mock, 'HangUpCall', { SdkAppId: 5, SessionId: 's' })).Code).toBe(
      'InvalidParameterValue.InstanceNotExist',
    );
  });
});
