/**
 * createMockTccc: one mock TCCC, the single place its state lives (clock, token journal,
 * fault rules, rate-limit windows, held requests), and the Hono app that serves it.
 */
import { randomUUID } from 'node:crypto';
import type { Hono } from 'hono';
import { createApp } from './app.js';
import { type Clock, createClock } from './clock.js';
import { type MockTcccConfig, type ResolvedMockTcccConfig, resolveConfig } from './config.js';
import type { MockContext } from './context.js';
import { createHeldRequests, performFault } from './fault-effects.js';
import { createFaultStore, type FaultRule, type FaultRuleInput } from './faults.js';
import { issueSdkToken } from './issue-token.js';
import { createRateLimiter } from './rate-limit.js';
import { createTokenJournal, type TokenRecord } from './state/tokens.js';

export interface MockTcccOptions extends MockTcccConfig {
  /** A clock to share; by default a new real-time clock (starting at `now` if given). */
  clock?: Clock;
  /** Start the mock clock at this time instead of real time. */
  now?: Date | number;
  /** Randomness for fault `probability`; defaults to Math.random. */
  random?: () => number;
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
  readonly clock: Clock;
  /** The resolved configuration (accounts, apps and seats, sdkOrigin, limits). */
  readonly options: ResolvedMockTcccConfig;
  /** What route modules receive; for code that mounts extra routes. */
  readonly context: MockContext;
  /** Forget tokens, faults and rate-limit windows, reset the clock, release held requests. */
  reset(): void;
  setTime(time: Date | number): void;
  advanceTime(ms: number): void;
  addFault(rule: FaultRuleInput): FaultRule;
  removeFault(id: string): boolean;
  /** Returns how many rules were removed. */
  clearFaults(): number;
  faults(): FaultRule[];
  /** The token journal, oldest first. */
  tokens(): TokenRecord[];
  /** Issue a token as CreateSDKLoginToken would, without a signed request. */
  issueToken(options: IssueTokenOptions): IssuedToken;
  /** Release requests held by `hang` rules (they end as network errors). */
  close(): void;
}

export function createMockTccc(options: MockTcccOptions = {}): MockTccc {
  const { clock: givenClock, now, random, ...config } = options;
  const resolved = resolveConfig(config);
  const clock = givenClock ?? createClock(now === undefined ? {} : { start: now });
  const newId = () => randomUUID();
  const tokens = createTokenJournal({ clock, ttlSeconds: resolved.limits.tokenTtlSeconds });
  const store = createFaultStore(newId, random);
  const held = createHeldRequests();
  const rateLimiter = createRateLimiter(clock, () => resolved.limits.requestsPerSecond);
  const resetHooks: (() => void)[] = [];

  const context: MockContext = {
    options: resolved,
    clock,
    tokens,
    faults: {
      take: (target) => store.take(target),
      apply: (rule, request, renderError) =>
        performFault(rule, { held, signal: request.signal, renderError }),
      store,
    },
    onReset: (fn) => {
      resetHooks.push(fn);
    },
    newId,
  };

  const reset = () => {
    tokens.clear();
    store.clear();
    rateLimiter.clear();
    clock.reset();
    held.releaseAll();
    for (const hook of resetHooks) hook();
  };

  const clockView = () => {
    const nowMs = clock.now();
    return { now: new Date(nowMs).toISOString(), nowMs, offsetMs: clock.offsetMs() };
  };

  const app = createApp(context, { rateLimiter }, { reset, clockView });

  return {
    app,
    fetch: async (request, env) => app.fetch(request, env),
    clock,
    options: resolved,
    context,
    reset,
    setTime: (time) => clock.set(time),
    advanceTime: (ms) => clock.advance(ms),
    addFault: (rule) => store.add(rule),
    removeFault: (id) => store.remove(id),
    clearFaults: () => store.clear(),
    faults: () => store.list(),
    tokens: () => tokens.list(),
    issueToken({ seatUserId, sdkAppId, onlyOnce, origin }) {
      const requestOrigin = resolved.sdkOrigin ?? origin;
      if (!requestOrigin) {
        throw new TypeError(
          'issueToken needs an origin for the SdkURL: pass { origin } (e.g. the server url) or configure sdkOrigin',
        );
      }
      const issued = issueSdkToken(context, {
        sdkAppId: sdkAppId ?? resolved.apps[0]?.sdkAppId ?? 0,
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
    close: () => {
      held.releaseAll();
    },
  };
}
