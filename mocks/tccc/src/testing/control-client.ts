/**
 * A typed client of the mock TCCC control plane (/__tccc/) over HTTP, sending the mock's
 * control token with every request. Works against any running mock whose token you have:
 * one started by startMockTccc (which builds this client for you), startMockTcccServer, or
 * the CLI (the token you gave it in MOCK_TCCC_CONTROL_TOKEN).
 */
import type { MockSeedConfig } from '../config/index.js';
import type { ClockView, MockTcccState } from '../control/index.js';
import type { FaultRule, FaultRuleInput } from '../faults/index.js';
import type { InboundCallRequest } from '../sdk/runtime.js';
import type { CallView } from '../state/calls.js';
import type { SessionView } from '../state/sessions.js';
import type { TokenRecord } from '../state/tokens.js';

export interface IssueTokenRequest {
  seatUserId: string;
  sdkAppId?: number;
  onlyOnce?: boolean;
}

export interface IssuedSdkToken {
  token: string;
  /** `<mock>/sdk/tccc.js?token=…`: load it as the SDK script. */
  sdkUrl: string;
  /** Unix seconds, as CreateSDKLoginToken's ExpiredTime. */
  expiredTime: number;
  expiresAt: string;
}

export interface MockTcccControl {
  /** Mint an SDK login token and URL, as CreateSDKLoginToken would. */
  issueToken(request: IssueTokenRequest): Promise<IssuedSdkToken>;
  /** Offer an inbound call to a seat whose SDK is loaded and ready. */
  inboundCall(request: InboundCallRequest): Promise<{ sessionId: string; call: CallView }>;
  /** The customer hangs up. */
  endCall(sessionId: string): Promise<CallView>;
  advanceClock(ms: number): Promise<ClockView>;
  setClock(time: Date | number | string): Promise<ClockView>;
  /** Stop mock time: nothing that waits on it happens until advanceClock/setClock/resumeClock. */
  pauseClock(): Promise<ClockView>;
  resumeClock(): Promise<ClockView>;
  clock(): Promise<ClockView>;
  addFault(rule: FaultRuleInput): Promise<FaultRule>;
  /** Returns how many rules were removed. */
  clearFaults(): Promise<number>;
  faults(): Promise<FaultRule[]>;
  /** Back to the seed: forget tokens, sessions, calls, CDRs, pushes and faults; the clock returns to real time. */
  reset(): Promise<void>;
  /** Replace the seed (accounts, apps, staff, skill groups), then reset. */
  seed(seed: MockSeedConfig): Promise<void>;
  /** The whole state, secrets redacted; `omit` leaves big collections out. */
  state(options?: {
    omit?: readonly ('tokens' | 'calls' | 'cdrs' | 'pushes')[];
  }): Promise<MockTcccState>;
  tokens(): Promise<TokenRecord[]>;
  sessions(): Promise<SessionView[]>;
  calls(): Promise<CallView[]>;
}

/** A control-plane request that failed; `code` is the mock's error code. */
export class MockControlError extends Error {
  override readonly name = 'MockControlError';
  constructor(
    message: string,
    readonly status: number,
    readonly code: string,
  ) {
    super(message);
  }
}

/** A running mock as startMockTcccServer / startMockTccc describe it. */
export interface MockTcccEndpoint {
  readonly url: string;
  readonly controlToken: string;
}

export interface ControlClientOptions {
  /** The mock's control token; taken from the endpoint when one is given. */
  token?: string;
}

/**
 * `createControlClient(server)` for a mock started in this process, or
 * `createControlClient(url, { token })` for one started elsewhere.
 */
export function createControlClient(
  target: string | URL | MockTcccEndpoint,
  options: ControlClientOptions = {},
): MockTcccControl {
  const isEndpoint = typeof target === 'object' && 'controlToken' in target;
  const base = new URL('/__tccc/', isEndpoint ? target.url : target);
  const token = options.token ?? (isEndpoint ? target.controlToken : undefined);
  if (!token) {
    throw new TypeError(
      "createControlClient needs the mock's control token: pass the started server (createControlClient(server)) or { token } (the MOCK_TCCC_CONTROL_TOKEN you gave the CLI).",
    );
  }

  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(new URL(path, base), {
      method,
      headers: {
        'x-tccc-control-token': token as string,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    const json: unknown = text ? JSON.parse(text) : undefined;
    if (!response.ok) {
      const error = (json as { error?: { code?: string; message?: string } } | undefined)?.error;
      throw new MockControlError(
        `mock TCCC control ${method} /__tccc/${path} failed (${response.status}): ${error?.message ?? text}`,
        response.status,
        error?.code ?? 'http_error',
      );
    }
    return json as T;
  }

  return {
    issueToken: (request) => call('POST', 'tokens', request),
    inboundCall: (request) => call('POST', 'calls/inbound', request),
    endCall: async (sessionId) =>
      (await call<{ call: CallView }>('POST', `calls/${encodeURIComponent(sessionId)}/end`, {}))
        .call,
    advanceClock: (ms) => call('POST', 'clock', { advanceMs: ms }),
    setClock: (time) =>
      call('POST', 'clock', { now: time instanceof Date ? time.toISOString() : time }),
    pauseClock: () => call('POST', 'clock', { paused: true }),
    resumeClock: () => call('POST', 'clock', { paused: false }),
    clock: () => call('GET', 'clock'),
    addFault: (rule) => call('POST', 'faults', rule),
    clearFaults: async () => (await call<{ cleared: number }>('DELETE', 'faults')).cleared,
    faults: async () => (await call<{ faults: FaultRule[] }>('GET', 'faults')).faults,
    reset: async () => {
      await call('POST', 'reset');
    },
    seed: async (seed) => {
      await call('POST', 'seed', seed);
    },
    state: (stateOptions = {}) =>
      call(
        'GET',
        stateOptions.omit?.length ? `state?omit=${stateOptions.omit.join(',')}` : 'state',
      ),
    tokens: async () => (await call<{ tokens: TokenRecord[] }>('GET', 'tokens')).tokens,
    sessions: async () => (await call<{ sessions: SessionView[] }>('GET', 'sessions')).sessions,
    calls: async () => (await call<{ calls: CallView[] }>('GET', 'calls')).calls,
  };
}
