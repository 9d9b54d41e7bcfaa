/**
 * Child process: our server for the throughput run. It is `src/main.ts`'s wiring (token
 * client + createApp + @hono/node-server), built from `dist/`, with the two limits that
 * would otherwise cap a load test lifted through deps, which `main.ts` does not expose as
 * configuration:
 *   - the token client's own limiter (20 requests/s towards TCCC) set to its maximum,
 *     10 000/s: the limiter still runs, it just never makes a request wait at this load;
 *   - the per-user SDK URL limit (10/min) set to 10 000 000/min.
 * Logging at `warn`: no per-request line, like the baseline, which logs only errors.
 * The cold-start and shift-start runs use the real entry point, `node dist/main.js`.
 *
 * argv[2]: JSON {mockUrl, accounts, password, tokenClient} (tokenClient: lib/rig.ts's
 * BENCH_TOKEN_CLIENT). Listens on 127.0.0.1, port 0; reports `{ url }` over IPC, then
 * answers the bench's CPU samples (cpu-probe.ts).
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
import { answerCpuSamples } from './cpu-probe.js';

interface Args {
  mockUrl: string;
  accounts: string[];
  password: string;
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
});

const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }) as Server;
server.once('listening', () => {
  const { port } = server.address() as AddressInfo;
  process.send?.({ url: `http://127.0.0.1:${port}` });
});
answerCpuSamples();
process.once('SIGTERM', () => {
  server.close(() => process.exit(0));
  server.closeAllConnections();
});
