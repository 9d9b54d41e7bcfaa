/**
 * The shared schedule's Lua script against a real Redis: slots one interval apart in the
 * order reservations arrive, nothing taken past the deadline, quiet periods, expiry.
 * Skipped with a notice when no Redis is reachable, except under CI=true.
 */
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSlotReserver, type ReserveSlot } from './slot-reservation.js';
import { deleteKeys, findRedis, testKeyPrefix } from './testing/redis-server.js';

const redis = await findRedis();
if (!redis.available) process.stdout.write(`Redis slot tests skipped: ${redis.why}\n`);
const prefix = testKeyPrefix();
let client: Redis;
let reserve: ReserveSlot;
let n = 0;
const key = () => `${prefix}slots-${++n}`;

beforeAll(() => {
  if (!redis.available) return;
  client = new Redis(redis.url);
  reserve = createSlotReserver(client);
});
afterAll(async () => {
  if (!redis.available) return;
  client.disconnect();
  await deleteKeys(redis.url, prefix);
});

describe.skipIf(!redis.available)('reserving slots of a shared schedule', () => {
  it('gives each caller the next slot, one interval after the previous, in arrival order', async () => {
    const k = key();
    // Sent together (one pipeline), run by Redis back to back in this order.
    const slots = await Promise.all(
      [1, 2, 3, 4, 5].map(() => reserve(k, { intervalMs: 100, maxDelayMs: 10_000 })),
    );
    expect(slots.every((slot) => slot.reserved)).toBe(true);
    const delays = slots.map((slot) => slot.delayMs);
    expect(delays[0]).toBeLessThan(1);
    // 100 ms apart, less the few ms Redis takes between two of them on a loaded machine.
    for (let i = 1; i < delays.length; i++) {
      const gap = (delays[i] as number) - (delays[i - 1] as number);
      expect(gap).toBeGreaterThan(80);
      expect(gap).toBeLessThanOrEqual(100);
    }
  });

  it('takes nothing when the next slot is past the caller’s limit, so the next caller gets it', async () => {
    const k = key();
    const [, refused, next] = await Promise.all([
      reserve(k, { intervalMs: 1000, maxDelayMs: 10_000 }),
      reserve(k, { intervalMs: 1000, maxDelayMs: 500 }),
      reserve(k, { intervalMs: 1000, maxDelayMs: 10_000 }),
    ]);
    expect(refused).toMatchObject({ reserved: false });
    expect(refused?.delayMs).toBeGreaterThan(500);
    expect(next).toMatchObject({ reserved: true });
    const gap = (refused?.delayMs as number) - (next?.delayMs as number);
    expect(gap).toBeGreaterThanOrEqual(0);
    expect(gap).toBeLessThan(20);
  });

  it('starts no earlier than notBefore, and later callers queue behind it', async () => {
    const k = key();
    const first = await reserve(k, { intervalMs: 50, maxDelayMs: 10_000, notBeforeMs: 3000 });
    expect(first.delayMs).toBeGreaterThan(2900);
    const second = await reserve(k, { intervalMs: 50, maxDelayMs: 10_000 });
    expect(second.delayMs).toBeGreaterThan(first.delayMs);
  });

  it('lets the key expire soon after its schedule has passed', async () => {
    const k = key();
    await reserve(k, { intervalMs: 200, maxDelayMs: 10_000 });
    const ttl = await client.pttl(k);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(1200);
  });
});
