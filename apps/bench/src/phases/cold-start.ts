/**
 * Cold start: from spawning the process to the first successful token. Each server is
 * started from its real entry file (`node baseline/server.cjs`, the server's `node dist/main.js`)
 * on a port picked beforehand, and polled every 10 ms until a token comes back. Ours has to
 * sign in first (its token route needs a session), and that is counted. Runs alternate
 * between the two servers; the median is reported.
 */
import type { Child } from '../lib/child.js';
import { freePort, pollUntil } from '../lib/net.js';
import { DEMO_PASSWORD, type RunningMock, spawnBaseline, spawnOurMain } from '../lib/rig.js';
import { baselineToken, ourToken, signIn } from '../lib/session.js';
import { median } from '../lib/stats.js';

const SEAT = 'agent@example.com';

export interface ColdStartResults {
  /** Median ms from spawn to the first token. */
  baseline: number;
  ours: number;
  baselineRuns: number[];
  oursRuns: number[];
}

async function timeToFirstToken(
  spawnServer: (port: number) => Child,
  firstToken: (url: string) => Promise<boolean | undefined>,
): Promise<number> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const started = performance.now();
  const child = spawnServer(port);
  try {
    await Promise.race([pollUntil(child.name, () => firstToken(url)), child.exited]);
    return performance.now() - started;
  } finally {
    await child.stop();
  }
}

export async function measureColdStart(
  mock: RunningMock,
  runs: number,
  progress: (line: string) => void,
): Promise<ColdStartResults> {
  const baselineRuns: number[] = [];
  const oursRuns: number[] = [];
  for (let run = 1; run <= runs; run++) {
    progress(`cold start: run ${run} of ${runs}`);
    baselineRuns.push(
      await timeToFirstToken(
        (port) => spawnBaseline({ mockUrl: mock.url, seat: SEAT, port }),
        async (url) => ((await baselineToken(url)) ? true : undefined),
      ),
    );
    oursRuns.push(
      await timeToFirstToken(
        (port) => spawnOurMain({ mockUrl: mock.url, accounts: [SEAT], port }),
        async (url) => {
          const cookie = await signIn(url, SEAT, DEMO_PASSWORD);
          return (await ourToken(url, cookie)) ? true : undefined;
        },
      ),
    );
  }
  return { baseline: median(baselineRuns), ours: median(oursRuns), baselineRuns, oursRuns };
}
