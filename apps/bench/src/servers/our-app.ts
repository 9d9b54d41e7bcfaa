/**
 * Our server as the bench's child processes run it: `src/main.ts`'s wiring (token client +
 * createApp + @hono/node-server), built from `dist/`, with the per-user SDK URL limit
 * (10/min) lifted to 10 000 000/min through deps, which `main.ts` does not expose as
 * configuration. Logging at `warn`: no per-request line, like the baseline, which logs only
 * errors. Listens on 127.0.0.1, port 0; reports `{ url }` over IPC; closes on SIGTERM.
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

export interface OurAppArgs {
  mockUrl: string;
  accounts: string[];
  password: string;
  tokenClient: BenchTokenClient;
  /** A built web app to serve (the console, or the bench's bare loader page). */
  webDistDir?: string;
}

export function serveOurApp(args: OurAppArgs): Server {
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
    ...(args.webDistDir !== undefined
      ? { webDistDir: args.webDistDir, console: { tcccMode: 'cloud' as const } }
      : {}),
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
  return server;
}
