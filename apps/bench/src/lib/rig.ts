/**
 * Starting the things under test, each in its own process: the mock TCCC, the baseline
 * (TCCC's guide as an Express app), our server through the bench entry (throughput) and
 * through its real entry point `dist/main.js` (cold start, shift start), and the minimal
 * server (throughput reference).
 */
import { randomBytes } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  DEFAULT_SDK_APP_ID,
  DEFAULT_SECRET_ID,
  DEFAULT_SECRET_KEY,
  type MockTcccConfig,
} from '@tccc-kit/mock-tccc';
import { createControlClient, type MockTcccControl } from '@tccc-kit/mock-tccc/testing';
import { type Child, firstMessage, spawnNode } from './child.js';
import { precompiled } from './precompile.js';

/** apps/bench: `baseline/`, `src/servers/`, and `node_modules/` for the baseline's Express. */
export const BENCH_DIR = fileURLToPath(new URL('../../', import.meta.url));
/** apps/server (a workspace dependency of the bench): `dist/main.js` is its real entry point. */
export const SERVER_DIR = dirname(
  fileURLToPath(import.meta.resolve('@tccc-kit/server/package.json')),
);
export const BASELINE_ENTRY = join(BENCH_DIR, 'baseline/server.cjs');
export const MAIN_ENTRY = join(SERVER_DIR, 'dist/main.js');
const entry = (name: string) => fileURLToPath(new URL(`../servers/${name}`, import.meta.url));
const MOCK_ENTRY = entry('mock-tccc.ts');
const OUR_BENCH_ENTRY = entry('our-server.ts');
const MINIMAL_ENTRY = entry('minimal-server.ts');
const CONSOLE_ENTRY = entry('console-server.ts');

/** Sign-in password of the demo accounts in every run (random: our server rejects weak ones). */
export const DEMO_PASSWORD = randomBytes(18).toString('base64url');

export interface RunningMock {
  url: string;
  control: MockTcccControl;
  stop(): Promise<void>;
}

export async function startMock(config: MockTcccConfig): Promise<RunningMock> {
  const child = spawnNode({
    name: 'mock TCCC',
    args: [await precompiled(MOCK_ENTRY), JSON.stringify(config)],
    cwd: BENCH_DIR,
    ipc: true,
  });
  const { url, controlToken } = await firstMessage<{ url: string; controlToken: string }>(child);
  return {
    url,
    control: createControlClient(url, { token: controlToken }),
    stop: () => child.stop(),
  };
}

/** The guide's Express app on `port`, minting SDK URLs for `seat` from the mock at `mockUrl`. */
export function spawnBaseline(options: { mockUrl: string; seat: string; port: number }): Child {
  return spawnNode({
    name: 'baseline (guide Express app)',
    args: [BASELINE_ENTRY],
    cwd: BENCH_DIR,
    env: {
      TCCC_SECRET_ID: DEFAULT_SECRET_ID,
      TCCC_SECRET_KEY: DEFAULT_SECRET_KEY,
      TCCC_SDK_APP_ID: String(DEFAULT_SDK_APP_ID),
      TCCC_SEAT_USER_ID: options.seat,
      TCCC_ENDPOINT: new URL(options.mockUrl).host,
      PORT: String(options.port),
    },
  });
}

/**
 * Our server as deployed: `node dist/main.js`, configured only through its environment
 * (TCCC_* pointing at the mock as a "real" TCCC, demo accounts, PORT), logging at the
 * default level to a discarded stdout.
 */
export function spawnOurMain(options: {
  mockUrl: string;
  accounts: readonly string[];
  port: number;
  /** Shown in errors (default "our server (dist/main.js)"). */
  name?: string;
  /** Instances behind one load balancer must sign sessions alike (default: a random one). */
  sessionSecret?: string;
  /** More variables (REDIS_URL, ...), set last. */
  env?: Readonly<Record<string, string>>;
}): Child {
  return spawnNode({
    name: options.name ?? 'our server (dist/main.js)',
    args: [MAIN_ENTRY],
    cwd: SERVER_DIR,
    env: {
      TCCC_SECRET_ID: DEFAULT_SECRET_ID,
      TCCC_SECRET_KEY: DEFAULT_SECRET_KEY,
      TCCC_SDK_APP_ID: String(DEFAULT_SDK_APP_ID),
      TCCC_ENDPOINT: options.mockUrl,
      SESSION_SECRET: options.sessionSecret ?? randomBytes(32).toString('base64url'),
      DEMO_ACCOUNTS: options.accounts.join(','),
      DEMO_PASSWORD,
      HOST: '127.0.0.1',
      PORT: String(options.port),
      PUBLIC_ORIGIN: `http://127.0.0.1:${options.port}`, // required with a "real" TCCC
      ...options.env,
    },
  });
}

/**
 * The token client of every bench server (ours and the minimal one), passed to them in
 * argv: the mock's credentials, a 5 s timeout, and the limiter at its maximum (10 000/s)
 * so that it never makes a request wait at bench load. Each adds `endpoint` (the mock).
 */
export const BENCH_TOKEN_CLIENT = {
  sdkAppId: DEFAULT_SDK_APP_ID,
  secretId: DEFAULT_SECRET_ID,
  secretKey: DEFAULT_SECRET_KEY,
  timeoutMs: 5000,
  requestsPerSecond: 10_000,
} as const;
export type BenchTokenClient = typeof BENCH_TOKEN_CLIENT;

/** A precompiled bench entry (`servers/*.ts`) on plain `node`, once it reports its URL. */
async function startBenchEntry(
  name: string,
  entry: string,
  args: unknown,
): Promise<{ url: string; child: Child }> {
  const child = spawnNode({
    name,
    args: [await precompiled(entry), JSON.stringify(args)],
    cwd: BENCH_DIR,
    ipc: true,
  });
  const { url } = await firstMessage<{ url: string }>(child);
  return { url, child };
}

/**
 * Our server through the bench entry (limits lifted for load, see servers/our-server.ts),
 * precompiled: plain `node`, like the baseline.
 */
export function startOurBenchServer(options: {
  mockUrl: string;
  accounts: readonly string[];
}): Promise<{ url: string; child: Child }> {
  return startBenchEntry('our server (bench entry)', OUR_BENCH_ENTRY, {
    ...options,
    password: DEMO_PASSWORD,
    tokenClient: BENCH_TOKEN_CLIENT,
  });
}

/** Our server serving a built web app (servers/console-server.ts): the console, or a bare page. */
export function startConsoleServer(options: {
  name: string;
  mockUrl: string;
  accounts: readonly string[];
  webDistDir: string;
}): Promise<{ url: string; child: Child }> {
  const { name, ...rest } = options;
  return startBenchEntry(name, CONSOLE_ENTRY, {
    ...rest,
    password: DEMO_PASSWORD,
    tokenClient: BENCH_TOKEN_CLIENT,
  });
}

/** The minimal server (servers/minimal-server.ts): node:http + the token client, nothing else. */
export function startMinimalServer(options: {
  mockUrl: string;
  seat: string;
}): Promise<{ url: string; child: Child }> {
  return startBenchEntry('minimal server', MINIMAL_ENTRY, {
    ...options,
    tokenClient: BENCH_TOKEN_CLIENT,
  });
}
