/**
 * Test wiring: createApp with the production parts (demo authenticator, signed sessions,
 * the real token client signing with TC3) against a real standalone mock TCCC on a
 * loopback port, a fake clock, and every log line captured.
 */
import {
  DEFAULT_SDK_APP_ID,
  DEFAULT_SECRET_ID,
  DEFAULT_SECRET_KEY,
  type MockTcccServer,
  startMockTcccServer,
} from '@tccc-kit/mock-tccc';
import { createTcccClient, type TcccClientConfig } from '@tccc-kit/tccc-client';
import { type AppDeps, createApp } from '../src/app.js';
import { createDemoAuthenticator } from '../src/auth/authenticator.js';
import { createLogger } from '../src/log/logger.js';
import { createRedactor } from '../src/log/redact.js';
import type { SdkUrlIssuer } from '../src/tccc/routes.js';

export const AGENT = 'agent@example.com';
export const AGENT2 = 'agent2@example.com';
export const PASSWORD = 'correct horse battery';
export const SESSION_SECRET = 'test-session-secret-test-session-secret-42';
export const ORIGIN = 'http://localhost';

export interface FakeClock {
  now: () => number;
  advance(ms: number): void;
}

export function fakeClock(start = Date.UTC(2026, 0, 1)): FakeClock {
  let time = start;
  return {
    now: () => time,
    advance: (ms) => {
      time += ms;
    },
  };
}

export function startMock(): Promise<MockTcccServer> {
  return startMockTcccServer({ host: '127.0.0.1', port: 0 });
}

export function tokenClientFor(
  mock: MockTcccServer,
  overrides: Partial<TcccClientConfig> = {},
  logLines?: string[],
) {
  return createTcccClient({
    sdkAppId: DEFAULT_SDK_APP_ID,
    secretId: DEFAULT_SECRET_ID,
    secretKey: DEFAULT_SECRET_KEY,
    endpoint: mock.url,
    timeoutMs: 2_000,
    retries: 0,
    ...(logLines ? { logger: captureLogger(logLines).child({ component: 'tccc-client' }) } : {}),
    ...overrides,
  });
}

export function captureLogger(lines: string[]) {
  return createLogger({
    level: 'debug',
    redactor: createRedactor({
      secrets: [DEFAULT_SECRET_KEY, DEFAULT_SECRET_ID, SESSION_SECRET, PASSWORD],
    }),
    write: (line) => lines.push(line),
  });
}

/** An issuer for tests that never reach TCCC; fails loudly if they do. */
export const unusedIssuer: SdkUrlIssuer = {
  createSdkUrl: () => Promise.reject(new Error('this test should not ask for an SDK URL')),
};

export function buildApp(overrides: Partial<AppDeps> & { clock?: FakeClock } = {}) {
  const clock = overrides.clock ?? fakeClock();
  const logLines: string[] = [];
  const app = createApp({
    issuer: unusedIssuer,
    authenticator: createDemoAuthenticator({ accounts: [AGENT, AGENT2], password: PASSWORD }),
    readiness: { check: async () => undefined },
    logger: captureLogger(logLines),
    sessionSecret: SESSION_SECRET,
    sessionTtlSeconds: 3_600,
    cspSdkSources: ['http://127.0.0.1:4000'],
    now: clock.now,
    ...overrides,
  });
  return { app, clock, logLines };
}

type App = ReturnType<typeof buildApp>['app'];

/** Signs in and returns the `Cookie` header value of the session. */
export async function signIn(app: App, email = AGENT, password = PASSWORD): Promise<string> {
  const response = await app.request(`${ORIGIN}/api/session`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      origin: ORIGIN,
      'sec-fetch-site': 'same-origin',
    },
    body: JSON.stringify({ email, password }),
  });
  if (response.status !== 200)
    throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
  return sessionCookie(response);
}

export function sessionCookie(response: Response): string {
  const setCookie = response.headers.get('set-cookie') ?? '';
  const pair = setCookie.split(';')[0] ?? '';
  if (!pair.includes('=')) throw new Error(`no session cookie in ${JSON.stringify(setCookie)}`);
  return pair;
}

/** Headers a same-origin browser fetch sends. */
export function browserHeaders(
  cookie?: string,
  extra: Record<string, string> = {},
): Record<string, string> {
  return {
    origin: ORIGIN,
    'sec-fetch-site': 'same-origin',
    ...(cookie ? { cookie } : {}),
    ...extra,
  };
}

export async function problemOf(response: Response) {
  expectProblemContentType(response);
  return (await response.json()) as {
    type: string;
    title: string;
    status: number;
    detail: string;
    code: string;
    [key: string]: unknown;
  };
}

function expectProblemContentType(response: Response) {
  const type = response.headers.get('content-type');
  if (type !== 'application/problem+json') {
    throw new Error(`expected application/problem+json, got ${type} (status ${response.status})`);
  }
}
