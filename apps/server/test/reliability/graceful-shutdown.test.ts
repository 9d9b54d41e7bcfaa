/**
 * SIGTERM under keep-alive load, against the real process (src/main.ts, with the standalone
 * mock TCCC as its "real" TCCC so the test can slow it down). While 8 keep-alive
 * connections loop requests as fast as they can and 30 SDK URL requests are in flight
 * (TCCC slowed to 1.5 s a call), the process gets SIGTERM:
 * - /readyz answers 503 first, on a connection that is still served (SHUTDOWN_DELAY_MS);
 * - every request in flight finishes 200, with `Connection: close` once draining;
 * - every new request on an old connection is refused cleanly (503 shutting_down,
 *   Connection: close), and new connections are refused (ECONNREFUSED);
 * - no request is reset or left without an answer, and the process exits 0 well within
 *   SHUTDOWN_TIMEOUT_MS.
 */
import { Agent, request as httpRequest } from 'node:http';
import {
  DEFAULT_SDK_APP_ID,
  DEFAULT_SECRET_ID,
  DEFAULT_SECRET_KEY,
  type MockTcccServer,
  startMockTcccServer,
} from '@tccc-kit/mock-tccc';
import { afterAll, expect, it } from 'vitest';
import { type MainProcess, startMain } from './main-process.js';

const LOOPS = 8;
const SDK_URLS_IN_FLIGHT = 30;
const TCCC_DELAY_MS = 1_500;
const SHUTDOWN_DELAY_MS = 2_000;
const SHUTDOWN_TIMEOUT_MS = 25_000;

const PUBLIC_ORIGIN = 'https://agents.example.com';
const PASSWORD = 'a long demo passphrase';

let main: MainProcess | undefined;
let mock: MockTcccServer | undefined;
afterAll(async () => {
  await main?.stop();
  await mock?.close();
});

interface Outcome {
  status?: number;
  connection?: string | undefined;
  code?: string;
  /** Any failure that is not a clean refusal: a reset, a hang-up, an unanswered request. */
  error?: string;
}

/** One request; resolves with its outcome instead of rejecting. */
function send(
  agent: Agent,
  url: string,
  init: { method?: string; headers?: Record<string, string> } = {},
): Promise<Outcome> {
  return new Promise((resolve) => {
    const request = httpRequest(
      url,
      { agent, method: init.method ?? 'GET', headers: init.headers },
      (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          body += chunk;
        });
        response.on('end', () => {
          let code: string | undefined;
          try {
            code = (JSON.parse(body) as { code?: string }).code;
          } catch {}
          resolve({
            status: response.statusCode ?? 0,
            connection: response.headers.connection,
            ...(code ? { code } : {}),
          });
        });
        response.on('error', (error: NodeJS.ErrnoException) =>
          resolve({ error: error.code ?? error.message }),
        );
      },
    );
    request.on('error', (error: NodeJS.ErrnoException) =>
      resolve({ error: error.code ?? error.message }),
    );
    request.end();
  });
}

it('drains keep-alive connections on SIGTERM under load: readiness first, no request reset', async () => {
  mock = await startMockTcccServer({ host: '127.0.0.1', port: 0 });
  mock.mock.addFault({ target: 'CreateSDKLoginToken', kind: 'delay', ms: TCCC_DELAY_MS });
  main = await startMain({
    TCCC_SECRET_ID: DEFAULT_SECRET_ID,
    TCCC_SECRET_KEY: DEFAULT_SECRET_KEY,
    TCCC_SDK_APP_ID: String(DEFAULT_SDK_APP_ID),
    TCCC_ENDPOINT: mock.url,
    SESSION_SECRET: 'graceful-shutdown-test-session-secret-0123',
    DEMO_ACCOUNTS: 'agent@example.com',
    DEMO_PASSWORD: PASSWORD,
    PUBLIC_ORIGIN,
    SHUTDOWN_DELAY_MS: String(SHUTDOWN_DELAY_MS),
    SHUTDOWN_TIMEOUT_MS: String(SHUTDOWN_TIMEOUT_MS),
    SDK_URL_RATE_LIMIT_PER_MINUTE: '10000',
  });
  const { url } = main;
  const browser = { origin: PUBLIC_ORIGIN, 'sec-fetch-site': 'same-origin' };
  const signIn = await fetch(`${url}/api/session`, {
    method: 'POST',
    headers: { ...browser, 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'agent@example.com', password: PASSWORD }),
  });
  expect(signIn.status).toBe(200);
  const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';

  const loopAgent = new Agent({ keepAlive: true, maxSockets: LOOPS });
  const sdkAgent = new Agent({ keepAlive: true, maxSockets: SDK_URLS_IN_FLIGHT });
  const probeAgent = new Agent({ keepAlive: true, maxSockets: 1 });
  expect((await send(probeAgent, `${url}/readyz`)).status).toBe(200); // opens the probe's connection

  // The load: keep-alive loops until the server refuses them.
  let signalledAt = 0;
  const loopOutcomes: Array<Outcome & { afterSignal: boolean }> = [];
  const loops = Array.from({ length: LOOPS }, async () => {
    for (;;) {
      const outcome = await send(loopAgent, `${url}/api/session`, { headers: { cookie } });
      loopOutcomes.push({ ...outcome, afterSignal: signalledAt > 0 });
      if (outcome.status !== 200) return;
    }
  });
  const sdkUrls = Array.from({ length: SDK_URLS_IN_FLIGHT }, () =>
    send(sdkAgent, `${url}/api/tccc/sdk-url`, { method: 'POST', headers: { ...browser, cookie } }),
  );
  // Under way: every loop has been served a few times.
  const loading = Date.now();
  while (loopOutcomes.length < LOOPS * 5 && Date.now() - loading < 10_000) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }

  signalledAt = Date.now();
  main.child.kill('SIGTERM');
  // The probe's kept-alive connection, polled until the signal has landed.
  let readiness = await send(probeAgent, `${url}/readyz`);
  while (readiness.status === 200 && Date.now() - signalledAt < SHUTDOWN_DELAY_MS) {
    readiness = await send(probeAgent, `${url}/readyz`);
  }
  const servedAfterNotReady = loopOutcomes.filter((o) => o.afterSignal && o.status === 200).length;
  const exitCode = await main.exited;
  const exitMs = Date.now() - signalledAt;
  await Promise.all(loops);
  const sdkOutcomes = await Promise.all(sdkUrls);
  for (const agent of [loopAgent, sdkAgent, probeAgent]) agent.destroy();

  const afterSignal = loopOutcomes.filter((outcome) => outcome.afterSignal);
  const tally = (outcomes: Outcome[]) =>
    outcomes.reduce<Record<string, number>>((counts, outcome) => {
      const key =
        outcome.error ?? `${outcome.status} ${outcome.code ?? ''} ${outcome.connection}`.trim();
      counts[key] = (counts[key] ?? 0) + 1;
      return counts;
    }, {});
  console.log(
    `SIGTERM under load: exit ${exitCode} after ${exitMs} ms; loop requests ${loopOutcomes.length} (${afterSignal.length} after the signal: ${JSON.stringify(tally(afterSignal))}); SDK URLs in flight ${JSON.stringify(tally(sdkOutcomes))}`,
  );

  // Readiness turned first, on a connection that was still served, as were the loops.
  expect([readiness.status, readiness.code]).toEqual([503, 'not_ready']);
  expect(servedAfterNotReady).toBeGreaterThan(0);
  // Every SDK URL in flight got its answer; those finished while draining said close.
  expect(sdkOutcomes.every((outcome) => outcome.status === 200)).toBe(true);
  expect(sdkOutcomes.some((outcome) => outcome.connection === 'close')).toBe(true);
  // The loops were served until refused cleanly: never a reset, never a hang-up.
  const unclean = [...loopOutcomes, ...sdkOutcomes].filter(
    (outcome) =>
      outcome.error !== undefined ||
      (outcome.status !== 200 && !(outcome.status === 503 && outcome.code === 'shutting_down')),
  );
  expect(unclean).toEqual([]);
  expect(
    afterSignal.filter((outcome) => outcome.status === 503).every((o) => o.connection === 'close'),
  ).toBe(true);
  expect(exitCode).toBe(0);
  expect(exitMs).toBeLessThan(SHUTDOWN_TIMEOUT_MS);
  expect(main.logs().some((line) => line.msg === 'shutdown complete')).toBe(true);
  expect(main.logs().filter((line) => line.level === 'error')).toEqual([]);
}, 60_000);
