import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MockControlError } from './control-client.js';
import { type StartedMockTccc, startMockTccc } from './start.js';

let mock: StartedMockTccc;
beforeAll(async () => {
  mock = await startMockTccc();
});
afterAll(() => mock.close());
beforeEach(() => mock.control.reset());

describe('startMockTccc', () => {
  it('listens on a free loopback port and serves the SDK script', async () => {
    expect(mock.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const { sdkUrl } = await mock.control.issueToken({ seatUserId: 'agent@example.com' });
    expect(sdkUrl.startsWith(`${mock.url}/sdk/tccc.js?token=`)).toBe(true);
    expect((await fetch(sdkUrl)).status).toBe(200);
  });

  it('issues tokens, lists them and forgets them on reset', async () => {
    await mock.control.issueToken({ seatUserId: 'agent@example.com', onlyOnce: true });
    expect(await mock.control.tokens()).toEqual([
      expect.objectContaining({ seatUserId: 'agent@example.com', onlyOnce: true, usedAt: null }),
    ]);
    await mock.control.reset();
    expect(await mock.control.tokens()).toEqual([]);
  });

  it('moves the clock and manages faults', async () => {
    const before = await mock.control.clock();
    const after = await mock.control.advanceClock(60_000);
    expect(after.offsetMs - before.offsetMs).toBe(60_000);
    const set = await mock.control.setClock('2030-01-01T00:00:00.000Z');
    expect(set.nowMs).toBeGreaterThanOrEqual(Date.parse('2030-01-01T00:00:00.000Z'));
    const rule = await mock.control.addFault({ target: 'sdk.login', kind: 'drop', times: 1 });
    expect(await mock.control.faults()).toEqual([expect.objectContaining({ id: rule.id })]);
    expect(await mock.control.clearFaults()).toBe(1);
  });

  it('reports control errors with status and code, e.g. an offer to a seat with no SDK', async () => {
    const error = await mock.control
      .inboundCall({ seatUserId: 'agent@example.com' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MockControlError);
    expect(error).toMatchObject({ status: 409, code: 'SeatBusy' });
    expect(await mock.control.sessions()).toEqual([]);
    expect(await mock.control.calls()).toEqual([]);
  });
});

describe('the customer’s side through the control client', () => {
  /** A page's part, over HTTP: log in with a token and dial out. */
  async function dial(phoneNumber: string) {
    const { token } = await mock.control.issueToken({ seatUserId: 'agent@example.com' });
    const login = await fetch(`${mock.url}/sdk/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token }),
    });
    const { credential } = (await login.json()) as { credential: string };
    const dialled = await fetch(`${mock.url}/sdk/calls/outbound`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${credential}` },
      body: JSON.stringify({ phoneNumber }),
    });
    return ((await dialled.json()) as { sessionId: string }).sessionId;
  }

  it('answers, rejects, is busy or fails an outbound call, and shows each call', async () => {
    await mock.control.pauseClock();
    const answered = await dial('13800000001');
    expect(await mock.control.answerCall(answered)).toMatchObject({ state: 'talking' });
    expect(await mock.control.endCall(answered)).toMatchObject({
      endStatus: 1,
      hungUpSide: 'user',
    });
    expect((await mock.control.rejectCall(await dial('13800000001'))).endStatus).toBe(203);
    expect((await mock.control.busyCall(await dial('13800000001'))).endStatus).toBe(206);
    const off = await mock.control.failCall(await dial('13800000001'), 'powerOff');
    expect(off).toMatchObject({ endStatus: 204, endStatusString: 'powerOff' });
    expect(await mock.control.call(answered)).toMatchObject({ sessionId: answered, digits: '' });
    expect(await mock.control.disconnectSdk()).toBe(0);
    await expect(mock.control.call('nope')).rejects.toMatchObject({ status: 404 });
  });
});
