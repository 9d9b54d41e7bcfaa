/**
 * A typed client of the mock TCCC control plane (/__tccc/) over HTTP. Works against any
 * running mock: one started by startMockTccc, the CLI, or the demo server's embedded mock.
 */
import type { ClockView } from '../control.js';
import type { FaultRule, FaultRuleInput } from '../faults.js';
import type { CallView } from '../sdk/calls.js';
import type { InboundCallRequest } from '../sdk/runtime.js';
import type { SessionView } from '../sdk/sessions.js';
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
  clock(): Promise<ClockView>;
  addFault(rule: FaultRuleInput): Promise<FaultRule>;
  /** Returns how many rules were removed. */
  clearFaults(): Promise<number>;
  faults(): Promise<FaultRule[]>;
  /** Forget tokens, sessions, calls and faults; the clock returns to real time. */
  reset(): Promise<void>;
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

export function createControlClient(mockUrl: string | URL): MockTcccControl {
  const base = new URL('/__tccc/', mockUrl);

  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(new URL(path, base), {
      method,
      ...(body === undefined
        ? {}
        : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
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
    clock: () => call('GET', 'clock'),
    addFault: (rule) => call('POST', 'faults', rule),
    clearFaults: async () => (await call<{ cleared: number }>('DELETE', 'faults')).cleared,
    faults: async () => (await call<{ faults: FaultRule[] }>('GET', 'faults')).faults,
    reset: async () => {
      await call('POST', 'reset');
    },
    tokens: async () => (await call<{ tokens: TokenRecord[] }>('GET', 'tokens')).tokens,
    sessions: async () => (await call<{ sessions: SessionView[] }>('GET', 'sessions')).sessions,
    calls: async () => (await call<{ calls: CallView[] }>('GET', 'calls')).calls,
  };
}
