import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { captureLogger } from '../../test/harness.js';
import type { RecordsConfig } from './records-config.js';
import {
  EMBEDDED_PUSH_USER,
  embeddedPushReceiver,
  loopbackOrigin,
  pushAuthFor,
  startCallRecords,
} from './start-records.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function config(change: Partial<RecordsConfig> = {}): RecordsConfig {
  const dir = mkdtempSync(join(tmpdir(), 'tccc-start-records-'));
  dirs.push(dir);
  return {
    store: { kind: 'sqlite', dataDir: dir },
    pushAuth: {},
    pushRateLimitPerMinute: 6000,
    reconcile: { enabled: false, intervalSeconds: 300, windowSeconds: 7200 },
    ...change,
  };
}

const noTccc = {
  describeTelCdr: () => Promise.reject(new Error('this test does not reconcile')),
};

describe('pushAuthFor', () => {
  it('generates Basic credentials for the embedded mock when none are configured', () => {
    const setup = pushAuthFor(config(), { embeddedMock: true });
    expect(setup.generated?.user).toBe(EMBEDDED_PUSH_USER);
    expect(setup.generated?.password).toMatch(/^[\w-]{32}$/);
    expect(setup.config).toEqual({ basic: setup.generated });
    expect(setup.secrets).toEqual([setup.generated?.password]);
    // A new password per start.
    expect(pushAuthFor(config(), { embeddedMock: true }).generated?.password).not.toBe(
      setup.generated?.password,
    );
  });

  it('keeps configured credentials, and generates none with a real TCCC', () => {
    const basic = { user: 'tccc', password: 'configured-password-123' };
    expect(pushAuthFor(config({ pushAuth: { basic } }), { embeddedMock: true })).toEqual({
      config: { basic },
      generated: undefined,
      secrets: [basic.password],
    });
    expect(pushAuthFor(config(), { embeddedMock: false })).toEqual({
      config: {},
      generated: undefined,
      secrets: [],
    });
  });

  it("lists the OAuth secret and the DATABASE_URL's password as secrets for the redactor", () => {
    const url = 'postgres://app:p%40ss-word-42@db.internal:5432/calls';
    const setup = pushAuthFor(
      config({
        store: { kind: 'postgres', databaseUrl: url },
        pushAuth: {
          oauth: { clientId: 'c', clientSecret: 'oauth-secret-0123456', tokenTtlSeconds: 60 },
        },
      }),
      { embeddedMock: false },
    );
    expect(setup.secrets).toEqual(['oauth-secret-0123456', 'p@ss-word-42', url]);
  });
});

describe("the embedded mock's Data Push target", () => {
  it.each([
    ['127.0.0.1', 'http://127.0.0.1:8787'],
    ['0.0.0.0', 'http://127.0.0.1:8787'],
    ['::', 'http://[::1]:8787'],
    ['::1', 'http://[::1]:8787'],
    ['[::1]', 'http://[::1]:8787'],
    ['localhost', 'http://localhost:8787'],
    ['10.0.0.5', 'http://10.0.0.5:8787'],
  ])('reaches a server listening on %s at %s', (host, origin) => {
    expect(loopbackOrigin(host, 8787)).toBe(origin);
  });

  it('pushes with the generated Basic credentials, to /tccc/push', () => {
    const setup = pushAuthFor(config(), { embeddedMock: true });
    expect(embeddedPushReceiver(setup, 'http://127.0.0.1:8787')).toEqual({
      url: 'http://127.0.0.1:8787/tccc/push',
      auth: {
        type: 'basic',
        username: EMBEDDED_PUSH_USER,
        password: setup.generated?.password,
      },
    });
  });

  it("uses configured credentials: OAuth through this server's token endpoint, or none", () => {
    const oauth = { clientId: 'tccc', clientSecret: 'oauth-secret-0123456', tokenTtlSeconds: 60 };
    const withOauth = pushAuthFor(config({ pushAuth: { oauth } }), { embeddedMock: true });
    expect(embeddedPushReceiver(withOauth, 'http://127.0.0.1:1')).toEqual({
      url: 'http://127.0.0.1:1/tccc/push',
      auth: {
        type: 'oauth',
        tokenUrl: 'http://127.0.0.1:1/tccc/push/token',
        clientId: 'tccc',
        clientSecret: 'oauth-secret-0123456',
      },
    });
    const open = pushAuthFor(config({ pushAuth: { none: true } }), { embeddedMock: true });
    expect(embeddedPushReceiver(open, 'http://127.0.0.1:1')?.auth).toEqual({ type: 'none' });
    const refused = pushAuthFor(config(), { embeddedMock: false });
    expect(embeddedPushReceiver(refused, 'http://127.0.0.1:1')).toBeUndefined();
  });
});

describe('startCallRecords', () => {
  it('opens the store, says where records go and how pushes authenticate, and closes', async () => {
    const lines: string[] = [];
    const records = await startCallRecords({
      config: config(),
      pushAuth: pushAuthFor(config(), { embeddedMock: false }),
      tccc: noTccc,
      sdkAppId: 1400000000,
      logger: captureLogger(lines),
    });
    expect(records.schedule).toBeUndefined();
    expect(records.deps.pushAuth.description).toBe('not configured');
    expect(lines.join('\n')).toMatch(
      /Data Push is refused until TCCC_PUSH_BASIC_\* or TCCC_PUSH_OAUTH_\* is set/,
    );
    await records.close();
  });

  it('starts the reconciliation schedule unless it is off', async () => {
    const on = config({ reconcile: { enabled: true, intervalSeconds: 300, windowSeconds: 7200 } });
    const records = await startCallRecords({
      config: on,
      pushAuth: pushAuthFor(on, { embeddedMock: true }),
      tccc: noTccc,
      sdkAppId: 1400000000,
      logger: captureLogger([]),
    });
    expect(records.schedule).toBeDefined();
    expect(records.deps.pushAuth.description).toBe('basic');
    await records.close();
  });
});
