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

export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const { limit, windowMs } = options;
  if (!Number.isInteger(limit) || limit < 1)
    throw new RangeError('limit must be a whole number >= 1');
  if (!(windowMs > 0)) throw new RangeError('windowMs must be > 0');
  const now = options.now ?? Date.now;
  const maxKeys = options.maxKeys ?? 10_000;
  /** Per key, the times of the hits still inside the window, oldest first. */
  const hits = new Map<string, number[]>();

  function sweep(at: number) {
    for (const [key, times] of hits) {
      const newest = times[times.length - 1];
      if (newest === undefined || newest <= at - windowMs) hits.delete(key);
    }
  }

  return {
    take(key) {
      const at = now();
      const times = (hits.get(key) ?? []).filter((time) => time > at - windowMs);
      if (times.length >= limit) {
        hits.set(key, times);
        const oldest = times[0] ?? at;
        return {
          ok: false,
          retryAfterSeconds: Math.max(1, Math.ceil((oldest + windowMs - at) / 1000)),
        };
      }
      times.push(at);
      hits.set(key, times);
      if (hits.size > maxKeys) sweep(at);
      return { ok: true };
    },
  };
}
