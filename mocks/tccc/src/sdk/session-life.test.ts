/** SDK sessions ending the way a seat's do: logout, takeover, a lost stream and its grace. */
import { afterEach, describe, expect, it } from 'vitest';
import { type Harness, harness } from '../../test/runtime-harness.js';

let h: Harness;
afterEach(() => h.close());

const authError = (credential: string) => {
  try {
    h.mock.sdk.authenticate(`Bearer ${credential}`);
  } catch (error) {
    return error;
  }
  return undefined;
};

describe('logout (Agent.offline(), page unload)', () => {
  it('takes the seat offline at once, says loggedOut offline, and remembers why', () => {
    h = harness();
    const page = h.login();
    h.mock.sdk.logout(page.session);
    expect(page.names()).toEqual(['connected', 'loggedOut']);
    expect(page.last('loggedOut')).toEqual({ reason: 'offline' });
    expect(page.closed).toBe(true);
    expect(h.status('agent@example.com')).toBe('offline');
    expect(authError(page.session.credential)).toMatchObject({
      status: 401,
      code: 'SessionLoggedOut',
    });
    expect(() => h.mock.sdk.offerInbound({ seatUserId: 'agent@example.com' })).toThrow(
      /no live SDK session/,
    );
  });

  it('ends a connected call as the agent hanging up, and moves a ringing offer on', () => {
    h = harness();
    const agent = h.login();
    const other = h.login('agent2@example.com');
    const talking = h.mock.sdk.offerInbound({ seatUserId: 'agent@example.com' }).sessionId;
    h.mock.sdk.act(agent.session, talking, 'accept');
    h.mock.sdk.logout(agent.session);
    expect(h.cdr(talking)).toMatchObject({ EndStatus: 1, HungUpSide: 'seat' });
    expect(agent.names()).toContain('sessionEnded');

    const again = h.login();
    const ringing = h.mock.sdk.offerInbound({ seatUserId: 'agent@example.com' }).sessionId;
    h.mock.sdk.logout(again.session);
    // Offered to that seat only: nowhere else to go.
    expect(h.cdr(ringing)).toMatchObject({ EndStatus: 17 });
    expect(other.all('callIn')).toEqual([]);
  });
});

describe('takeover (a second login of the seat)', () => {
  it('ends the older session with loggedOut takenOver; the newer page gets the call', () => {
    h = harness();
    const older = h.login();
    const { sessionId } = h.mock.sdk.offerInbound({ seatUserId: 'agent@example.com' });
    h.mock.sdk.act(older.session, sessionId, 'accept');
    const newer = h.login();
    expect(older.last('loggedOut')).toEqual({ reason: 'takenOver' });
    expect(older.closed).toBe(true);
    expect(authError(older.session.credential)).toMatchObject({ code: 'SessionTakenOver' });
    // The call in progress moved to the newer page, which learns it on connect.
    expect(newer.events[0]).toEqual({
      name: 'connected',
      payload: {
        status: 'busy',
        calls: [
          {
            sessionId,
            direction: 'inbound',
            peer: '008613800138000',
            state: 'talking',
            muted: false,
            held: false,
          },
        ],
      },
    });
    h.mock.sdk.act(newer.session, sessionId, 'hold');
    h.mock.sdk.act(newer.session, sessionId, 'hangup');
    expect(newer.last('sessionEnded')).toMatchObject({ sessionId, closeBy: 'seat' });
    expect(h.status('agent@example.com')).toBe('free');
    expect(h.mock.sdk.listSessions()).toHaveLength(1);
  });
});

describe('a lost event stream', () => {
  it('keeps the seat for the grace period of mock time, then ends it (expired)', () => {
    h = harness({ sdk: { sessionGraceSeconds: 60 } });
    const page = h.login();
    page.drop();
    expect(h.mock.sdk.listSessions()[0]).toMatchObject({ connected: false, status: 'free' });
    // Not listening: no offers reach it.
    expect(() => h.mock.sdk.offerInbound({ seatUserId: 'agent@example.com' })).toThrow(
      /no live SDK session/,
    );
    h.advance(59_999);
    expect(h.status('agent@example.com')).toBe('free');
    h.advance(1);
    expect(h.status('agent@example.com')).toBe('offline');
    expect(h.mock.sdk.listSessions()).toEqual([]);
    expect(authError(page.session.credential)).toMatchObject({
      status: 401,
      code: 'SessionExpired',
    });
  });

  it('ends a call in progress with clientError (211) when the grace runs out', () => {
    h = harness({ sdk: { sessionGraceSeconds: 10 } });
    const page = h.login();
    const { sessionId } = h.mock.sdk.startOutbound(page.session, { phoneNumber: '13800000001' });
    h.advance(1_000);
    page.drop();
    h.advance(10_000);
    expect(h.cdr(sessionId)).toMatchObject({
      EndStatus: 211,
      EndStatusString: 'clientError',
      HungUpSide: 'system',
      Duration: 10,
    });
  });

  it('reconnecting within the grace keeps the session, and replays what it missed', () => {
    h = harness({ sdk: { sessionGraceSeconds: 60 } });
    const page = h.login();
    const { sessionId } = h.mock.sdk.startOutbound(page.session, { phoneNumber: '13800000001' });
    page.drop();
    h.advance(1_000); // the callee answers while the page is away
    page.clear();
    page.connect();
    expect(page.names()).toEqual(['connected', 'calloutAccepted']);
    expect(page.events[0]?.payload).toMatchObject({
      status: 'busy',
      calls: [{ sessionId, state: 'talking' }],
    });
    h.advance(120_000);
    expect(h.mock.sdk.listSessions()[0]).toMatchObject({ connected: true, status: 'busy' });
  });

  it('dropStreams closes the streams of one seat (or all), as a network drop', () => {
    h = harness();
    const agent = h.login();
    const other = h.login('agent2@example.com');
    expect(h.mock.sdk.dropStreams('agent@example.com')).toBe(1);
    expect([agent.closed, other.closed]).toEqual([true, false]);
    expect(h.mock.sdk.dropStreams()).toBe(1);
    expect(h.mock.sdk.listSessions().map((session) => session.connected)).toEqual([false, false]);
  });
});
