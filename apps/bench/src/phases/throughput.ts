/**
 * Token endpoint under load: the baseline, our server, the minimal server (node:http and
 * the token client, nothing else) and the floor (SDK calls straight to the mock), each
 * driven by the same closed loop (same connections, same duration), against one mock TCCC
 * with its rate limit lifted, reset before each measured run.
 *
 * One run per side on a 2-core machine is too noisy to judge a ratio (three runs of the
 * same build gave 0.86x to 1.00x), so all four are kept up at once and measured in short
 * interleaved rounds after one shared warm-up: each round runs them in a rotating order
 * at `connections` (the CPU saturated: the load generator, the server and the mock
 * compete), then again at one connection (the CPU mostly idle). The report takes the
 * median of the per-round ratios (report/throughput-summary.ts), so slow drift in the
 * machine hits both sides of a ratio alike.
 *
 * The minimal server is there to split "our p50 vs the floor": minimal vs floor is what
 * one more process and HTTP exchange cost on this machine, ours vs minimal what our HTTP
 * stack (Hono, sign-in, security headers, ...) costs.
 */
import { DEFAULT_SDK_APP_ID, DEFAULT_SECRET_ID, DEFAULT_SECRET_KEY } from '@tccc-kit/mock-tccc';
import { Client } from 'tencentcloud-sdk-nodejs/tencentcloud/services/ccc/v20200210/ccc_client.js';
import type { Child } from '../lib/child.js';
import { withServerCpu } from '../lib/cpu.js';
import { type LoadResult, type LoadShape, loadCalls, loadHttp } from '../lib/load.js';
import { freePort, pollUntil } from '../lib/net.js';
import {
  DEMO_PASSWORD,
  type RunningMock,
  spawnBaseline,
  startMinimalServer,
  startOurBenchServer,
} from '../lib/rig.js';
import { rotation } from '../lib/rounds.js';
import { baselineToken, signIn } from '../lib/session.js';
import type { BenchSettings } from '../settings.js';

export const THROUGHPUT_SEAT = 'agent@example.com';

/** The guide's Express app, our server, the minimal server, and SDK calls straight to the mock. */
export type Side = 'baseline' | 'ours' | 'minimal' | 'floor';
export const SIDES: readonly Side[] = ['baseline', 'ours', 'minimal', 'floor'];

/** One run of every side at one concurrency. */
export type SideRuns = Record<Side, LoadResult>;

export interface ThroughputRound {
  /** The order the sides ran in, both at `connections` and at one connection. */
  order: Side[];
  /** At `connections`; the floor's figure is also the mock's capacity. */
  loaded: SideRuns;
  /** At one connection. */
  single: SideRuns;
}

export interface ThroughputResults {
  rounds: ThroughputRound[];
}

type Runner = (shape: LoadShape) => Promise<LoadResult>;

/** Runs each side once in `order`, the mock reset before each. */
async function runInOrder(
  order: readonly Side[],
  runners: Readonly<Record<Side, Runner>>,
  mock: RunningMock,
  shape: LoadShape,
): Promise<SideRuns> {
  const results: Partial<SideRuns> = {};
  for (const side of order) {
    await mock.control.reset();
    results[side] = await runners[side](shape);
  }
  if (SIDES.some((side) => !results[side])) throw new Error('a round must run every side once');
  return results as SideRuns;
}

export async function measureThroughput(
  mock: RunningMock,
  settings: BenchSettings,
  progress: (line: string) => void,
): Promise<ThroughputResults> {
  progress('throughput: starting the baseline, our server and the minimal server');
  const port = await freePort();
  const baselineProcess = spawnBaseline({ mockUrl: mock.url, seat: THROUGHPUT_SEAT, port });
  try {
    const baselineUrl = `http://127.0.0.1:${port}`;
    await Promise.race([
      pollUntil('baseline', async () => ((await baselineToken(baselineUrl)) ? true : undefined)),
      baselineProcess.exited,
    ]);
    const ourServer = await startOurBenchServer({
      mockUrl: mock.url,
      accounts: [THROUGHPUT_SEAT],
    });
    try {
      const minimalServer = await startMinimalServer({ mockUrl: mock.url, seat: THROUGHPUT_SEAT });
      try {
        const runners = await loadRunners(mock, baselineUrl, ourServer, minimalServer);
        return await measureRounds(runners, mock, settings, progress);
      } finally {
        await minimalServer.child.stop();
      }
    } finally {
      await ourServer.child.stop();
    }
  } finally {
    await baselineProcess.stop();
  }
}

/**
 * One load generator per side; ours signs in first (its route needs a session). Ours and
 * the minimal server also report the CPU time their process spent during each run.
 */
async function loadRunners(
  mock: RunningMock,
  baselineUrl: string,
  ourServer: { url: string; child: Child },
  minimalServer: { url: string; child: Child },
): Promise<Record<Side, Runner>> {
  const cookie = await signIn(ourServer.url, THROUGHPUT_SEAT, DEMO_PASSWORD);
  const client = new Client({
    credential: { secretId: DEFAULT_SECRET_ID, secretKey: DEFAULT_SECRET_KEY },
    profile: { httpProfile: { endpoint: new URL(mock.url).host, protocol: 'http://' } },
  });
  const call = () =>
    client.CreateSDKLoginToken({ SdkAppId: DEFAULT_SDK_APP_ID, SeatUserId: THROUGHPUT_SEAT });
  const post = (url: string, headers: Record<string, string> = {}) => ({
    url,
    method: 'POST' as const,
    headers,
  });
  const baseline = post(`${baselineUrl}/loginTCCC`);
  const ours = post(`${ourServer.url}/api/tccc/sdk-url`, { cookie });
  const minimal = post(`${minimalServer.url}/api/tccc/sdk-url`);
  return {
    baseline: (shape) => loadHttp(baseline, shape),
    ours: (shape) => withServerCpu(ourServer.child, () => loadHttp(ours, shape)),
    minimal: (shape) => withServerCpu(minimalServer.child, () => loadHttp(minimal, shape)),
    floor: (shape) => loadCalls(call, shape),
  };
}

async function measureRounds(
  runners: Readonly<Record<Side, Runner>>,
  mock: RunningMock,
  settings: BenchSettings,
  progress: (line: string) => void,
): Promise<ThroughputResults> {
  const loaded: LoadShape = {
    connections: settings.connections,
    durationSeconds: settings.loadSeconds,
  };
  const single: LoadShape = { ...loaded, connections: 1 };
  progress(`throughput: warm-up, ${settings.warmUpSeconds} s each`);
  await runInOrder(SIDES, runners, mock, { ...loaded, durationSeconds: settings.warmUpSeconds });
  const rounds: ThroughputRound[] = [];
  for (let round = 0; round < settings.rounds; round++) {
    const order = rotation(SIDES, round);
    progress(`throughput: round ${round + 1}/${settings.rounds} (${order.join(', ')})`);
    rounds.push({
      order,
      loaded: await runInOrder(order, runners, mock, loaded),
      single: await runInOrder(order, runners, mock, single),
    });
  }
  return { rounds };
}
