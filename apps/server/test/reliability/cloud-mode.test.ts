/**
 * The process in cloud mode (TCCC_SECRET_ID set), against the standalone mock TCCC as its
 * "real" TCCC: it refuses to start without PUBLIC_ORIGIN, naming the variable; and /readyz
 * reports whether TCCC answers, judged from the SDK URL calls the server made anyway (no
 * probe per /readyz), while /healthz stays 200.
 */
import {
  DEFAULT_SDK_APP_ID,
  DEFAULT_SECRET_ID,
  DEFAULT_SECRET_KEY,
  type MockTcccServer,
  startMockTcccServer,
} from '@tccc-kit/mock-tccc';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MainProcess, runMainUntilExit, startMain } from './main-process.js';

const PUBLIC_ORIGIN = 'https://agents.example.com';
const PASSWORD = 'a long demo passphrase';

let mock: MockTcccServer;
beforeAll(async () => {
  mock = await startMockTcccServer({ host: '127.0.0.1', port: 0 });
});
afterAll(async () => {
  await mock?.close();
});

const cloudEnv = () => ({
  TCCC_SECRET_ID: DEFAULT_SECRET_ID,
  TCCC_SECRET_KEY: DEFAULT_SECRET_KEY,
  TCCC_SDK_APP_ID: String(DEFAULT_SDK_APP_ID),
  TCCC_ENDPOINT: mock.url,
  TCCC_TIMEOUT_MS: '500',
  SESSION_SECRET: 'cloud-mode-test-session-secret-0123456789',
  DEMO_ACCOUNTS: 'agent@example.com',
  DEMO_PASSWORD: PASSWORD,
  PUBLIC_ORIGIN,
  SDK_URL_RATE_LIMIT_PER_MINUTE: '1000',
});

describe('cloud mode', () => {
  it('refuses to start without PUBLIC_ORIGIN, naming the variable', async () => {
    const { PUBLIC_ORIGIN: _, ...env } = cloudEnv();
    const { code, stderr } = await runMainUntilExit(env);
    expect(code).toBe(1);
    expect(stderr).toContain('PUBLIC_ORIGIN: is required with a real TCCC');
    expect(stderr).not.toContain(DEFAULT_SECRET_KEY);
  }, 30_000);

  describe('readiness', () => {
    let main: MainProcess;
    let cookie: string;
    beforeAll(async () => {
      main = await startMain(cloudEnv());
      const response = await fetch(`${main.url}/api/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: PUBLIC_ORIGIN },
        body: JSON.stringify({ email: 'agent@example.com', password: PASSWORD }),
      });
      expect(response.status).toBe(200);
      cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    }, 30_000);
    afterAll(async () => {
      await main?.stop();
    });

    const readyz = async () => {
      const response = await fetch(`${main.url}/readyz`);
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };
    const sdkUrl = async () =>
      (
        await fetch(`${main.url}/api/tccc/sdk-url`, {
          method: 'POST',
          headers: { cookie, origin: PUBLIC_ORIGIN },
        })
      ).status;

    it('follows TCCC from recent calls, without probing it, and leaves /healthz alone', async () => {
      // Nothing called yet: unknown counts as ready.
      expect(await readyz()).toEqual({ status: 200, body: { status: 'ready', tccc: 'unknown' } });
      expect(await sdkUrl()).toBe(200);
      expect((await readyz()).body.tccc).toBe('reachable');

      // TCCC stops answering: every connection is dropped.
      const fault = mock.mock.addFault({
        target: 'CreateSDKLoginToken',
        kind: 'drop',
        times: 1_000,
      });
      for (let i = 0; i < 3; i++) expect(await sdkUrl()).toBe(502);
      const notReady = await readyz();
      expect(notReady.status).toBe(503);
      expect(notReady.body).toMatchObject({ code: 'not_ready', tccc: 'unreachable' });
      expect(String(notReady.body.detail)).toContain('TCCC did not answer the last 3 calls');
      expect((await fetch(`${main.url}/healthz`)).status).toBe(200);

      // Probing readiness costs TCCC nothing.
      const remaining = () => mock.mock.faults().find((rule) => rule.id === fault.id)?.remaining;
      const before = remaining();
      for (let i = 0; i < 50; i++) await readyz();
      expect(remaining()).toBe(before);

      // TCCC is back: the next call that succeeds makes the server ready again.
      mock.mock.clearFaults();
      expect(await sdkUrl()).toBe(200);
      expect(await readyz()).toEqual({ status: 200, body: { status: 'ready', tccc: 'reachable' } });
    }, 60_000);
  });
});
