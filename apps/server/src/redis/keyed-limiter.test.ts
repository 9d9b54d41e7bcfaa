/**
 * Keyed limits on rate-limiter-flexible over a real Redis: one count for every instance,
 * hits given back and forgotten, the per-instance share while Redis is down, and no
 * personal data in key names. Skipped with a notice when no Redis is reachable, except
 * under CI=true.
 */
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KeyedRateLimiter } from '../security/rate-limit.js';
import { createRedisKeyedLimiter } from './keyed-limiter.js';
import { fakeHealth } from './testing/fakes.js';
import { deleteKeys, findRedis, testKeyPrefix } from './testing/redis-server.js';

const redis = await findRedis();
if (!redis.available) process.stdout.write(`Redis keyed-limit tests skipped: ${redis.why}\n`);
const prefix = testKeyPrefix();
let client: Redis;
let n = 0;

beforeAll(async () => {
  if (!redis.available) return;
  client = new Redis(redis.url);
  await client.ping();
});
afterAll(async () => {
  if (!redis.available) return;
  client.disconnect();
  await deleteKeys(redis.url, prefix);
});

/** Two instances' limiters of one limit, on one Redis. */
function twoInstances(
  limit: number,
  health = fakeHealth(true),
): [KeyedRateLimiter, KeyedRateLimiter] {
  n += 1;
  const make = () =>
    createRedisKeyedLimiter({
      client,
      health,
      keyPrefix: prefix,
      name: `test-${n}`,
      limit,
      windowMs: 60_000,
      instances: 2,
    });
  return [make(), make()];
}

describe.skipIf(!redis.available)('keyed limits shared on Redis', () => {
  it('count hits from every instance against one limit, with a Retry-After', async () => {
    const [a, b] = twoInstances(3);
    expect(await a.take('ana@example.com')).toEqual({ ok: true });
    expect(await b.take('ana@example.com')).toEqual({ ok: true });
    expect(await a.take('ana@example.com')).toEqual({ ok: true });
    const refused = await b.take('ana@example.com');
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.retryAfterSeconds).toBeGreaterThan(50);
    expect(await b.take('bo@example.com')).toEqual({ ok: true });
  });

  it('give a hit back on refund and forget the key on reset, on any instance', async () => {
    const [a, b] = twoInstances(2);
    await a.take('ana');
    await a.take('ana');
    expect((await b.take('ana')).ok).toBe(false);
    await b.refund('ana');
    await b.refund('ana');
    expect((await a.take('ana')).ok).toBe(true);
    await a.reset('ana');
    expect((await b.take('ana')).ok).toBe(true);
    expect((await b.take('ana')).ok).toBe(true);
  });

  it('keep a share of the limit per instance while Redis is down (limit / instances)', async () => {
    const health = fakeHealth(false);
    const [a, b] = twoInstances(4, health);
    expect([(await a.take('ana')).ok, (await a.take('ana')).ok, (await a.take('ana')).ok]).toEqual([
      true,
      true,
      false,
    ]);
    expect((await b.take('ana')).ok).toBe(true); // b keeps its own share
    expect(await client.keys(`${prefix}limit:test-${n}:*`)).toEqual([]);
  });

  it('fall back to the share when a command fails, and tell health', async () => {
    const health = fakeHealth(true);
    n += 1;
    const broken = new Redis(redis.available ? redis.url : '', {
      lazyConnect: true,
      enableOfflineQueue: false,
    });
    const limiter = createRedisKeyedLimiter({
      client: broken,
      health,
      keyPrefix: prefix,
      name: `broken-${n}`,
      limit: 2,
      windowMs: 60_000,
      instances: 2,
    });
    expect(await limiter.take('ana')).toEqual({ ok: true }); // never connected: fails, falls back
    expect(health.up).toBe(false);
    expect((await limiter.take('ana')).ok).toBe(false); // the share is 1
  });

  it('name keys by a hash, never by the email or address they limit', async () => {
    const [a] = twoInstances(5);
    await a.take('someone@example.com\n203.0.113.9');
    const keys = await client.keys(`${prefix}limit:test-${n}:*`);
    expect(keys).toHaveLength(1);
    expect(keys[0]).not.toMatch(/someone|example|203\.0/);
  });
});
