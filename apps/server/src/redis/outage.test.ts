/**
 * Redis going away and coming back, on a redis-server of the test's own (never the shared
 * one): instances keep serving with per-instance shares of every limit, never exceed
 * TCCC's limit at the mock, say `degraded` on /readyz (200) while /healthz stays 200, and
 * share again once Redis answers. Skipped with a notice without redis-server, except
 * under CI=true.
 */
import { DEFAULT_SDK_APP_ID } from '@tccc-kit/mock-tccc';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { busiestWindow, type CountingMock, startCountingMock } from './testing/counting-mock.js';
import { seats, startInstances, type TestInstance, until } from './testing/instances.js';
import { findRedisServerBinary, type OwnRedis, startOwnRedis } from './testing/redis-server.js';

const binary = findRedisServerBinary();
if (!binary.available) process.stdout.write(`Redis outage tests skipped: ${binary.why}\n`);
const AGENTS = seats(90);
const TOLERATED_PER_SECOND = 22;
// Bursts at 20/s take seconds by design; a loaded machine stretches them.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 30_000 });

let redis: OwnRedis;
let mock: CountingMock;
beforeAll(async () => {
  if (!binary.available) return;
  redis = await startOwnRedis();
  mock = await startCountingMock({
    apps: [{ sdkAppId: DEFAULT_SDK_APP_ID, seats: AGENTS }],
    limits: { requestsPerSecond: 1000 },
  });
});
afterAll(async () => {
  await redis?.stop();
  await mock?.close();
});
const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
  await redis?.start();
  mock?.arrivals.splice(0);
});

let run = 0;
async function instances(count: number, options: { startWaitMs?: number } = {}) {
  run += 1;
  const started = await startInstances({
    count,
    redisUrl: redis.url,
    keyPrefix: `outage-${run}:`,
    mockUrl: mock.url,
    accounts: AGENTS,
    probeIntervalMs: 200,
    ...options,
  });
  closers.push(started.close);
  return started.instances;
}

const json = async (response: Response | undefined) =>
  (await response?.json()) as Record<string, unknown>;
const up = (instance: TestInstance) => instance.shared.health.up;

describe.skipIf(!binary.available)('Redis outages', () => {
  it('report degraded on /readyz (still 200) with the reason, keep /healthz 200, and recover', async () => {
    const [instance] = await instances(1);
    if (!instance) throw new Error('no instance');
    expect(await json(await instance.request('/readyz'))).toMatchObject({ status: 'ready' });

    await redis.stop();
    await until('the instance notices', () => !up(instance));
    const readyz = await instance.request('/readyz');
    expect(readyz.status).toBe(200);
    const body = await json(readyz);
    expect(body.status).toBe('degraded');
    expect(String(body.reason)).toMatch(/Redis at redis:\/\/127\.0\.0\.1:\d+\/0/);
    expect(String(body.reason)).toMatch(/per instance/);
    expect(body.sharedState).toMatchObject({ redis: 'down', tcccLimiter: { mode: 'local' } });
    expect((await instance.request('/healthz')).status).toBe(200);
    // Sign-in and SDK URLs keep working on the local limits.
    const cookie = await instance.signIn(AGENTS[0] as string);
    expect((await instance.sdkUrl(cookie)).status).toBe(200);

    await redis.start();
    await until('the instance shares again', () => up(instance));
    expect(await json(await instance.request('/readyz'))).toMatchObject({
      status: 'ready',
      sharedState: { redis: 'up', tcccLimiter: { mode: 'shared' } },
    });
  });

  it('start degraded when Redis is down at start, and share once it answers', async () => {
    await redis.stop();
    const [instance] = await instances(1, { startWaitMs: 100 });
    if (!instance) throw new Error('no instance');
    expect((await json(await instance.request('/readyz'))).status).toBe('degraded');
    await redis.start();
    await until('the instance shares', () => up(instance));
    expect(instance.shared.tcccLimiter.mode).toBe('shared');
  });

  it('keep a burst under 20/s at the mock through an outage and its end, answering every agent', async () => {
    const three = await instances(3);
    const cookies: string[] = [];
    for (const [i, agent] of AGENTS.entries())
      cookies.push(await (three[i % 3] as TestInstance).signIn(agent));

    const burst = Promise.all(
      cookies.map(async (cookie, i) => (await three[i % 3]?.sdkUrl(cookie))?.status),
    );
    await until('a second of shared slots', () => mock.arrivals.length >= 15);
    await redis.stop();
    await until('every instance notices', () => three.every((instance) => !up(instance)));
    await until('calls on local shares', () => mock.arrivals.length >= 40, 15_000);
    await redis.start();
    const statuses = await burst;

    expect(statuses.filter((status) => status === 200)).toHaveLength(AGENTS.length);
    expect(busiestWindow(mock.arrivals)).toBeLessThanOrEqual(TOLERATED_PER_SECOND);
    for (const instance of three) {
      // shared -> local -> shared (maybe after the burst ended: wait for it).
      await until('shared again', () => instance.shared.tcccLimiter.mode === 'shared');
      expect(instance.shared.tcccLimiter.stats().switches).toBe(2);
    }
  });

  it('hold sign-outs made during an outage and send them to every instance when Redis is back', async () => {
    const [a, b] = await instances(2);
    if (!a || !b) throw new Error('no instances');
    const cookie = await a.signIn(AGENTS[0] as string);
    await redis.stop();
    await until('both notice', () => !up(a) && !up(b));
    expect((await a.request('/api/session', { method: 'DELETE', cookie })).status).toBe(204);
    const who = async (instance: TestInstance) =>
      (await json(await instance.request('/api/session', { cookie }))).email;
    expect(await who(a)).toBeNull();
    // Fail open while Redis is down: b has not heard of it (documented in revocations.ts).
    expect(await who(b)).toBe(AGENTS[0]);
    expect(a.shared.stores.revocations.pending).toBe(1);

    await redis.start();
    await until('the sign-out reaches Redis', () => a.shared.stores.revocations.pending === 0);
    expect(await who(b)).toBeNull();
  });

  it('fall back within about a second when Redis stops answering on an open connection', async () => {
    const [instance] = await instances(1);
    if (!instance) throw new Error('no instance');
    const cookie = await instance.signIn(AGENTS[0] as string);
    redis.freeze();
    try {
      await until('the probe notices', () => !up(instance), 5_000);
      // No request waits on the frozen Redis now: sign-in and SDK URL use the local parts.
      const started = performance.now();
      expect((await instance.sdkUrl(cookie)).status).toBe(200);
      expect(performance.now() - started).toBeLessThan(4_000);
    } finally {
      redis.resume();
    }
    await until('back', () => up(instance));
  });
});
