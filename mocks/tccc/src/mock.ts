/**
 * createMockTccc: one mock TCCC. Its state is one store (`mock.store`: accounts, apps, staff,
 * skill groups, tokens, sessions, calls, CDRs, pushes); around it the machinery the mock also
 * owns: the clock, fault rules and held requests, rate-limit windows, the SDK runtime's
 * deadline timer, and the Hono app that serves it all.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { Hono } from 'hono';
import { issueSdkToken } from './api/issue-token.js';
import { createRateLimiter } from './api/rate-limit.js';
import { createMockApp } from './app.js';
import {
  type MockSeedConfig,
  type MockTcccConfig,
  type ResolvedMockTcccConfig,
  resolveMockConfig,
  resolveMockSeed,
} from './config/index.js';
import type { MockContext } from './context.js';
import type { ClockChange, ClockView, ControlOperations, MockTcccState } from './control/index.js';
import { createMockFaults, type FaultRule, type FaultRuleInput } from './faults/index.js';
import {
  type DataPushConfig,
  parseDataPushConfig,
  type RedactedDataPush,
  redactDataPush,
} from './push/config.js';
import { createPushSender, type PushSender } from './push/sender.js';
import { SdkRuntime } from './sdk/runtime.js';
import { createMockClock, type MockClock } from './state/clock.js';
import type { Omittable } from './state/export.js';
import type { PushEntry, PushFilter } from './state/pushes.js';
import { createMockStore, type MockStore } from './state/store.js';
import type { TokenRecord } from './state/tokens.js';

export interface MockTcccOptions extends MockTcccConfig {
  /** A clock to share; by default a new real-time clock (starting at `now` if given). */
  clock?: MockClock;
  /** Start the mock clock at this time instead of real time. */
  now?: Date | number;
  /** Randomness for fault `probability`; defaults to Math.random. */
  random?: () => number;
  /**
   * False turns the control plane off: every /__tccc/ request answers 404. For a mock that
   * only serves the cloud API and the SDK (the demo server's embedded mock). Default true.
   */
  controlPlane?: boolean;
}

export interface IssueTokenOptions {
  seatUserId: string;
  /** Defaults to the first configured app. */
  sdkAppId?: number;
  onlyOnce?: boolean;
  /** Origin for SdkURL when no sdkOrigin is configured (e.g. a started server's url). */
  origin?: string;
}

export interface IssuedToken {
  token: string;
  sdkUrl: string;
  /** Unix seconds, as CreateSDKLoginToken's ExpiredTime. */
  expiredTime: number;
  /** ISO-8601. */
  expiresAt: string;
}

export interface MockTccc {
  /** The Hono app: cloud API at `/`, SDK host at `/sdk`, control plane at `/__tccc`. */
  readonly app: Hono;
  /** The app's fetch: answer one request in-process. */
  fetch(request: Request, env?: unknown): Promise<Response>;
  readonly clock: MockClock;
  /** The resolved configuration (seed, sdkOrigin, limits). */
  readonly options: ResolvedMockTcccConfig;
  /** All of the mock's state. */
  readonly store: MockStore;
  /** What route modules receive; for code that mounts extra routes. */
  readonly context: MockContext;
  /** The SDK half: logins, calls, statuses (its data is in `store`). */
  readonly sdk: SdkRuntime;
  /** The secret /__tccc/ requests carry in X-TCCC-Control-Token (configured or generated). */
  readonly controlToken: string;
  /**
   * Back to the seed: forget tokens, sessions (their streams close), calls, CDRs, pushes,
   * faults and rate-limit windows; reset the clock; release held requests.
   */
  reset(): void;
  /** Replace the seed (accounts, apps, staff, skill groups; validated), then reset. */
  reseed(seed: MockSeedConfig): void;
  setTime(time: Date | number): void;
  advanceTime(ms: number): void;
  /** Stop mock time (set/advance still move it) or let it flow again. */
  pauseTime(): void;
  resumeTime(): void;
  addFault(rule: FaultRuleInput): FaultRule;
  removeFault(id: string): boolean;
  /** Returns how many rules were removed. */
  clearFaults(): number;
  faults(): FaultRule[];
  /** The token journal, oldest first. */
  tokens(): TokenRecord[];
  /**
   * Where an app's Data Pushes go (the first app when `sdkAppId` is omitted); null turns
   * them off. Validated: throws DataPushConfigError naming every problem, or a TypeError for
   * an app the mock does not have. Lasts until reset/reseed, which put the seed's back.
   */
  setDataPush(config: DataPushConfig | null, sdkAppId?: number): void;
  /** An app's Data Push configuration with its secrets redacted, or null when it pushes nothing. */
  getDataPush(sdkAppId?: number): RedactedDataPush | null;
  /** The push journal, oldest first: each push with its attempts and outcome. */
  pushes(filter?: PushFilter): PushEntry[];
  /**
   * Resolves when no push is queued or in flight. Pushes waiting on the mock clock (retries,
   * `delay` and `reorder` faults) do not count: move the clock to let them go.
   */
  pushesIdle(): Promise<void>;
  /** The Data Push sender (for code that needs its counters). */
  readonly push: PushSender;
  /** Issue a token as CreateSDKLoginToken would, without a signed request. */
  issueToken(options: IssueTokenOptions): IssuedToken;
  /** The whole state (GET /__tccc/state): store, clock and fault rules, secrets redacted. */
  exportState(options?: { omit?: readonly Omittable[] }): MockTcccState;
  /** Release requests held by `hang` rules and stop timers. */
  close(): void;
}

export function createMockTccc(options: MockTcccOptions = {}): MockTccc {
  const { clock: givenClock, now, random, controlPlane = true, ...config } = options;
  const resolved = resolveMockConfig(config);
  const clock = givenClock ?? createMockClock(now === undefined ? {} : { start: now });
  const newId = () => randomUUID();
  const store = createMockStore({
    seed: resolved,
    clock,
    tokens: {
      ttlSeconds: resolved.limits.tokenTtlSeconds,
      retentionSeconds: resolved.limits.tokenRetentionSeconds,
      maxRecords: resolved.limits.maxTokens,
    },
    cdrs: { maxRecordsPerApp: resolved.limits.maxCdrs },
    pushes: { maxEntries: resolved.push.maxJournal },
  });
  const faults = createMockFaults(newId, random);
  const push = createPushSender({
    store,
    clock,
    faults,
    settings: () => resolved.push,
    newId,
  });
  const rateLimiter = createRateLimiter(clock, () => resolved.limits.requestsPerSecond);
  const controlToken = resolved.controlToken ?? randomBytes(32).toString('base64url');
  const context: MockContext = { options: resolved, clock, store, faults, push, newId };
  const sdk = new SdkRuntime(context);

  /** Everything but the store back to the start. */
  const resetMachinery = () => {
    sdk.stop();
    push.reset();
    faults.held.releaseAll();
    faults.store.clear();
    rateLimiter.clear();
    clock.reset();
  };
  const reset = () => {
    resetMachinery();
    store.reset();
  };
  const clockView = (): ClockView => {
    const nowMs = clock.now();
    return {
      now: new Date(nowMs).toISOString(),
      nowMs,
      offsetMs: clock.offsetMs(),
      paused: clock.paused,
    };
  };
  /** Move the clock, then apply every deadline it reached, so events are out on return. */
  const changeClock = (change: ClockChange) => {
    if (change.set !== undefined) clock.set(change.set);
    if (change.advance !== undefined) clock.advance(change.advance);
    if (change.paused === true) clock.pause();
    if (change.paused === false) clock.resume();
    sdk.sweep();
    push.sweep();
    return clockView();
  };
  const exportState = (omit: readonly Omittable[] = []): MockTcccState => ({
    ...store.export({ omit }),
    clock: clockView(),
    faults: faults.store.list(),
  });
  const appOf = (sdkAppId: number | undefined, what: string): number => {
    const id = sdkAppId ?? store.apps.first()?.sdkAppId;
    if (id === undefined || !store.apps.get(id)) {
      throw new TypeError(
        `${what}: the mock has no app ${sdkAppId} (apps: ${store.apps
          .list()
          .map((app) => app.sdkAppId)
          .join(', ')})`,
      );
    }
    return id;
  };
  const setDataPush = (config: DataPushConfig | null, sdkAppId?: number) => {
    const id = appOf(sdkAppId, 'setDataPush');
    store.dataPush.set(id, config === null ? null : parseDataPushConfig(config));
  };
  const getDataPush = (sdkAppId?: number) => {
    const config = store.dataPush.get(appOf(sdkAppId, 'getDataPush'));
    return config ? redactDataPush(config) : null;
  };
  const control: ControlOperations = {
    reset,
    reseed: (seed) => {
      resetMachinery();
      store.reseed(seed);
    },
    clockView,
    changeClock,
    exportState,
  };

  const app = createMockApp(context, {
    rateLimiter,
    sdk,
    control,
    controlPlane: { token: controlToken, enabled: controlPlane },
  });

  return {
    app,
    fetch: async (request, env) => app.fetch(request, env),
    clock,
    options: resolved,
    store,
    context,
    sdk,
    controlToken,
    reset,
    reseed: (seed) => control.reseed(resolveMockSeed(seed, 'reseed')),
    setTime: (time) => void changeClock({ set: time instanceof Date ? time.getTime() : time }),
    advanceTime: (ms) => void changeClock({ advance: ms }),
    pauseTime: () => void changeClock({ paused: true }),
    resumeTime: () => void changeClock({ paused: false }),
    addFault: (rule) => faults.store.add(rule),
    removeFault: (id) => faults.store.remove(id),
    clearFaults: () => faults.store.clear(),
    faults: () => faults.store.list(),
    tokens: () => store.tokens.list(),
    setDataPush,
    getDataPush,
    pushes: (filter) => store.pushes.list(filter),
    pushesIdle: () => push.idle(),
    push,
    issueToken({ seatUserId, sdkAppId, onlyOnce, origin }) {
      const requestOrigin = resolved.sdkOrigin ?? origin;
      if (!requestOrigin) {
        throw new TypeError(
          'issueToken needs an origin for the SdkURL: pass { origin } (e.g. the server url) or configure sdkOrigin',
        );
      }
      const issued = issueSdkToken(context, {
        sdkAppId: sdkAppId ?? store.apps.first()?.sdkAppId ?? 0,
        seatUserId,
        onlyOnce: onlyOnce ?? false,
        requestId: newId(),
        requestOrigin,
      });
      return {
        token: issued.record.token,
        sdkUrl: issued.sdkUrl,
        expiredTime: issued.expiredTime,
        expiresAt: issued.record.expiresAt,
      };
    },
    exportState: (exportOptions) => exportState(exportOptions?.omit),
    close: () => {
      sdk.stop();
      push.close();
      faults.held.releaseAll();
    },
  };
}
