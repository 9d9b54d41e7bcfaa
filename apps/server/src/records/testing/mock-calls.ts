/**
 * Calls on a real mock TCCC, for the tests that need CDRs as the mock builds them
 * (mocks/tccc/src/sdk/cdr.ts) rather than fixtures: agents log in to the mock's SDK host
 * in-process (`mock.sdk`, the same runtime its HTTP routes drive), customers act through the
 * control plane over HTTP, and every call ends, so the mock stores (and, with Data Push on,
 * pushes) its CDR.
 *
 * `placeVariedCalls` covers the shapes a CDR takes: answered and hung up by either side,
 * transferred (two legs), given up while ringing (no recording: RecordId ''), nobody online
 * (no SeatUser, no legs), outbound answered and busy, with IVR keys, remark and UUI.
 */
import {
  createMockTccc,
  type MockTccc,
  type MockTcccOptions,
  type MockTcccServer,
  startMockTcccServer,
} from '@tccc-kit/mock-tccc';
import { createControlClient, type MockTcccControl } from '@tccc-kit/mock-tccc/testing';

export const MOCK_AGENT = 'agent@example.com';
export const MOCK_AGENT2 = 'agent2@example.com';
/** A skill group whose members never log in: a call queued there ends noSeatOnline. */
export const EMPTY_GROUP = 301;

export interface MockWithCalls {
  server: MockTcccServer;
  mock: MockTccc;
  control: MockTcccControl;
  /** Logs the agent in to the SDK host (an open event stream that discards events). */
  login(seatUserId: string): SdkSeat;
  close(): Promise<void>;
}

type SdkSession = ReturnType<MockTccc['sdk']['login']>;

export interface SdkSeat {
  session: SdkSession;
  act(sessionId: string, action: 'accept' | 'hangup' | 'complete'): void;
  logout(): void;
}

/** The mock's seed for these tests: two agents and a skill group nobody of which is online. */
export const MOCK_CALLS_SEED: MockTcccOptions = {
  apps: [{ sdkAppId: 1400000000, seats: [] }],
  skillGroups: [
    { skillGroupId: 201, name: 'Support' },
    { skillGroupId: EMPTY_GROUP, name: 'Night shift' },
  ],
  staff: [
    { mail: MOCK_AGENT, name: 'Agent One', staffNumber: '1001', skillGroups: [201] },
    { mail: MOCK_AGENT2, name: 'Agent Two', staffNumber: '1002', skillGroups: [201] },
    { mail: 'night@example.com', name: 'Night', staffNumber: '1003', skillGroups: [EMPTY_GROUP] },
  ],
};

export async function startMockWithCalls(options: MockTcccOptions = {}): Promise<MockWithCalls> {
  const mock = createMockTccc({ ...MOCK_CALLS_SEED, ...options });
  const server = await startMockTcccServer({ mock });
  const control = createControlClient(server);
  const seats: SdkSeat[] = [];
  return {
    server,
    mock,
    control,
    login(seatUserId) {
      const { token } = mock.issueToken({ seatUserId, origin: server.url });
      const session = mock.sdk.login(token, server.url);
      mock.sdk.attachStream(session, { send() {}, close() {} });
      const seat: SdkSeat = {
        session,
        act: (sessionId, action) => {
          mock.sdk.act(session, sessionId, action);
        },
        logout: () => mock.sdk.logout(session),
      };
      seats.push(seat);
      return seat;
    },
    async close() {
      for (const seat of seats.splice(0)) {
        try {
          seat.logout();
        } catch {
          // Already gone (the mock was reset).
        }
      }
      await server.close();
    },
  };
}

/** Waits until the mock holds `sessionId` as ended (outbound answers come on the mock clock). */
async function ended(control: MockTcccControl, sessionId: string, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const call = await control.call(sessionId);
    if (call.state === 'ended') return call;
    if (Date.now() > deadline) throw new Error(`call ${sessionId} did not end: ${call.state}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function talking(control: MockTcccControl, sessionId: string, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const call = await control.call(sessionId);
    if (call.state === 'talking') return call;
    if (Date.now() > deadline) throw new Error(`call ${sessionId} was not answered: ${call.state}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * Places and ends one call of each shape; returns their SessionIds. Agents log in first and
 * stay logged in (`MOCK_AGENT`, `MOCK_AGENT2`); the caller's mock must use MOCK_CALLS_SEED.
 */
export async function placeVariedCalls(target: MockWithCalls): Promise<string[]> {
  const { control, mock } = target;
  const one = target.login(MOCK_AGENT);
  const two = target.login(MOCK_AGENT2);
  const sessions: string[] = [];
  const complete = (seat: SdkSeat, sessionId: string) => {
    try {
      seat.act(sessionId, 'complete');
    } catch {
      // No after-call work configured: nothing to complete.
    }
  };

  // Answered, with IVR keys and a remark; the customer hangs up (ok, user).
  {
    const { sessionId } = await control.inboundCall({
      seatUserId: MOCK_AGENT,
      callerPhoneNumber: '008613800000001',
      callerLocation: 'Shenzhen',
      remark: 'vip',
      ivrPath: [
        { key: '1', label: 'Sales' },
        { key: '3', label: 'Renewals' },
      ],
      timeoutSeconds: 0,
    });
    one.act(sessionId, 'accept');
    await control.endCall(sessionId);
    complete(one, sessionId);
    sessions.push(sessionId);
  }
  // Answered and transferred to the second agent, who hangs up (two legs, ok, seat).
  {
    const { sessionId } = await control.inboundCall({
      seatUserId: MOCK_AGENT,
      callerPhoneNumber: '008613800000002',
      timeoutSeconds: 0,
    });
    one.act(sessionId, 'accept');
    mock.sdk.transfer(one.session, sessionId, { userId: MOCK_AGENT2 });
    two.act(sessionId, 'accept');
    two.act(sessionId, 'hangup');
    await ended(control, sessionId);
    complete(one, sessionId);
    complete(two, sessionId);
    sessions.push(sessionId);
  }
  // The customer gives up while the agent's phone rings (ringingGiveUp: no recording).
  {
    const { sessionId } = await control.inboundCall({
      seatUserId: MOCK_AGENT,
      callerPhoneNumber: '008613800000003',
      timeoutSeconds: 0,
    });
    await control.endCall(sessionId);
    sessions.push(sessionId);
  }
  // Queued where nobody is online (noSeatOnline: no SeatUser, no legs).
  {
    const { sessionId } = await control.inboundCall({
      skillGroupId: EMPTY_GROUP,
      callerPhoneNumber: '008613800000004',
    });
    await ended(control, sessionId);
    sessions.push(sessionId);
  }
  // Outbound with a UUI, answered by the customer, hung up by the agent.
  {
    const { sessionId } = mock.sdk.startOutbound(one.session, {
      phoneNumber: '13800000005',
      uui: 'order-42',
    });
    await control.answerCall(sessionId);
    await talking(control, sessionId);
    one.act(sessionId, 'hangup');
    await ended(control, sessionId);
    complete(one, sessionId);
    sessions.push(sessionId);
  }
  // Outbound to a busy line (206 busy: never connected).
  {
    const { sessionId } = mock.sdk.startOutbound(two.session, { phoneNumber: '13800000006' });
    await control.busyCall(sessionId);
    await ended(control, sessionId);
    complete(two, sessionId);
    sessions.push(sessionId);
  }
  return sessions;
}

/**
 * Places and ends `count` calls in-process, fast: 1 in 10 transferred from the first agent
 * to the second (two legs), 1 in 7 queued where nobody is online (noSeatOnline), the rest
 * answered by one of the agents and hung up by the customer. `between(placed)` runs after
 * each call (e.g. to restart a receiver halfway). Between calls the event loop runs (the
 * mock's Data Push goes out while calls are still being placed, as in a busy contact
 * centre). Returns the SessionIds in order.
 */
export async function placeManyCalls(
  target: MockWithCalls,
  count: number,
  between?: (placed: number) => Promise<void> | void,
): Promise<string[]> {
  const { mock } = target;
  const one = target.login(MOCK_AGENT);
  const two = target.login(MOCK_AGENT2);
  const seats = [one, two];
  const sessions: string[] = [];
  for (let i = 0; i < count; i++) {
    if (i % 7 === 3) {
      const { sessionId } = mock.sdk.offerInbound({
        skillGroupId: EMPTY_GROUP,
        callerPhoneNumber: `0086139${String(i).padStart(8, '0')}`,
      });
      sessions.push(sessionId);
    } else if (i % 10 === 0) {
      const { sessionId } = mock.sdk.offerInbound({ seatUserId: MOCK_AGENT, timeoutSeconds: 0 });
      one.act(sessionId, 'accept');
      mock.sdk.transfer(one.session, sessionId, { userId: MOCK_AGENT2 });
      two.act(sessionId, 'accept');
      mock.sdk.endByCustomer(sessionId);
      sessions.push(sessionId);
    } else {
      const seat = seats[i % 2] as SdkSeat;
      const { sessionId } = mock.sdk.offerInbound({
        seatUserId: seat === one ? MOCK_AGENT : MOCK_AGENT2,
        callerPhoneNumber: `0086138${String(i).padStart(8, '0')}`,
        timeoutSeconds: 0,
      });
      seat.act(sessionId, 'accept');
      mock.sdk.endByCustomer(sessionId);
      sessions.push(sessionId);
    }
    await between?.(i + 1);
    await new Promise((resolve) => setImmediate(resolve));
  }
  return sessions;
}
