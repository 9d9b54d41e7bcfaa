/**
 * Shift-start burst, measured for real: N concurrent createSdkUrl calls against the
 * standalone mock TCCC on loopback, which enforces TCCC's 20 requests per second.
 *
 *   pnpm --filter @tccc-kit/bench burst [count]      (default 200, once the packages are built)
 *
 * Runs twice: with the client's rate smoothing (the default) and, as a baseline, with
 * smoothing effectively off and no retries, to show what the limiter buys.
 */
import {
  DEFAULT_SDK_APP_ID,
  DEFAULT_SECRET_ID,
  DEFAULT_SECRET_KEY,
  startMockTcccServer,
} from '@tccc-kit/mock-tccc';
import { createTcccClient, TcccApiError, type TcccClientConfig } from '@tccc-kit/tccc-client';

const count = Number(process.argv[2] ?? 200);
if (!Number.isInteger(count) || count < 1) {
  throw new RangeError(`count must be a positive integer, got ${process.argv[2]}`);
}

async function run(label: string, overrides: Partial<TcccClientConfig>) {
  const server = await startMockTcccServer({ port: 0 });
  try {
    const client = createTcccClient({
      sdkAppId: DEFAULT_SDK_APP_ID,
      secretId: DEFAULT_SECRET_ID,
      secretKey: DEFAULT_SECRET_KEY,
      endpoint: server.url,
      ...overrides,
    });
    const failures = new Map<string, number>();
    const started = performance.now();
    const results = await Promise.allSettled(
      Array.from({ length: count }, (_, index) =>
        client.createSdkUrl({ seatUserId: index % 2 ? 'agent2@example.com' : 'agent@example.com' }),
      ),
    );
    const seconds = (performance.now() - started) / 1000;
    for (const result of results) {
      if (result.status === 'rejected') {
        const code = result.reason instanceof TcccApiError ? result.reason.code : 'unexpected';
        failures.set(code, (failures.get(code) ?? 0) + 1);
      }
    }
    const failed = [...failures.values()].reduce((sum, n) => sum + n, 0);
    console.log(
      `${label}: ${count} calls in ${seconds.toFixed(2)} s, ${count - failed} issued, ${failed} failed` +
        (failed ? ` (${[...failures].map(([code, n]) => `${code} x${n}`).join(', ')})` : ''),
    );
  } finally {
    await server.close();
  }
}

await run('smoothed (defaults: 20/s, 2 retries, 15 s queue)', {});
await run('baseline (no smoothing, no retries)', { requestsPerSecond: 10_000, retries: 0 });
