/**
 * A typed client of the mock TCCC control plane (/__tccc/) over HTTP, sending the mock's
 * control token with every request. Works against any running mock whose token you have:
 * one started by startMockTccc (which builds this client for you), startMockTcccServer, or
 * the CLI (the token you gave it in MOCK_TCCC_CONTROL_TOKEN).
 */
import type { MockSeedConfig } from '../config/index.js';
import type { ClockView, MockTcccState } from '../control/index.js';
import type { FaultRule, FaultRuleInput } from '../faults/index.js';
import type { DataPushConfig, RedactedDataPush } from '../push/config.js';
import type { CalleeFailure } from '../sdk/end-status.js';
import type { InboundCallRequest } from '../sdk/runtime.js';
import type { CallView } from '../state/calls.js';
import type { PushEntry, PushFilter } from '../state/pushes.js';
import type { SessionView } from '../state/sessions.js';
import type { TelCdrInfo } from '../state/tencent-types.js';
import type { TokenRecord } from '../state/tokens.js';

/** `POST /__tccc/cdrs` answers: how many records went in, were skipped, the app holds. */
export interface AddedCdrs {
  inserted: number;
  /** Records whose SessionId the app already had. */
  duplicates: number;
  /** The app's records after the insert (at most `limits.maxCdrs`; the oldest go first). */
  total: number;
}

export interface GenerateCdrsRequest {
  /** 1 to `limits.maxCdrs` (100,000 by default) records per call. */
  count: number;
  /** Window of StartTimestamps (ISO-8601 or Unix seconds); default the 30 days before now. */
  from?: string | number;
  to?: string | number;
  /** Same seed, same records (default 1). */
  seed?: number;
  /** Defaults to the first app. */
  sdkAppId?: number;
}

/** Bytes of JSON per POST /__tccc/cdrs request: under the control plane's 64 KiB cap. */
const CDR_BATCH_BYTES = 60_000;

export interface WaitForPushesOptions extends PushFilter {
  /** Wait until at least this many pushes match (default 1), every one of them settled. */
  count?: number;
  /** Give up after this many real ms (default 30,000): the error lists what was seen. */
  timeoutMs?: number;
  /** Real ms between looks at the journal (default 50). */
  intervalMs?: number;
}

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
  /**
   * A customer calls in: to one seat (`seatUserId`, whose SDK must be ready and free) or to a
   * skill group's queue (`skillGroupId`), with the callIn fields (callerPhoneNumber,
   * callerLocation, remark, ivrPath, ivrSeconds, timeoutSeconds, queueWaitSeconds).
   */
  inboundCall(request: InboundCallRequest): Promise<{ sessionId: string; call: CallView }>;
  /** The customer hangs up, whatever stage the call is at. */
  endCall(sessionId: string): Promise<CallView>;
  /** The customer of an outbound call that rings answers it now. */
  answerCall(sessionId: string): Promise<CallView>;
  /** The customer rejects the ringing outbound call (EndStatus 203 userReject). */
  rejectCall(sessionId: string): Promise<CallView>;
  /** The customer's line is busy (EndStatus 206). */
  busyCall(sessionId: string): Promise<CallView>;
  /** Another failure of the callee's side: notAnswer, powerOff, numberNotExist, ... */
  failCall(sessionId: string, endStatus: CalleeFailure): Promise<CallView>;
  /** One call (legs, digits, end status), as `calls()` lists them. */
  call(sessionId: string): Promise<CallView>;
  /**
   * Close the SDK event streams of one seat (or of all), as a dropped network would: the
   * pages hear `connectionLost` and reconnect; the session ends if the grace period passes
   * first. Returns how many streams were closed.
   */
  disconnectSdk(options?: { seatUserId?: string }): Promise<number>;
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
  /**
   * Back to the seed: forget tokens, sessions, calls, CDRs, pushes and faults; Data Push
   * configurations return to the seed's; the clock returns to real time.
   */
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
  /**
   * Add call history (TelCdrInfo records, SessionId and StartTimestamp required) for paging
   * and load tests, sent in parts under the body cap. History is never Data-Pushed.
   */
  addCdrs(cdrs: readonly TelCdrInfo[], options?: { sdkAppId?: number }): Promise<AddedCdrs>;
  /** Add `count` synthetic CDRs, generated by the mock (fast for 100,000). Never Data-Pushed. */
  generateCdrs(request: GenerateCdrsRequest): Promise<AddedCdrs>;
  /**
   * Where an app's Data Pushes go (the first app when `sdkAppId` is omitted); null turns them
   * off. Answers the configuration as the mock shows it (secrets redacted). Lasts until reset.
   */
  setDataPush(config: DataPushConfig | null, sdkAppId?: number): Promise<RedactedDataPush | null>;
  /** An app's Data Push configuration, secrets redacted; null when it pushes nothing. */
  dataPush(sdkAppId?: number): Promise<RedactedDataPush | null>;
  /** The push journal, oldest first, filtered by sessionId, sdkAppId, action or outcome. */
  pushes(filter?: PushFilter): Promise<PushEntry[]>;
  /**
   * Wait until at least `count` pushes match the filter and none of them is pending (retries
   * wait on the mock clock: with a paused clock, advance it). Resolves with those pushes.
   */
  waitForPushes(options?: WaitForPushesOptions): Promise<PushEntry[]>;
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

  const customer = async (sessionId: string, action: string, body: unknown = {}) =>
    (
      await call<{ call: CallView }>(
        'POST',
        `calls/${encodeURIComponent(sessionId)}/${action}`,
        body,
      )
    ).call;

  const appIdOf = async (sdkAppId: number | undefined): Promise<number> => {
    if (sdkAppId !== undefined) return sdkAppId;
    const { apps } = await call<{ apps: { sdkAppId: number }[] }>('GET', 'data-push');
    const first = apps[0];
    if (!first) throw new MockControlError('the mock has no app', 404, 'unknown_app');
    return first.sdkAppId;
  };
  const pushes = async (filter: PushFilter = {}) => {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(filter)) {
      if (value !== undefined) query.set(key, String(value));
    }
    const search = query.toString();
    return (await call<{ pushes: PushEntry[] }>('GET', search ? `pushes?${search}` : 'pushes'))
      .pushes;
  };

  return {
    setDataPush: async (config, sdkAppId) => {
      const path = `apps/${await appIdOf(sdkAppId)}/data-push`;
      const answer = await call<{ dataPush: RedactedDataPush | null }>(
        config === null ? 'DELETE' : 'PUT',
        path,
        config ?? undefined,
      );
      return answer.dataPush;
    },
    dataPush: async (sdkAppId) =>
      (
        await call<{ dataPush: RedactedDataPush | null }>(
          'GET',
          `apps/${await appIdOf(sdkAppId)}/data-push`,
        )
      ).dataPush,
    pushes,
    async waitForPushes({ count = 1, timeoutMs = 30_000, intervalMs = 50, ...filter } = {}) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = await pushes(filter);
        if (found.length >= count && found.every((push) => push.outcome !== 'pending')) {
          return found;
        }
        if (Date.now() >= deadline) {
          const seen = found.map((push) => `${push.action} ${push.outcome}`).join(', ') || 'none';
          throw new Error(
            `waitForPushes: ${count} settled push(es) matching ${JSON.stringify(filter)} did not come within ${timeoutMs} ms (seen: ${seen}). Pushes waiting for a retry need the mock clock to move.`,
          );
        }
        await new Promise((resolve) => setTimeout(resolve, intervalMs));
      }
    },
    issueToken: (request) => call('POST', 'tokens', request),
    inboundCall: (request) => call('POST', 'calls/inbound', request),
    endCall: (sessionId) => customer(sessionId, 'end'),
    answerCall: (sessionId) => customer(sessionId, 'answer'),
    rejectCall: (sessionId) => customer(sessionId, 'reject'),
    busyCall: (sessionId) => customer(sessionId, 'busy'),
    failCall: (sessionId, endStatus) => customer(sessionId, 'fail', { endStatus }),
    call: async (sessionId) =>
      (await call<{ call: CallView }>('GET', `calls/${encodeURIComponent(sessionId)}`)).call,
    disconnectSdk: async (disconnect = {}) =>
      (await call<{ disconnected: number }>('POST', 'sessions/disconnect', disconnect))
        .disconnected,
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
    async addCdrs(cdrs, addOptions = {}) {
      if (cdrs.length === 0) throw new TypeError('addCdrs needs at least one record.');
      const sum: AddedCdrs = { inserted: 0, duplicates: 0, total: 0 };
      for (const batch of cdrBatches(cdrs)) {
        const added = await call<AddedCdrs>('POST', 'cdrs', {
          ...(addOptions.sdkAppId === undefined ? {} : { sdkAppId: addOptions.sdkAppId }),
          cdrs: batch,
        });
        sum.inserted += added.inserted;
        sum.duplicates += added.duplicates;
        sum.total = added.total;
      }
      return sum;
    },
    generateCdrs: ({ sdkAppId, ...generate }) =>
      call('POST', 'cdrs', { ...(sdkAppId === undefined ? {} : { sdkAppId }), generate }),
  };
}

/** Records in groups whose JSON stays under CDR_BATCH_BYTES (a record bigger alone is sent alone). */
function cdrBatches(cdrs: readonly TelCdrInfo[]): TelCdrInfo[][] {
  const batches: TelCdrInfo[][] = [];
  let batch: TelCdrInfo[] = [];
  let bytes = 0;
  for (const cdr of cdrs) {
    const size = Buffer.byteLength(JSON.stringify(cdr)) + 1;
    if (batch.length > 0 && bytes + size > CDR_BATCH_BYTES) {
      batches.push(batch);
      batch = [];
      bytes = 0;
    }
    batch.push(cdr);
    bytes += size;
  }
  if (batch.length > 0) batches.push(batch);
  return batches;
}
