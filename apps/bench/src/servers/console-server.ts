/**
 * Child process: our server serving a built web app, for the console's Connect-to-Ready run.
 * `main.ts`'s wiring through `createApp` (demo sign-in, signed sessions, CSP with a
 * per-request nonce, the token client towards the mock), with `webDistDir` from the
 * arguments: the console (`apps/web/dist`) or the bare loader page the bench writes. Both
 * are served the same way, so the ratio prices the console alone.
 *
 * argv[2]: JSON {mockUrl, accounts, password, webDistDir, tokenClient}. Listens on
 * 127.0.0.1, port 0; reports `{ url }` over IPC.
 */
import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { DEFAULT_SECRET_ID, DEFAULT_SECRET_KEY } from '@tccc-kit/mock-tccc';
import { createApp } from '@tccc-kit/server/dist/app.js';
import { createDemoAuthenticator } from '@tccc-kit/server/dist/auth/authenticator.js';
import { createLogger } from '@tccc-kit/server/dist/log/logger.js';
import { createRedactor } from '@tccc-kit/server/dist/log/redact.js';
import { createTcccClient } from '@tccc-kit/tccc-client';
import type { BenchTokenClient } from '../lib/rig.js';

interface Args {
  mockUrl: string;
  accounts: string[];
  password: string;
  webDistDir: string;
  tokenClient: BenchTokenClient;
}

const args = JSON.parse(process.argv[2] ?? '{}') as Args;
const sessionSecret = randomBytes(32).toString('base64url');
const logger = createLogger({
  level: 'warn',
  redactor: createRedactor({ secrets: [DEFAULT_SECRET_KEY, DEFAULT_SECRET_ID, sessionSecret] }),
});

const app = createApp({
  issuer: createTcccClient({
    ...args.tokenClient,
    endpoint: args.mockUrl,
    logger: logger.child({ component: 'tccc-client' }),
  }),
  authenticator: createDemoAuthenticator({ accounts: args.accounts, password: args.password }),
  readiness: { check: async () => undefined },
  logger,
  sessionSecret,
  sessionTtlSeconds: 3600,
  cspSdkSources: [args.mockUrl],
  sdkUrlRateLimitPerMinute: 10_000_000,
  webDistDir: args.webDistDir,
  console: { tcccMode: 'cloud' },
});

const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }) as Server;
server.once('listening', () => {
  const { port } = server.address() as AddressInfo;
  process.send?.({ url: `http://127.0.0.1:${port}` });
});
process.once('SIGTERM', () => {
  server.close(() => process.exit(0));
  server.closeAllConnections();
});
