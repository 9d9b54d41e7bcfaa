/**
 * Starts the real demo server for a browser test: `createApp` with the production parts
 * (demo sign-in, signed cookie sessions, the real token client signing with TC3, CSP with a
 * per-request nonce, the built console) listening on a loopback port, pointed at a mock TCCC
 * the test started itself, so the test can drive that mock's control plane.
 *
 * The server talks to the mock exactly as to the real TCCC: endpoint + credentials, the
 * "cloud" configuration an integrator would use. Every log line is kept so a test can check
 * that no secret reached the logs.
 */

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_SDK_APP_ID, DEFAULT_SECRET_ID, DEFAULT_SECRET_KEY } from '@tccc-kit/mock-tccc';
import { createTcccClient } from '@tccc-kit/tccc-client';
import { createApp } from '../src/app.js';
import { createDemoAuthenticator } from '../src/auth/authenticator.js';
import { createCallerDirectory, DEMO_CALLERS } from '../src/console/callers.js';
import { createTransferDirectory } from '../src/console/transfer-targets.js';
import { createLogger } from '../src/log/logger.js';
import { createRedactor } from '../src/log/redact.js';
import { createPushAuth } from '../src/push/auth.js';
import { openCallRecordStore } from '../src/records/open-store.js';
import { withWebSocketTwin } from '../src/security/csp.js';
import { locateWebDist } from '../src/web/locate.js';
import { listen } from '../test/reliability/loopback.js';

export const DEMO_PASSWORD = 'demo';
export const AGENT = 'agent@example.com';
export const AGENT2 = 'agent2@example.com';
/** Session HMAC key of the test servers (a fixed, test-only value). */
const SESSION_SECRET = 'e2e-session-secret-e2e-session-secret-0123';

/** Basic credentials of the Data Push receiver of a server started with `records`. */
export const PUSH_USER = 'e2e-push';
export const PUSH_PASSWORD = 'e2e-push-password-e2e-push-password';

/** Values that must never show up in a log line. */
export const SECRETS = [DEFAULT_SECRET_KEY, DEFAULT_SECRET_ID, SESSION_SECRET] as const;

export interface DemoServer {
  /** Origin of the server, e.g. http://127.0.0.1:41234. */
  readonly url: string;
  /** Every JSON log line the server wrote, in order. */
  readonly logLines: readonly string[];
  close(): Promise<void>;
}

export async function startDemoServer(options: {
  tcccUrl: string;
  /** Keep call records (SQLite in a temporary folder): the push receiver and GET /api/calls. */
  records?: boolean;
}): Promise<DemoServer> {
  const logLines: string[] = [];
  const logger = createLogger({
    level: 'debug',
    redactor: createRedactor({ secrets: [...SECRETS, DEMO_PASSWORD, PUSH_PASSWORD] }),
    write: (line) => logLines.push(line),
  });
  const issuer = createTcccClient({
    sdkAppId: DEFAULT_SDK_APP_ID,
    secretId: DEFAULT_SECRET_ID,
    secretKey: DEFAULT_SECRET_KEY,
    endpoint: options.tcccUrl,
    timeoutMs: 3_000,
    retries: 0,
    logger: logger.child({ component: 'tccc-client' }),
  });
  const dataDir = options.records ? await mkdtemp(join(tmpdir(), 'tccc-e2e-records-')) : undefined;
  const opened = dataDir ? await openCallRecordStore({ kind: 'sqlite', dataDir }) : undefined;
  const app = createApp({
    issuer,
    authenticator: createDemoAuthenticator({ accounts: [AGENT, AGENT2], password: DEMO_PASSWORD }),
    readiness: { check: async () => undefined },
    logger,
    sessionSecret: SESSION_SECRET,
    sessionTtlSeconds: 3_600,
    cspSdkSources: withWebSocketTwin(options.tcccUrl),
    webDistDir: locateWebDist(undefined),
    // Every test signs in and fetches URLs many times within a minute.
    sdkUrlRateLimitPerMinute: 1_000,
    ...(opened
      ? {
          records: {
            store: opened.store,
            pushAuth: createPushAuth({ basic: { user: PUSH_USER, password: PUSH_PASSWORD } }),
          },
        }
      : {}),
    // What main.ts gives the console on its embedded mock: the demo hint and customers.
    console: {
      tcccMode: 'embedded-mock',
      demoSignIn: { accounts: [AGENT, AGENT2], password: DEMO_PASSWORD },
      lookupCaller: createCallerDirectory(DEMO_CALLERS),
      // Transfer targets from the cloud API (through the mock), read afresh each time: the
      // mock is reset between tests.
      listTransferTargets: createTransferDirectory(issuer, { cacheMs: 0 }),
    },
  });

  // Real loopback socket, malformed HTTP answered as in production, and a close() that
  // also ends the browser's keep-alive sockets.
  const server = await listen(app.fetch);
  return {
    url: server.url,
    logLines,
    close: async () => {
      await server.close();
      await opened?.store.close();
      if (dataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}
