/**
 * Per-key rate limits: "at most `limit` hits per `windowMs` for one key", as GCRA (the
 * generic cell rate algorithm, a token bucket kept as one number per key): a key may spend
 * `limit` hits at once, then earns one back every `windowMs / limit`. A refused hit is not
 * counted, and a hit can be given back (`refund`), so callers can count failures rather
 * than attempts.
 *
 * The seam is `KeyedRateLimiter`: its methods may return promises, so a store shared by
 * several instances (Redis: one key per limiter key holding the GCRA time, updated by a
 * Lua script in one round trip) fits behind it without changing callers, who always
 * `await`. `createKeyedRateLimiter` is the in-process one: O(1) per hit and bounded memory
 * whatever the number of keys (security/bounded-map.ts); past `maxKeys` live keys, the
 * least recently used may be forgotten, which can only let a forgotten key start afresh.
 */
import { createBoundedMap } from './bounded-map.js';

export type Awaitable<T> = T | Promise<T>;

export type RateLimitResult = { ok: true } | { ok: false; retryAfterSeconds: number };

export interface KeyedRateLimiter {
  /** Counts one hit for `key`, or refuses it (uncounted) when the key is over its limit. */
  take(key: string): Awaitable<RateLimitResult>;
  /** Gives back one hit `take` counted (e.g. a sign-in that turned out right). */
  refund(key: string): Awaitable<void>;
  /** Forgets every hit of `key`. */
  reset(key: string): Awaitable<void>;
}

export interface KeyedRateLimiterOptions {
  /** Hits one key may spend at once; it earns one back every `windowMs / limit`. */
  limit: number;
  windowMs: number;
  /** Time source in ms (default Date.now); tests pass a fake clock. */
  now?: () => number;
  /** Most keys held in memory (default 100 000, about 10 MB). */
  maxKeys?: number;
}

/** The in-process `KeyedRateLimiter`, plus how many keys it holds (for tests and metrics). */
export interface LocalRateLimiter extends KeyedRateLimiter {
  take(key: string): RateLimitResult;
  refund(key: string): void;
  reset(key: string): void;
  readonly size: number;
}

export const DEFAULT_MAX_KEYS = 100_000;

export function createKeyedRateLimiter(options: KeyedRateLimiterOptions): LocalRateLimiter {
  const { limit, windowMs } = options;
  if (!Number.isInteger(limit) || limit < 1) {
    throw new RangeError('limit must be a whole number >= 1');
  }
  if (!(windowMs > 0)) throw new RangeError('windowMs must be > 0');
  const now = options.now ?? Date.now;
  /** Time that one hit costs. */
  const interval = windowMs / limit;
  /**
   * Per key, its "theoretical arrival time": when the key would be back to a full
   * allowance. A hit is allowed when that is at most `windowMs - interval` ahead of now.
   * A key whose time has passed is equivalent to a missing one, and is never more than
   * `windowMs` ahead, so entries older than the window may be dropped.
   */
  const arrival = createBoundedMap<number>({
    maxKeys: options.maxKeys ?? DEFAULT_MAX_KEYS,
    maxAgeMs: windowMs,
    now,
  });
  const tolerance = windowMs - interval;

  return {
    take(key) {
      const at = now();
      const base = Math.max(arrival.get(key) ?? at, at);
      if (base - at > tolerance) {
        return {
          ok: false,
          retryAfterSeconds: Math.max(1, Math.ceil((base - tolerance - at) / 1000)),
        };
      }
      arrival.set(key, base + interval);
      return { ok: true };
    },
    refund(key) {
      const time = arrival.get(key);
      if (time === undefined) return;
      const back = time - interval;
      if (back <= now()) arrival.delete(key);
      else arrival.set(key, back);
    },
    reset(key) {
      arrival.delete(key);
    },
    get size() {
      return arrival.size;
    },
  };
}
