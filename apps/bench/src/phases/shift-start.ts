/**
 * Shift start: N agents ask for a token within one second (request i is sent at
 * i * spread / N ms) while the mock enforces TCCC's 20 requests/s. The floor for anyone is
 * N / 20 seconds.
 *
 * Ours runs as deployed (`node dist/main.js`) with N demo accounts agent001..agentN, which
 * the mock also knows as seats: N distinct signed-in sessions, each asking once. Sign-ins
 * happen before the burst and are not timed. The baseline has no sessions: the guide's app
 * mints for the one seat written in its code, so it receives the same N requests
 * anonymously (the mock's limit counts per SecretId, not per seat, so this changes nothing
 * for the limit).
 */
import { DEFAULT_SDK_APP_ID } from '@tccc-kit/mock-tccc';
import type { Child } from '../lib/child.js';
import { freePort, pollUntil } from '../lib/net.js';
import { DEMO_PASSWORD, spawnBaseline, spawnOurMain, startMock } from '../lib/rig.js';
import { baselineToken, ourToken, signIn } from '../lib/session.js';

/** TCCC's documented limit for CreateSDKLoginToken, enforced by the mock (its default). */
export const TCCC_REQUESTS_PER_SECOND = 20;
const REQUEST_TIMEOUT_MS = 30_000;
const SIGN_IN_CONCURRENCY = 10;

export interface BurstResult {
  agents: number;
  succeeded: number;
  failed: number;
  /** ms from the first request sent to the last answer. */
  totalMs: number;
}

export interface ShiftStartResults {
  baseline: BurstResult;
  ours: BurstResult;
  /** agents / 20 requests per second, in ms. */
  floorMs: number;
}

export const agentEmails = (count: number): string[] =>
  Array.from({ length: count }, (_, i) => `agent${String(i + 1).padStart(3, '0')}@example.com`);

async function burst(
  requests: readonly ((signal: AbortSignal) => Promise<boolean>)[],
  spreadMs: number,
): Promise<BurstResult> {
  const started = performance.now();
  let lastAnswer = started;
  const outcomes = await Promise.all(
    requests.map(async (request, i) => {
      await new Promise((resolve) => setTimeout(resolve, (i * spreadMs) / requests.length));
      const ok = await request(AbortSignal.timeout(REQUEST_TIMEOUT_MS)).catch(() => false);
      lastAnswer = Math.max(lastAnswer, performance.now());
      return ok;
    }),
  );
  const succeeded = outcomes.filter(Boolean).length;
  return {
    agents: requests.length,
    succeeded,
    failed: requests.length - succeeded,
    totalMs: lastAnswer - started,
  };
}

async function withServer<T>(child: Child, use: () => Promise<T>): Promise<T> {
  try {
    return await Promise.race([use(), child.exited]);
  } finally {
    await child.stop();
  }
}

export async function measureShiftStart(
  options: { agents: number; spreadMs: number },
  progress: (line: string) => void,
): Promise<ShiftStartResults> {
  const agents = agentEmails(options.agents);
  const mock = await startMock({ apps: [{ sdkAppId: DEFAULT_SDK_APP_ID, seats: agents }] });
  try {
    progress(
      `shift start: our server, ${agents.length} agents (about ${agents.length / TCCC_REQUESTS_PER_SECOND} s)`,
    );
    const oursPort = await freePort();
    const oursUrl = `http://127.0.0.1:${oursPort}`;
    const oursChild = spawnOurMain({ mockUrl: mock.url, accounts: agents, port: oursPort });
    const ours = await withServer(oursChild, async () => {
      await pollUntil('our server', async () => {
        const response = await fetch(`${oursUrl}/healthz`);
        await response.body?.cancel();
        return response.ok ? true : undefined;
      });
      const cookies: string[] = [];
      for (let i = 0; i < agents.length; i += SIGN_IN_CONCURRENCY) {
        const batch = agents.slice(i, i + SIGN_IN_CONCURRENCY);
        cookies.push(...(await Promise.all(batch.map((a) => signIn(oursUrl, a, DEMO_PASSWORD)))));
      }
      await mock.control.reset();
      return burst(
        cookies.map((cookie) => (signal) => ourToken(oursUrl, cookie, signal)),
        options.spreadMs,
      );
    });

    progress(`shift start: baseline, ${agents.length} requests`);
    const baselinePort = await freePort();
    const baselineUrl = `http://127.0.0.1:${baselinePort}`;
    const baselineChild = spawnBaseline({
      mockUrl: mock.url,
      seat: agents[0] as string,
      port: baselinePort,
    });
    const baseline = await withServer(baselineChild, async () => {
      await pollUntil('baseline', async () =>
        (await baselineToken(baselineUrl)) ? true : undefined,
      );
      // The readiness probe spent one request of the mock's window: start from a clean one.
      await new Promise((resolve) => setTimeout(resolve, 1100));
      await mock.control.reset();
      return burst(
        agents.map(() => (signal) => baselineToken(baselineUrl, signal)),
        options.spreadMs,
      );
    });

    return { baseline, ours, floorMs: (agents.length / TCCC_REQUESTS_PER_SECOND) * 1000 };
  } finally {
    await mock.stop();
  }
}
