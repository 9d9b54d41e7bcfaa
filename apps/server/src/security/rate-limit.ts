/**
 * A per-key sliding-window rate limiter kept in memory.
 *
 * Used per user for SDK URLs (each one is a TCCC API call, and TCCC allows 20 per second
 * per account) and per email for sign-in attempts (slows password guessing). State is
 * per process: with several instances, put a shared store (Redis, ...) behind the same
 * `take()` interface.
 */

export type RateLimitResult = { ok: true } | { ok: false; retryAfterSeconds: number };

export interface RateLimiter {
  /** Counts one hit for `key`; refuses it when the key already used up its window. */
  take(key: string): RateLimitResult;
}

export interface RateLimiterOptions {
  /** Hits allowed per window. */
  limit: number;
  windowMs: number;
  /** Time source in ms (default Date.now); tests pass a fake clock. */
  now?: () => number;
  /** Keys kept before idle ones are swept (default 10 000), to bound memory. */
  maxKeys?: number;
}

/** Per key, the times of its recent hits, oldest first, from `head` on (a queue). */
interface HitLog {
  times: number[];
  head: number;
}

/** Below this many expired entries a log is not worth compacting. */
const COMPACT_AFTER = 64;

export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const { limit, windowMs } = options;
  if (!Number.isInteger(limit) || limit < 1)
    throw new RangeError('limit must be a whole number >= 1');
  if (!(windowMs > 0)) throw new RangeError('windowMs must be > 0');
  const now = options.now ?? Date.now;
  const maxKeys = options.maxKeys ?? 10_000;
  const logs = new Map<string, HitLog>();

  function sweep(at: number) {
    for (const [key, log] of logs) {
      const newest = log.times[log.times.length - 1];
      if (newest === undefined || newest <= at - windowMs) logs.delete(key);
    }
  }

  /** Drops the hits that left the window: each hit is dropped once, so O(1) amortised. */
  function expire(log: HitLog, at: number) {
    const { times } = log;
    while (log.head < times.length && (times[log.head] as number) <= at - windowMs) log.head++;
    if (log.head >= COMPACT_AFTER && log.head * 2 >= times.length) {
      log.times = times.slice(log.head);
      log.head = 0;
    }
  }

  return {
    take(key) {
      const at = now();
      let log = logs.get(key);
      if (log === undefined) {
        log = { times: [], head: 0 };
        logs.set(key, log);
      } else {
        expire(log, at);
      }
      if (log.times.length - log.head >= limit) {
        const oldest = log.times[log.head] ?? at;
        return {
          ok: false,
          retryAfterSeconds: Math.max(1, Math.ceil((oldest + windowMs - at) / 1000)),
        };
      }
      log.times.push(at);
      if (logs.size > maxKeys) sweep(at);
      return { ok: true };
    },
  };
}
