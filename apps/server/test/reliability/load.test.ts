/**
 * Load: 2,000 SDK URL requests from 50 signed-in agents at once against the server on the
 * standalone mock TCCC. Every answer is either an SDK URL or the deliberate 429 of the
 * per-user limit (exactly the requests past each user's allowance, the clock being frozen);
 * no other error. Afterwards the server's heap, measured after a full GC, is back near where
 * it was after warm-up.
 *
 * The server runs in a child process (load-server.ts) so its heap is measured alone: in
 * this process the heap also holds Vitest, the mock (whose token journal grows by design)
 * and the 2,000 responses of the load generator, any of which would hide or fake a leak.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { DEFAULT_SDK_APP_ID, type MockTcccServer, startMockTcccServer } from '@tccc-kit/mock-tccc';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { LoadServerConfig, LoadServerMessage } from './load-server.js';

const SESSIONS = 50;
const REQUESTS = 2_000;
const PER_SESSION = REQUESTS / SESSIONS;
/** Each agent may fetch 30 of its 40 URLs: 500 requests are refused on purpose. */
const PER_USER_LIMIT = 30;
/** Generous: a leak of even 10 KB per request would add 20 MB. */
const HEAP_GROWTH_BOUND = 20 * 1024 * 1024;
const PASSWORD = 'load test password';

const accounts = Array.from({ length: SESSIONS }, (_, i) => `agent${i}@load.example`);
let mock: MockTcccServer;
let child: ChildProcess;
let serverUrl: string;

beforeAll(async () => {
  mock = await startMockTcccServer({
    apps: [{ sdkAppId: DEFAULT_SDK_APP_ID, seats: accounts }],
    // The mock's 20/s TCCC limit would make this a test of the limiter; it has its own tests.
    limits: { requestsPerSecond: 1_000_000 },
  });
  const config: LoadServerConfig = {
    tcccUrl: mock.url,
    accounts,
    password: PASSWORD,
    sdkUrlsPerUserPerMinute: PER_USER_LIMIT,
  };
  child = fork(
    fileURLToPath(new URL('./load-server.ts', import.meta.url)),
    [JSON.stringify(config)],
    {
      execArgv: ['--import', 'tsx', '--expose-gc'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    },
  );
  serverUrl = (await nextMessage('listening')).url;
}, 120_000);

afterAll(async () => {
  if (child?.connected) {
    const exited = once(child, 'exit');
    child.disconnect();
    await exited;
  }
  await mock?.close();
});

function nextMessage<T extends LoadServerMessage['type']>(
  type: T,
): Promise<Extract<LoadServerMessage, { type: T }>> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: LoadServerMessage) => {
      if (message.type !== type) return;
      child.off('exit', onExit);
      child.off('message', onMessage);
      resolve(message as Extract<LoadServerMessage, { type: T }>);
    };
    const onExit = (code: number | null) =>
      reject(new Error(`the load server exited (code ${code}) before sending "${type}"`));
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

async function heapUsed(): Promise<number> {
  const answer = nextMessage('heap');
  child.send({ type: 'heap' });
  return (await answer).heapUsed;
}

async function signIn(email: string): Promise<string> {
  const response = await fetch(`${serverUrl}/api/session`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      origin: serverUrl,
      'sec-fetch-site': 'same-origin',
    },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  expect(response.status).toBe(200);
  return (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

/** One SDK URL request; returns its status (and checks the body it came with). */
async function requestSdkUrl(cookie: string, tokens: Set<string>): Promise<number> {
  const response = await fetch(`${serverUrl}/api/tccc/sdk-url`, {
    method: 'POST',
    headers: { cookie, origin: serverUrl, 'sec-fetch-site': 'same-origin' },
  });
  const body = (await response.json()) as { sdkUrl?: string; code?: string };
  if (response.status === 200) {
    const token = new URL(body.sdkUrl ?? '').searchParams.get('token') ?? '';
    tokens.add(token);
  } else if (response.status === 429) {
    expect(body.code).toBe('rate_limited');
    expect(response.headers.get('retry-after')).toMatch(/^\d+$/);
  }
  return response.status;
}

it(`serves ${REQUESTS} SDK URL requests from ${SESSIONS} concurrent agents: only the deliberate 429s fail, and the heap returns near its start`, async () => {
  const cookies = await Promise.all(accounts.map(signIn));
  const tokens = new Set<string>();
  const statuses: number[] = [];

  // Warm-up: one request per agent (counted in the total), so lazy initialisation, JIT and
  // connection pools are in the baseline rather than in the growth.
  statuses.push(...(await Promise.all(cookies.map((cookie) => requestSdkUrl(cookie, tokens)))));
  const before = await heapUsed();

  await Promise.all(
    cookies.map(async (cookie) => {
      for (let i = 1; i < PER_SESSION; i++) statuses.push(await requestSdkUrl(cookie, tokens));
    }),
  );
  const after = await heapUsed();

  const counts = Object.fromEntries(
    [...new Set(statuses)].map((status) => [status, statuses.filter((s) => s === status).length]),
  );
  expect(statuses).toHaveLength(REQUESTS);
  expect(counts).toEqual({
    200: SESSIONS * PER_USER_LIMIT,
    429: REQUESTS - SESSIONS * PER_USER_LIMIT,
  });
  // Every URL is a fresh one-time token, and the mock issued exactly those.
  expect(tokens.size).toBe(SESSIONS * PER_USER_LIMIT);
  expect(mock.mock.tokens()).toHaveLength(SESSIONS * PER_USER_LIMIT);
  expect(
    after - before,
    `heap after GC: ${(before / 2 ** 20).toFixed(1)} MB -> ${(after / 2 ** 20).toFixed(1)} MB`,
  ).toBeLessThan(HEAP_GROWTH_BOUND);
}, 60_000);
