/**
 * Token endpoint under load: the baseline, our server and the floor (SDK calls straight to
 * the mock), each driven by the same closed loop (same connections, same duration) after
 * a warm-up, against one mock TCCC with its rate limit lifted, reset before each run.
 *
 * Each is measured twice: at `connections` (the CPU saturated: on two cores the load
 * generator, the server and the mock compete) and at one connection (the CPU mostly idle:
 * the latency a request pays for each hop, which is what "within 1.5x of the floor"
 * asks about).
 */
import { DEFAULT_SDK_APP_ID, DEFAULT_SECRET_ID, DEFAULT_SECRET_KEY } from '@tccc-kit/mock-tccc';
import { Client } from 'tencentcloud-sdk-nodejs/tencentcloud/services/ccc/v20200210/ccc_client.js';
import { type LoadResult, type LoadShape, loadCalls, loadHttp } from '../lib/load.js';
import { freePort, pollUntil } from '../lib/net.js';
import { DEMO_PASSWORD, type RunningMock, spawnBaseline, startOurBenchServer } from '../lib/rig.js';
import { baselineToken, signIn } from '../lib/session.js';
import type { BenchSettings } from '../settings.js';

export const THROUGHPUT_SEAT = 'agent@example.com';

export interface ThroughputResults {
  baseline: LoadResult;
  ours: LoadResult;
  /** SDK calls straight to the mock at the same concurrency: also the mock's capacity. */
  floor: LoadResult;
  /** The same three at one connection. */
  single: { baseline: LoadResult; ours: LoadResult; floor: LoadResult };
}

/** Warm-up, then the measured run at `connections`, then one at a single connection. */
async function measureBoth(
  run: (shape: LoadShape) => Promise<LoadResult>,
  mock: RunningMock,
  settings: BenchSettings,
): Promise<{ loaded: LoadResult; single: LoadResult }> {
  const shape: LoadShape = {
    connections: settings.connections,
    durationSeconds: settings.loadSeconds,
  };
  await run({ ...shape, durationSeconds: settings.warmUpSeconds });
  await mock.control.reset();
  const loaded = await run(shape);
  await mock.control.reset();
  const single = await run({ ...shape, connections: 1 });
  return { loaded, single };
}

export async function measureThroughput(
  mock: RunningMock,
  settings: BenchSettings,
  progress: (line: string) => void,
): Promise<ThroughputResults> {
  progress('throughput: baseline');
  const port = await freePort();
  const baselineProcess = spawnBaseline({ mockUrl: mock.url, seat: THROUGHPUT_SEAT, port });
  const baselineUrl = `http://127.0.0.1:${port}`;
  let baseline: Awaited<ReturnType<typeof measureBoth>>;
  try {
    await Promise.race([
      pollUntil('baseline', async () => ((await baselineToken(baselineUrl)) ? true : undefined)),
      baselineProcess.exited,
    ]);
    const target = { url: `${baselineUrl}/loginTCCC`, method: 'POST' as const };
    baseline = await measureBoth((shape) => loadHttp(target, shape), mock, settings);
  } finally {
    await baselineProcess.stop();
  }

  progress('throughput: our server');
  const ourServer = await startOurBenchServer({ mockUrl: mock.url, accounts: [THROUGHPUT_SEAT] });
  let ours: Awaited<ReturnType<typeof measureBoth>>;
  try {
    const cookie = await signIn(ourServer.url, THROUGHPUT_SEAT, DEMO_PASSWORD);
    const target = {
      url: `${ourServer.url}/api/tccc/sdk-url`,
      method: 'POST' as const,
      headers: { cookie },
    };
    ours = await measureBoth((shape) => loadHttp(target, shape), mock, settings);
  } finally {
    await ourServer.child.stop();
  }

  progress('throughput: floor (SDK calls straight to the mock)');
  const client = new Client({
    credential: { secretId: DEFAULT_SECRET_ID, secretKey: DEFAULT_SECRET_KEY },
    profile: { httpProfile: { endpoint: new URL(mock.url).host, protocol: 'http://' } },
  });
  const call = () =>
    client.CreateSDKLoginToken({ SdkAppId: DEFAULT_SDK_APP_ID, SeatUserId: THROUGHPUT_SEAT });
  const floor = await measureBoth((shape) => loadCalls(call, shape), mock, settings);

  return {
    baseline: baseline.loaded,
    ours: ours.loaded,
    floor: floor.loaded,
    single: { baseline: baseline.single, ours: ours.single, floor: floor.single },
  };
}
