/**
 * Sliding one-second window per key (SecretId + action), read from the mock clock, so tests
 * exceed or respect the limit by moving time rather than sleeping.
 */
import type { MockClock } from '../state/clock.js';

export type RateDecision = { ok: true } | { ok: false; count: number; limit: number };

export interface RateLimiter {
  /** Count one request for `key`; refused requests are not counted. */
  hit(key: string): RateDecision;
  clear(): void;
}

export function createRateLimiter(clock: MockClock, limitPerSecond: () => number): RateLimiter {
  const windows = new Map<string, number[]>();
  return {
    hit(key) {
      const now = clock.now();
      const limit = limitPerSecond();
      const recent = (windows.get(key) ?? []).filter((t) => t > now - 1000 && t <= now);
      if (recent.length >= limit) {
        windows.set(key, recent);
        return { ok: false, count: recent.length + 1, limit };
      }
      recent.push(now);
      windows.set(key, recent);
      return { ok: true };
    },
    clear: () => windows.clear(),
  };
}
