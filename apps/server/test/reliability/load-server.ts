/**
 * The demo server as the load test runs it, in a child process of its own so that its heap
 * is measured alone (not mixed with Vitest, the mock TCCC and the load generator), started
 * by load.test.ts with `--import tsx --expose-gc` and driven over IPC:
 *
 *   parent -> child  {type: 'heap'}                      run a full GC, then report
 *   child -> parent  {type: 'listening', url}            once listening on 127.0.0.1:0
 *                    {type: 'heap', heapUsed}            bytes after GC
 *
 * Configuration comes as one JSON argument (LoadServerConfig). Production parts throughout:
 * createApp, the demo authenticator, signed sessions, the real token client (TC3 signing)
 * pointed at the mock, a JSON logger that formats every line (and drops it). The clock of
 * sessions and rate limits is frozen, so the per-user limit counts exactly, however long
 * the run takes.
 */
import { DEFAULT_SDK_APP_ID, DEFAULT_SECRET_ID, DEFAULT_SECRET_KEY } from '@tccc-kit/mock-tccc';
import { createTcccClient } from '@tccc-kit/tccc-client';
import { createApp } from '../../src/app.js';
import { createDemoAuthenticator } from '../../src/auth/authenticator.js';
import { createNodeServer, listenOn } from '../../src/http/node-server.js';
import { createLogger } from '../../src/log/logger.js';
import { createRedactor } from '../../src/log/redact.js';

export interface LoadServerConfig {
  tcccUrl: string;
  accounts: string[];
  password: string;
  sdkUrlsPerUserPerMinute: number;
}

export type LoadServerMessage =
  | { type: 'listening'; url: string }
  | { type: 'heap'; heapUsed: number };

const config = JSON.parse(process.argv[2] ?? '') as LoadServerConfig;
const gc = globalThis.gc;
if (!gc || !process.send) {
  throw new Error('load-server runs as a forked child with --expose-gc (see load.test.ts)');
}
const send = (message: LoadServerMessage) => process.send?.(message);

const secrets = [DEFAULT_SECRET_KEY, DEFAULT_SECRET_ID];
const logger = createLogger({
  level: 'info',
  redactor: createRedactor({ secrets }),
  write: () => {},
});
const frozen = Date.UTC(2026, 0, 1);

const app = createApp({
  issuer: createTcccClient({
    sdkAppId: DEFAULT_SDK_APP_ID,
    secretId: DEFAULT_SECRET_ID,
    secretKey: DEFAULT_SECRET_KEY,
    endpoint: config.tcccUrl,
    // The mock allows this rate for this test; real TCCC allows 20/s (token-client README).
    requestsPerSecond: 10_000,
    timeoutMs: 10_000,
    retries: 0,
    logger: logger.child({ component: 'tccc-client' }),
  }),
  authenticator: createDemoAuthenticator({ accounts: config.accounts, password: config.password }),
  readiness: { check: async () => undefined },
  logger,
  sessionSecret: 'load-test-session-secret-load-test-session-secret',
  sessionTtlSeconds: 3_600,
  cspSdkSources: [config.tcccUrl],
  sdkUrlRateLimitPerMinute: config.sdkUrlsPerUserPerMinute,
  now: () => frozen,
});

const { server } = createNodeServer(app.fetch);
void listenOn(server, 0, '127.0.0.1').then((port) =>
  send({ type: 'listening', url: `http://127.0.0.1:${port}` }),
);

process.on('message', (message: { type?: string }) => {
  if (message.type !== 'heap') return;
  // Twice: the first pass can leave objects whose finalizers free more.
  gc();
  gc();
  send({ type: 'heap', heapUsed: process.memoryUsage().heapUsed });
});
process.on('disconnect', () => {
  server.close();
  server.closeAllConnections();
});
