/**
 * Several server instances in one test process, as a load balancer would see them: each
 * its own `createApp` with its own Redis connection, shared state (start-shared.ts) and
 * TCCC client, all sharing one Redis, one mock TCCC and one session secret.
 */
import { DEFAULT_SDK_APP_ID, DEFAULT_SECRET_ID, DEFAULT_SECRET_KEY } from '@tccc-kit/mock-tccc';
import { createTcccClient, type TcccClient } from '@tccc-kit/tccc-client';
import {
  browserHeaders,
  buildApp,
  ORIGIN,
  PASSWORD,
  sessionCookie,
} from '../../../test/harness.js';
import { createDemoAuthenticator } from '../../auth/authenticator.js';
import type { SignInLimits } from '../../auth/sign-in-throttle.js';
import { type SharedState, startSharedState } from '../start-shared.js';

export interface TestInstance {
  app: ReturnType<typeof buildApp>['app'];
  shared: SharedState;
  tccc: TcccClient;
  /** Signs `email` in here; the Cookie header value. */
  signIn(email: string, password?: string): Promise<string>;
  /** POST /api/tccc/sdk-url with `cookie`. */
  sdkUrl(cookie: string): Promise<Response>;
  request(path: string, init?: RequestInit & { cookie?: string }): Promise<Response>;
}

export interface InstancesOptions {
  count: number;
  redisUrl: string;
  keyPrefix: string;
  mockUrl: string;
  accounts: readonly string[];
  /** SERVER_INSTANCES (default `count`). */
  instances?: number;
  sdkUrlRateLimitPerMinute?: number;
  signInLimits?: SignInLimits;
  probeIntervalMs?: number;
  quietMs?: number;
  startWaitMs?: number;
}

export async function startInstances(options: InstancesOptions): Promise<{
  instances: TestInstance[];
  close(): Promise<void>;
}> {
  const instances: TestInstance[] = [];
  for (let i = 0; i < options.count; i++) {
    const shared = await startSharedState({
      config: {
        url: options.redisUrl,
        keyPrefix: options.keyPrefix,
        instances: options.instances ?? options.count,
      },
      sessionTtlSeconds: 3_600,
      sdkUrlRateLimitPerMinute: options.sdkUrlRateLimitPerMinute ?? 100,
      connection: { maxReconnectDelayMs: 200 },
      ...(options.signInLimits ? { signInLimits: options.signInLimits } : {}),
      ...(options.probeIntervalMs ? { probeIntervalMs: options.probeIntervalMs } : {}),
      ...(options.quietMs !== undefined ? { quietMs: options.quietMs } : {}),
      ...(options.startWaitMs !== undefined ? { startWaitMs: options.startWaitMs } : {}),
    });
    const tccc = createTcccClient({
      sdkAppId: DEFAULT_SDK_APP_ID,
      secretId: DEFAULT_SECRET_ID,
      secretKey: DEFAULT_SECRET_KEY,
      endpoint: options.mockUrl,
      timeoutMs: 5_000,
      retries: 0,
      limiter: shared.tcccLimiter,
    });
    const { app } = buildApp({
      issuer: tccc,
      authenticator: createDemoAuthenticator({ accounts: options.accounts, password: PASSWORD }),
      readiness: {
        check: async () => undefined,
        details: () => ({ sharedState: shared.state() }),
        degraded: () => shared.degraded(),
      },
      stores: shared.stores,
      clock: { now: Date.now, advance: () => {} },
    });
    const request = async (path: string, init: RequestInit & { cookie?: string } = {}) => {
      const { cookie, headers, ...rest } = init;
      return await app.request(`${ORIGIN}${path}`, {
        ...rest,
        headers: { ...browserHeaders(cookie), ...(headers as Record<string, string> | undefined) },
      });
    };
    instances.push({
      app,
      shared,
      tccc,
      request,
      async signIn(email, password = PASSWORD) {
        const response = await request('/api/session', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email, password }),
        });
        if (response.status !== 200) {
          throw new Error(
            `sign-in of ${email} answered ${response.status}: ${await response.text()}`,
          );
        }
        return sessionCookie(response);
      },
      sdkUrl: (cookie) => request('/api/tccc/sdk-url', { method: 'POST', cookie }),
    });
  }
  return {
    instances,
    async close() {
      await Promise.all(instances.map((instance) => instance.shared.close()));
    },
  };
}

/** `count` seat emails the mock and the demo authenticator both know: agent001@example.com... */
export function seats(count: number): string[] {
  return Array.from(
    { length: count },
    (_, i) => `agent${String(i + 1).padStart(3, '0')}@example.com`,
  );
}

/** Polls `condition` every 20 ms until it holds (or fails after `timeoutMs`). */
export async function until(
  what: string,
  condition: () => boolean | Promise<boolean>,
  timeoutMs = 10_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
