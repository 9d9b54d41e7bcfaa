/**
 * Scale-out shift start: N agents (600) sign in and ask for an SDK URL within one second,
 * spread over several instances of our server (3, `node dist/main.js` each) as a load
 * balancer would spread them, while the mock enforces TCCC's 20 requests/s per account.
 * The floor for anyone is N / 20 seconds. Three runs:
 *
 * - shared: the instances share their limits on one Redis (REDIS_URL), so together they
 *   send TCCC at most 20/s;
 * - killed: the same, with one instance killed (SIGKILL, a crash) halfway through the
 *   floor; the agents it was serving retry on another instance;
 * - unshared: no Redis, today's per-instance limits: each instance sends up to 20/s, and
 *   the mock answers the excess with RequestLimitExceeded. What Redis fixes.
 *
 * Agents behave as a browser following our API: sign in, POST /api/tccc/sdk-url, and on a
 * 503/429 wait its Retry-After and ask again; when their instance stops answering, move to
 * the next one (the session cookie is valid on all: one SESSION_SECRET). Each agent comes
 * from its own address (X-Forwarded-For from a 198.18.0.0/15 benchmark address, with
 * TRUSTED_PROXIES=loopback), as agents behind a load balancer do, so the sign-in limits
 * per address count each agent apart.
 */
import { randomBytes } from 'node:crypto';
import { DEFAULT_SDK_APP_ID } from '@tccc-kit/mock-tccc';
import type { Child } from '../lib/child.js';
import { type CountingMock, startCountingMock } from '../lib/counting-mock.js';
import { freePort, pollUntil } from '../lib/net.js';
import { type RunningRedis, redisServerMissing, startRedis } from '../lib/redis.js';
import { DEMO_PASSWORD, spawnOurMain } from '../lib/rig.js';
import { busiestWindow } from '../lib/stats.js';
import { agentEmails, TCCC_REQUESTS_PER_SECOND } from './shift-start.js';

const REQUEST_TIMEOUT_MS = 30_000;

export interface ScaleRun {
  instances: number;
  agents: number;
  succeeded: number;
  failed: number;
  /** ms from the first agent's start to the last answer. */
  totalMs: number;
  /** 503/429 answers the agents waited out (Retry-After) and asked again. */
  retries: number;
  /** Agents that moved to another instance after theirs stopped answering. */
  failovers: number;
  /**
   * Shared TCCC slots the surviving instances gave up because the caller woke too late
   * to use them (a stalled event loop on a loaded machine), from their /readyz.
   */
  lateRetries: number;
  /** At the mock: cloud API requests, RequestLimitExceeded answers, busiest second. */
  mock: { requests: number; limited: number; busiestSecond: number };
}

export type ScaleOutResults =
  | { skipped: string }
  | { floorMs: number; killAtMs: number; shared: ScaleRun; killed: ScaleRun; unshared: ScaleRun };

interface Outcome {
  ok: boolean;
  retries: number;
  failedOver: boolean;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const retryAfterMs = (response: Response) =>
  Math.max(100, Number(response.headers.get('retry-after') ?? '1') * 1000 || 1000);

/** One agent: sign in, ask for an SDK URL, wait out 503/429, move on when its instance dies. */
async function agent(
  email: string,
  address: string,
  urls: readonly string[],
  home: number,
  giveUpAt: number,
): Promise<Outcome> {
  const outcome: Outcome = { ok: false, retries: 0, failedOver: false };
  let instance = home;
  let cookie: string | undefined;
  while (performance.now() < giveUpAt) {
    const base = urls[instance] as string;
    const headers: Record<string, string> = { 'x-forwarded-for': address };
    try {
      if (cookie === undefined) {
        const response = await fetch(`${base}/api/session`, {
          method: 'POST',
          headers: { ...headers, 'content-type': 'application/json' },
          body: JSON.stringify({ email, password: DEMO_PASSWORD }),
          signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
        });
        await response.body?.cancel();
        if (response.status === 200) {
          cookie = response.headers.getSetCookie()[0]?.split(';')[0];
          continue;
        }
        outcome.retries += 1;
        await sleep(retryAfterMs(response));
        continue;
      }
      const response = await fetch(`${base}/api/tccc/sdk-url`, {
        method: 'POST',
        headers: { ...headers, cookie },
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      const body = (await response.json().catch(() => ({}))) as { sdkUrl?: unknown };
      if (response.status === 200 && typeof body.sdkUrl === 'string') {
        outcome.ok = true;
        return outcome;
      }
      if (response.status === 401) cookie = undefined;
      else {
        outcome.retries += 1;
        await sleep(retryAfterMs(response));
      }
    } catch {
      // The instance went away (refused, reset) or did not answer: try the next one.
      instance = (instance + 1) % urls.length;
      outcome.failedOver = true;
      await sleep(50);
    }
  }
  return outcome;
}

async function startInstances(options: {
  count: number;
  mock: CountingMock;
  accounts: readonly string[];
  redis: RunningRedis | undefined;
  run: string;
}): Promise<{ children: Child[]; urls: string[] }> {
  const sessionSecret = randomBytes(32).toString('base64url');
  const children: Child[] = [];
  const urls: string[] = [];
  for (let i = 0; i < options.count; i++) {
    const port = await freePort();
    children.push(
      spawnOurMain({
        name: `our server ${i + 1}/${options.count} (${options.run})`,
        mockUrl: options.mock.url,
        accounts: options.accounts,
        port,
        sessionSecret,
        env: {
          TRUSTED_PROXIES: 'loopback',
          ...(options.redis
            ? {
                REDIS_URL: options.redis.url,
                REDIS_KEY_PREFIX: `bench-${options.run}:`,
                SERVER_INSTANCES: String(options.count),
              }
            : {}),
        },
      }),
    );
    urls.push(`http://127.0.0.1:${port}`);
  }
  for (const [i, url] of urls.entries()) {
    const child = children[i] as Child;
    await Promise.race([
      pollUntil(child.name, async () => {
        const response = await fetch(`${url}/readyz`);
        await response.body?.cancel();
        return response.ok ? true : undefined;
      }),
      child.exited,
    ]);
  }
  return { children, urls };
}

/** The live instances' `sharedState.tcccLimiter.lateRetries` (/readyz), added up. */
async function slotsGivenUp(urls: readonly string[]): Promise<number> {
  let total = 0;
  for (const url of urls) {
    const body = await fetch(`${url}/readyz`)
      .then(
        (response) =>
          response.json() as Promise<{ sharedState?: { tcccLimiter?: { lateRetries?: number } } }>,
      )
      .catch(() => undefined);
    total += body?.sharedState?.tcccLimiter?.lateRetries ?? 0;
  }
  return total;
}

async function measureRun(options: {
  agents: readonly string[];
  instances: number;
  spreadMs: number;
  mock: CountingMock;
  redis: RunningRedis | undefined;
  run: string;
  /** Kill instance 2 this long after the first agent starts. */
  killAtMs?: number;
}): Promise<ScaleRun> {
  const { agents, mock } = options;
  const { children, urls } = await startInstances({
    count: options.instances,
    mock,
    accounts: agents,
    redis: options.redis,
    run: options.run,
  });
  try {
    await mock.reset();
    const started = performance.now();
    const floorMs = (agents.length / TCCC_REQUESTS_PER_SECOND) * 1000;
    const giveUpAt = started + 3 * floorMs;
    let lastAnswer = started;
    const killing =
      options.killAtMs === undefined
        ? Promise.resolve()
        : sleep(options.killAtMs).then(() => children[1]?.kill());
    const outcomes = await Promise.all(
      agents.map(async (email, i) => {
        await sleep((i * options.spreadMs) / agents.length);
        const address = `198.18.${(i >> 8) & 255}.${i & 255}`;
        const outcome = await agent(email, address, urls, i % urls.length, giveUpAt);
        lastAnswer = Math.max(lastAnswer, performance.now());
        return outcome;
      }),
    );
    await killing;
    const counts = await mock.counts();
    const lateRetries = await slotsGivenUp(urls);
    const succeeded = outcomes.filter((outcome) => outcome.ok).length;
    return {
      instances: options.instances,
      agents: agents.length,
      succeeded,
      failed: agents.length - succeeded,
      totalMs: lastAnswer - started,
      retries: outcomes.reduce((sum, outcome) => sum + outcome.retries, 0),
      failovers: outcomes.filter((outcome) => outcome.failedOver).length,
      lateRetries,
      mock: {
        requests: counts.arrivals.length,
        limited: counts.limited,
        busiestSecond: busiestWindow(counts.arrivals),
      },
    };
  } finally {
    await Promise.all(children.map((child) => child.stop()));
  }
}

export async function measureScaleOut(
  options: { agents: number; instances: number; spreadMs: number },
  progress: (line: string) => void,
): Promise<ScaleOutResults> {
  if (options.agents === 0) return { skipped: 'BENCH_SCALE_AGENTS=0' };
  const missing = redisServerMissing();
  if (missing) {
    progress(`scale-out skipped: ${missing}`);
    return { skipped: missing };
  }
  const agents = agentEmails(options.agents);
  const floorMs = (agents.length / TCCC_REQUESTS_PER_SECOND) * 1000;
  const killAtMs = floorMs / 2;
  const mock = await startCountingMock({ apps: [{ sdkAppId: DEFAULT_SDK_APP_ID, seats: agents }] });
  const redis = await startRedis();
  try {
    const common = { agents, instances: options.instances, spreadMs: options.spreadMs, mock };
    const about = `${agents.length} agents on ${options.instances} instances (about ${Math.round(floorMs / 1000)} s each)`;
    progress(`scale-out: ${about}, sharing Redis`);
    const shared = await measureRun({ ...common, redis, run: 'shared' });
    progress(`scale-out: ${about}, sharing Redis, one killed at ${Math.round(killAtMs / 1000)} s`);
    const killed = await measureRun({ ...common, redis, run: 'killed', killAtMs });
    progress(`scale-out: ${about}, without Redis`);
    const unshared = await measureRun({ ...common, redis: undefined, run: 'unshared' });
    return { floorMs, killAtMs, shared, killed, unshared };
  } finally {
    await redis.stop();
    await mock.stop();
  }
}
