/**
 * TCCC failing in every way the mock's fault rules can make it fail, seen through the real
 * server on a loopback port (createApp + the real token client, TC3-signed, with retries):
 * the browser gets the right status and `code`, within the time the configuration promises
 * (token-client: a call settles within queueTimeoutMs + timeoutMs), the client retried as
 * configured (the fault rule was spent once per attempt), and the server keeps serving: the
 * next request after the fault is gone gets an SDK URL.
 */
import { type FaultRuleInput, type MockTcccServer, startMockTcccServer } from '@tccc-kit/mock-tccc';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  browserHeaders,
  buildApp,
  captureLogger,
  problemOf,
  signIn,
  startMock,
  tokenClientFor,
} from '../harness.js';
import { type Listening, listen } from './loopback.js';

/**
 * The token client's settings under test: short, so a hang costs a few seconds, yet long
 * enough that on a loaded 2-core CI machine every attempt reaches the mock before its timeout
 * (with 300 ms, retries were sometimes aborted before the mock saw them, so the count of
 * attempts the mock observed came up short).
 */
const CLIENT = {
  timeoutMs: 800,
  retries: 2,
  retryBaseDelayMs: 20,
  retryMaxDelayMs: 50,
  queueTimeoutMs: 10_000,
} as const;
const ATTEMPTS = CLIENT.retries + 1;
/** The documented bound of createSdkUrl, plus room for HTTP and a loaded 2-core machine. */
const ANSWER_BOUND_MS = CLIENT.queueTimeoutMs + CLIENT.timeoutMs + 2_000;

let mock: MockTcccServer;
let server: Listening;
let cookie: string;

beforeAll(async () => {
  mock = await startMock();
  const { app } = buildApp({
    issuer: tokenClientFor(mock, CLIENT),
    sdkUrlRateLimitPerMinute: 1_000,
  });
  server = await listen(app.fetch);
  cookie = await signIn(app);
});
afterAll(async () => {
  await server?.close();
  await mock?.close();
});
beforeEach(() => mock.mock.reset());

async function askForSdkUrl(base = server.url, session = cookie) {
  const started = performance.now();
  const response = await fetch(`${base}/api/tccc/sdk-url`, {
    method: 'POST',
    headers: browserHeaders(session, { origin: base }),
  });
  return { response, elapsedMs: performance.now() - started };
}

async function expectServing(base = server.url, session = cookie) {
  const { response } = await askForSdkUrl(base, session);
  expect(response.status).toBe(200);
  const body = (await response.json()) as { sdkUrl: string };
  expect(body.sdkUrl).toMatch(/\/sdk\/tccc\.js\?token=[0-9a-f]{32}$/);
}

/** A fault effect, without the target (always CreateSDKLoginToken) and count. */
type Effect = DistributiveOmit<FaultRuleInput, 'target' | 'times' | 'probability'>;
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

describe.each<{
  fault: string;
  rule: Effect;
  expected: [number, string, string];
  retryAfter: string | null;
  waitsForTimeouts: boolean;
}>([
  {
    fault: 'a hang past the timeout',
    rule: { kind: 'hang' },
    expected: [504, 'tccc_timeout', 'Timeout'],
    retryAfter: null,
    waitsForTimeouts: true,
  },
  {
    fault: 'a delay past the timeout',
    rule: { kind: 'delay', ms: 10 * CLIENT.timeoutMs },
    expected: [504, 'tccc_timeout', 'Timeout'],
    retryAfter: null,
    waitsForTimeouts: true,
  },
  {
    fault: 'HTTP 503 from a gateway',
    rule: { kind: 'status', status: 503, body: '<html>Service Unavailable</html>' },
    expected: [503, 'tccc_unavailable', 'HttpError'],
    retryAfter: '2',
    waitsForTimeouts: false,
  },
  {
    fault: 'HTTP 500 from a gateway',
    rule: { kind: 'status', status: 500 },
    expected: [502, 'tccc_bad_response', 'HttpError'],
    retryAfter: null,
    waitsForTimeouts: false,
  },
  {
    fault: 'a dropped connection',
    rule: { kind: 'drop' },
    expected: [502, 'tccc_unreachable', 'NetworkError'],
    retryAfter: null,
    waitsForTimeouts: false,
  },
  {
    fault: 'RequestLimitExceeded',
    rule: { kind: 'error', code: 'RequestLimitExceeded' },
    expected: [503, 'tccc_unavailable', 'RequestLimitExceeded'],
    retryAfter: '2',
    waitsForTimeouts: false,
  },
  {
    fault: 'InternalError',
    rule: { kind: 'error', code: 'InternalError' },
    expected: [502, 'tccc_bad_response', 'InternalError'],
    retryAfter: null,
    waitsForTimeouts: false,
  },
])('TCCC answering with $fault', ({ rule, expected, retryAfter, waitsForTimeouts }) => {
  it(`answers ${expected[0]} ${expected[1]} after ${ATTEMPTS} attempts, within the configured bound, then serves again`, async () => {
    mock.mock.addFault({
      ...rule,
      target: 'CreateSDKLoginToken',
      times: ATTEMPTS,
    } as FaultRuleInput);

    const { response, elapsedMs } = await askForSdkUrl();
    const body = await problemOf(response);
    expect([body.status, body.code, body.tcccCode]).toEqual(expected);
    expect(response.status).toBe(expected[0]);
    expect(body.retryable).toBe(true);
    expect(response.headers.get('retry-after')).toBe(retryAfter);
    expect(elapsedMs).toBeLessThan(ANSWER_BOUND_MS);
    // Every attempt really waited for its timeout (timers never fire early by more than 1 ms).
    if (waitsForTimeouts) expect(elapsedMs).toBeGreaterThanOrEqual(ATTEMPTS * CLIENT.timeoutMs - 5);
    // One use of the rule per attempt: the client retried exactly as configured.
    expect(mock.mock.faults()).toEqual([]);
    expect(mock.mock.tokens()).toEqual([]);

    await expectServing();
    expect(mock.mock.tokens()).toHaveLength(1);
  });
});

it('answers health checks and other users while a TCCC call hangs', async () => {
  mock.mock.addFault({ target: 'CreateSDKLoginToken', kind: 'hang', times: ATTEMPTS });
  const hanging = askForSdkUrl();
  // Wait until the first attempt is held by the mock, so the health check really overlaps it.
  await expect.poll(() => mock.mock.faults()[0]?.remaining ?? 0).toBeLessThan(ATTEMPTS);
  const health = await fetch(`${server.url}/healthz`);
  expect(health.status).toBe(200);
  const session = await fetch(`${server.url}/api/session`, { headers: browserHeaders(cookie) });
  expect(session.status).toBe(200);
  expect((await problemOf((await hanging).response)).code).toBe('tccc_timeout');
});

it('a server whose TCCC is down answers 502 tccc_unreachable fast, and recovers when TCCC is back', async () => {
  const down = await startMockTcccServer({ host: '127.0.0.1', port: 0 });
  const { app } = buildApp({ issuer: tokenClientFor(down, CLIENT) });
  const own = await listen(app.fetch);
  try {
    const ownCookie = await signIn(app);
    await down.close();

    const { response, elapsedMs } = await askForSdkUrl(own.url, ownCookie);
    const body = await problemOf(response);
    expect([body.status, body.code, body.tcccCode]).toEqual([
      502,
      'tccc_unreachable',
      'NetworkError',
    ]);
    // Refused connections fail at once: only the backoff between attempts is spent.
    expect(elapsedMs).toBeLessThan(ANSWER_BOUND_MS);
    expect(JSON.stringify(body)).not.toContain(down.url);

    const back = await startMockTcccServer({ host: '127.0.0.1', port: down.port });
    try {
      await expectServing(own.url, ownCookie);
    } finally {
      await back.close();
    }
  } finally {
    await own.close();
  }
});

it('a browser that leaves while TCCC hangs cancels the call at once: no retry, no error log, the server keeps serving', async () => {
  const logLines: string[] = [];
  const { app } = buildApp({
    issuer: tokenClientFor(mock, CLIENT, logLines),
    logger: captureLogger(logLines),
    sdkUrlRateLimitPerMinute: 1_000,
  });
  const own = await listen(app.fetch);
  try {
    const ownCookie = await signIn(app);
    mock.mock.addFault({ target: 'CreateSDKLoginToken', kind: 'hang', times: ATTEMPTS });
    const browser = new AbortController();
    const leaving = fetch(`${own.url}/api/tccc/sdk-url`, {
      method: 'POST',
      headers: browserHeaders(ownCookie, { origin: own.url }),
      signal: browser.signal,
    }).catch((error: unknown) => error);
    // The first attempt is held by the mock: the browser leaves while TCCC is being asked.
    await expect.poll(() => mock.mock.faults()[0]?.remaining ?? 0).toBeLessThan(ATTEMPTS);
    browser.abort();
    expect(await leaving).toMatchObject({ name: 'AbortError' });

    const lines = () => logLines.map((line) => JSON.parse(line) as Record<string, unknown>);
    await expect
      .poll(() => lines().find((line) => line.event === 'tccc.sdk_url.failed'))
      .toMatchObject({ level: 'info', code: 'Aborted', attempts: 1 });
    const failed = lines().find((line) => line.event === 'tccc.sdk_url.failed');
    // Cancelled, not timed out: well before the first attempt's timeout would have fired.
    expect(failed?.durationMs).toBeLessThan(CLIENT.timeoutMs);
    await expect
      .poll(() =>
        lines().find((line) => line.msg === 'request' && line.path === '/api/tccc/sdk-url'),
      )
      .toMatchObject({ level: 'info', status: 499 });
    expect(lines().filter((line) => line.level === 'error')).toEqual([]);
    // No retry was sent for a browser that is gone: the rule still holds the other attempts.
    expect(mock.mock.faults()[0]?.remaining).toBe(ATTEMPTS - 1);

    mock.mock.reset();
    await expectServing(own.url, ownCookie);
  } finally {
    await own.close();
  }
});
