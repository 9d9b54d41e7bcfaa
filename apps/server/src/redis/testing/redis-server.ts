/**
 * Redis for tests.
 *
 * `findRedis()`: the shared server at `REDIS_URL` or, without it, redis://127.0.0.1:6379.
 * Without a reachable one the Redis tests are skipped with a line that says how to enable
 * them; under `CI=true` that fails the run instead (as testing/postgres.ts does for
 * PostgreSQL). Each test run writes under its own key prefix (`testKeyPrefix`) and deletes
 * its keys afterwards (`deleteKeys`): other engineers' runs share that server.
 *
 * `startOwnRedis()`: a `redis-server` of the test's own on a free loopback port, nothing
 * written to disk, that the test may stop and start again (outages). Never the shared one.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { Redis } from 'ioredis';
import { describeRedisUrl } from '../redis-config.js';

export const LOCAL_REDIS_URL = 'redis://127.0.0.1:6379';

export type RedisForTests = { available: true; url: string } | { available: false; why: string };

// Tests read their own environment; the server reads it only through src/config.ts.
const env = process.env;

function unavailable(why: string): RedisForTests {
  if (env.CI === 'true') throw new Error(`CI=true requires the Redis tests to run, but ${why}`);
  return { available: false, why };
}

async function answers(url: string): Promise<string | undefined> {
  const client = new Redis(url, {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    connectTimeout: 2000,
    retryStrategy: () => null,
  });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.ping();
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    client.disconnect();
  }
}

export async function findRedis(): Promise<RedisForTests> {
  const url = env.REDIS_URL || LOCAL_REDIS_URL;
  const problem = await answers(url);
  if (problem === undefined) return { available: true, url };
  return unavailable(
    `there is no Redis at ${describeRedisUrl(url)} (${problem}). Start one (apt-get install ` +
      'redis-server) or set REDIS_URL=redis://host:port to run these tests.',
  );
}

/** A prefix no other run uses: `tccc-kit-test:<pid>-<random>:`. */
export function testKeyPrefix(): string {
  return `tccc-kit-test:${process.pid}-${randomBytes(4).toString('hex')}:`;
}

/** Deletes every key under `prefix` (SCAN, never KEYS: the server is shared). */
export async function deleteKeys(url: string, prefix: string): Promise<number> {
  const client = new Redis(url, { maxRetriesPerRequest: 1 });
  client.on('error', () => {});
  let deleted = 0;
  try {
    let cursor = '0';
    do {
      const [next, keys] = await client.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
      cursor = next;
      if (keys.length > 0) deleted += await client.del(...keys);
    } while (cursor !== '0');
  } finally {
    client.disconnect();
  }
  return deleted;
}

/** Whether `redis-server` can be run here; skipped like a missing server otherwise. */
export function findRedisServerBinary(): RedisForTests {
  const probe = spawnSync('redis-server', ['--version'], { encoding: 'utf8' });
  if (probe.status === 0) return { available: true, url: '' };
  return unavailable(
    'redis-server is not installed (apt-get install redis-server): the outage tests start ' +
      'and stop one of their own',
  );
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface OwnRedis {
  url: string;
  port: number;
  /** Starts it (again) on the same port; resolves once it answers. */
  start(): Promise<void>;
  /** Stops it (SIGTERM, nothing saved); resolves once the process is gone. */
  stop(): Promise<void>;
  /** Freezes it (SIGSTOP): connections stay open, nothing answers. `resume()` thaws it. */
  freeze(): void;
  resume(): void;
}

export async function startOwnRedis(): Promise<OwnRedis> {
  const port = await freePort();
  const url = `redis://127.0.0.1:${port}`;
  let child: ChildProcess | undefined;
  const own: OwnRedis = {
    url,
    port,
    async start() {
      if (child) return;
      const started = spawn(
        'redis-server',
        ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
        { stdio: 'ignore' },
      );
      child = started;
      started.once('exit', () => {
        if (child === started) child = undefined;
      });
      const until = Date.now() + 10_000;
      while ((await answers(url)) !== undefined) {
        if (Date.now() > until || !child)
          throw new Error(`redis-server on port ${port} did not start`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    async stop() {
      const running = child;
      if (!running) return;
      child = undefined;
      running.kill('SIGCONT');
      await new Promise<void>((resolve) => {
        running.once('exit', () => resolve());
        running.kill('SIGTERM');
      });
    },
    freeze: () => child?.kill('SIGSTOP'),
    resume: () => child?.kill('SIGCONT'),
  };
  await own.start();
  return own;
}
