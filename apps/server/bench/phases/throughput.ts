/**
 * Token endpoint under load: the baseline, our server and the floor (SDK calls straight to
 * the mock), each driven by the same closed loop (same connections, same duration) after
 * a warm-up, against one mock TCCC with its rate limit lifted, reset before each run.
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
}

export async function measureThroughput(
  mock: RunningMock,
  settings: BenchSettings,
  progress: (line: string) => void,
): Promise<ThroughputResults> {
  const shape: LoadShape = {
    connections: settings.connections,
    durationSeconds: settings.loadSeconds,
  };
  const warmUp: LoadShape = { ...shape, durationSeconds: settings.warmUpSeconds };

  progress('throughput: baseline');
  const port = await freePort();
  const baselineProcess = spawnBaseline({ mockUrl: mock.url, seat: THROUGHPUT_SEAT, port });
  const baselineUrl = `http://127.0.0.1:${port}`;
  let baseline: LoadResult;
  try {
    await Promise.race([
      pollUntil('baseline', async () => ((await baselineToken(baselineUrl)) ? true : undefined)),
      baselineProcess.exited,
    ]);
    const target = { url: `${baselineUrl}/loginTCCC`, method: 'POST' as const };
    await loadHttp(target, warmUp);
    await mock.control.reset();
    baseline = await loadHttp(target, shape);
  } finally {
    await baselineProcess.stop();
  }

  progress('throughput: our server');
  const ourServer = await startOurBenchServer({ mockUrl: mock.url, accounts: [THROUGHPUT_SEAT] });
  let ours: LoadResult;
  try {
    const cookie = await signIn(ourServer.url, THROUGHPUT_SEAT, DEMO_PASSWORD);
    const target = {
      url: `${ourServer.url}/api/tccc/sdk-url`,
      method: 'POST' as const,
      headers: { cookie },
    };
    await loadHttp(target, warmUp);
    await mock.control.reset();
    ours = await loadHttp(target, shape);
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
  await loadCalls(call, warmUp);
  await mock.control.reset();
  const floor = await loadCalls(call, shape);

  return { baseline, ours, floor };
}
