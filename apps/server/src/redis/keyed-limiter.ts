/**
 * A `KeyedRateLimiter` (security/rate-limit.ts) shared by every instance, on
 * rate-limiter-flexible's `RateLimiterRedis`: "at most `limit` hits per window for one
 * key", counted in Redis by one atomic Lua script per hit. Used for the per-user SDK URL
 * limit and the three counters of the sign-in throttle.
 *
 * Its window is fixed, where the in-process limiter's is GCRA: a key may spend `limit`
 * hits, and the count starts again `windowMs` after the first of them (the in-process one
 * earns one hit back every `windowMs / limit`). Both keep "at most `limit` in `windowMs`
 * from one key's first hit"; the Redis one refuses longer once spent. A refused hit is
 * counted (it cannot move the window's end); `refund` gives one hit back, `reset` forgets
 * the key.
 *
 * While Redis is down (health.ts) the hits go to a `RateLimiterMemory` of this instance,
 * holding `limit / instances` (at least 1), so the instances together stay under `limit`;
 * what was counted there is not copied to Redis when it returns.
 */
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { KeyedRateLimiter, RateLimitResult } from '../security/rate-limit.js';
import type { RedisClient } from './connection.js';
import type { RedisHealth } from './health.js';
import { hashed } from './keys.js';

export interface RedisKeyedLimiterOptions {
  client: RedisClient;
  health: RedisHealth;
  keyPrefix: string;
  /** What is limited, part of the Redis key (e.g. `sdk-url`). */
  name: string;
  limit: number;
  /** Whole seconds (rate-limiter-flexible counts windows in seconds). */
  windowMs: number;
  /** The most instances; while Redis is down each keeps `limit / instances`. */
  instances: number;
}

export function createRedisKeyedLimiter(options: RedisKeyedLimiterOptions): KeyedRateLimiter {
  const { limit, windowMs, health } = options;
  if (!Number.isInteger(limit) || limit < 1)
    throw new RangeError('limit must be a whole number >= 1');
  if (!Number.isInteger(windowMs / 1000) || windowMs < 1000) {
    throw new RangeError('windowMs must be a whole number of seconds');
  }
  const keyPrefix = `${options.keyPrefix}limit:${options.name}`;
  const duration = windowMs / 1000;
  const shared = new RateLimiterRedis({
    storeClient: options.client,
    points: limit,
    duration,
    keyPrefix,
    // ioredis rejects at once while disconnected; this skips even the attempt.
    rejectIfRedisNotReady: true,
  });
  const local = new RateLimiterMemory({
    points: Math.max(1, Math.floor(limit / options.instances)),
    duration,
    keyPrefix,
  });

  /** Runs `use` on Redis while it is up, else (or when it fails) on this instance's share. */
  async function onStore<T>(use: (store: RateLimiterRedis | RateLimiterMemory) => Promise<T>) {
    if (health.up) {
      try {
        return await use(shared);
      } catch (error) {
        if (error instanceof RateLimiterRes) throw error;
        health.report(error);
      }
    }
    return use(local);
  }

  return {
    async take(key): Promise<RateLimitResult> {
      try {
        await onStore((store) => store.consume(hashed(key)));
        return { ok: true };
      } catch (refusal) {
        if (!(refusal instanceof RateLimiterRes)) throw refusal;
        return {
          ok: false,
          retryAfterSeconds: Math.max(1, Math.ceil(refusal.msBeforeNext / 1000)),
        };
      }
    },
    async refund(key) {
      await onStore((store) => store.reward(hashed(key)));
    },
    async reset(key) {
      await onStore((store) => store.delete(hashed(key)));
    },
  };
}
