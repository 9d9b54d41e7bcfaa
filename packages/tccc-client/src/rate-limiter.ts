/**
 * Client-side smoothing of cloud API calls to the rate TCCC allows.
 *
 * TCCC allows 20 calls per second per action of an account (CreateSDKLoginToken,
 * DescribeTelCdr, ... each have their own 20/s). When hundreds of agents sign in at shift
 * start, sending every call at once gets most of them `RequestLimitExceeded`; queueing them
 * and sending one every 1000/rate ms gets them all through (200 calls in ~10 s). A
 * reconciliation paging DescribeTelCdr waits in its own queue, so it never delays a
 * sign-in.
 *
 * Calls are counted under a key: `rateLimitKey(secretId, action)`, a fingerprint of the
 * SecretId (never the SecretId itself: keys may end up in Redis or logs) and the action.
 * The local limiter counts the calls of ONE process. When several server instances share
 * one TCCC account, implement `RateLimiter` on shared state (for example a Redis token
 * bucket or GCRA script keyed by `key`) and pass it as the `limiter` option.
 */
import { createHash } from 'node:crypto';
import type { Clock } from './clock.js';
import { createSchedule, type Schedule } from './schedule.js';

export interface AcquireRequest {
  /** What to count the call under: one SecretId and one action (see `rateLimitKey`). */
  key: string;
  /** The cloud API action, e.g. `DescribeTelCdr` (already part of `key`; for messages). */
  action: string;
  /**
   * Clock time (ms, from the client's `clock`) by which the call must be allowed to go.
   * A limiter that cannot grant a slot by then should reject at once with a
   * `TcccApiError` of code `QueueTimeout` (the client also enforces the deadline itself).
   */
  deadline: number;
  /** Aborted when the caller gives up or the deadline passes: drop the request and reject. */
  signal: AbortSignal;
}

/** Decides when the next request of a key may be sent. */
export interface RateLimiter {
  /** Resolves when one request may be sent now. Called once per attempt, retries included. */
  acquire(request: AcquireRequest): Promise<void>;
  /**
   * Optional fast path, tried before `acquire`: takes a slot of `key` and returns true when
   * one is free right now (and nobody is queued for it), else returns false without side
   * effects. Lets an uncontended call skip the timer and abort wiring that a wait needs.
   */
  tryAcquire?(key: string): boolean;
}

export interface LocalRateLimiterOptions {
  /** Requests per second to stay under, for each key (default 20, TCCC's limit per action). */
  requestsPerSecond?: number;
  /**
   * Slack added to each one-second window (default 50 ms): requests are spaced
   * `(1000 + marginMs) / requestsPerSecond` ms apart, so a request that travels faster than
   * the one sent a second before it still arrives outside that one's window.
   */
  marginMs?: number;
  clock?: Clock;
}

export interface LocalRateLimiter extends RateLimiter {
  /** Calls waiting for a slot, all keys together. */
  readonly queued: number;
  /** Calls waiting for a slot of `key`. */
  queuedFor(key: string): number;
  tryAcquire(key: string): boolean;
}

/**
 * The key a call is counted under: `ccc:<first 16 hex of sha256(secretId)>:<action>`.
 * Two clients (or processes) with the same SecretId and action share a key; the SecretId
 * cannot be read back from it.
 */
export function rateLimitKey(secretId: string, action: string): string {
  const fingerprint = createHash('sha256').update(secretId, 'utf8').digest('hex').slice(0, 16);
  return `ccc:${fingerprint}:${action}`;
}

/**
 * One schedule per key (see schedule.ts): even spacing of `(1000 + marginMs) / rate` ms
 * (52.5 ms by default), a hard cap of `rate` grants in any second, FIFO per key. Keys are
 * few (one per action the app uses), so schedules are kept for the life of the limiter.
 */
export function createLocalRateLimiter(options: LocalRateLimiterOptions = {}): LocalRateLimiter {
  const settings = {
    requestsPerSecond: options.requestsPerSecond ?? 20,
    marginMs: options.marginMs ?? 50,
    ...(options.clock ? { clock: options.clock } : {}),
  };
  // Validates the options now, not at the first call.
  createSchedule(settings);
  const schedules = new Map<string, Schedule>();

  function scheduleOf(key: string): Schedule {
    let schedule = schedules.get(key);
    if (schedule === undefined) {
      schedule = createSchedule(settings);
      schedules.set(key, schedule);
    }
    return schedule;
  }

  return {
    get queued() {
      let total = 0;
      for (const schedule of schedules.values()) total += schedule.queued;
      return total;
    },
    queuedFor: (key) => schedules.get(key)?.queued ?? 0,
    tryAcquire: (key) => scheduleOf(key).tryAcquire(),
    acquire: ({ key, action, deadline, signal }) =>
      scheduleOf(key).acquire({ action, deadline, signal }),
  };
}
