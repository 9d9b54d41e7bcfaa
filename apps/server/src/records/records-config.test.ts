/**
 * The call-record variables, read through the server's one config entry (loadConfig) and
 * the reconcile command's (loadReconcileCommandConfig).
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, loadReconcileCommandConfig } from '../config.js';

const PASSWORD = 'push-password-0123456789';

function problems(load: () => unknown): string {
  try {
    load();
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('call-record configuration', () => {
  it('defaults to SQLite under ./data, pushes refused, reconciliation every 5 minutes over 2 hours', () => {
    expect(loadConfig({}).records).toEqual({
      store: { kind: 'sqlite', dataDir: resolve('data') },
      pushAuth: {},
      pushRateLimitPerMinute: 6_000,
      reconcile: { enabled: true, intervalSeconds: 300, windowSeconds: 7_200 },
    });
  });

  it('uses PostgreSQL with DATABASE_URL and SQLite under DATA_DIR without', () => {
    const url = 'postgres://app:pw@db.internal:5432/calls';
    expect(loadConfig({ DATABASE_URL: url }).records.store).toEqual({
      kind: 'postgres',
      databaseUrl: url,
    });
    expect(loadConfig({ DATA_DIR: '/var/lib/tccc' }).records.store).toEqual({
      kind: 'sqlite',
      dataDir: '/var/lib/tccc',
    });
  });

  it('refuses a DATABASE_URL that is not PostgreSQL without echoing its password', () => {
    const message = problems(() =>
      loadConfig({ DATABASE_URL: 'mysql://root:hunter2hunter2@db/x' }),
    );
    expect(message).toMatch(/DATABASE_URL: must be a PostgreSQL URL .*\(got a mysql: URL\)/);
    expect(message).not.toContain('hunter2');
    expect(problems(() => loadConfig({ DATABASE_URL: 'postgres://h/d', DATA_DIR: 'x' }))).toMatch(
      /DATA_DIR: only applies to the embedded SQLite store/,
    );
  });

  it('reads Basic and OAuth push credentials, secrets untrimmed', () => {
    const { pushAuth } = loadConfig({
      TCCC_PUSH_BASIC_USER: 'tccc',
      TCCC_PUSH_BASIC_PASSWORD: PASSWORD,
      TCCC_PUSH_OAUTH_CLIENT_ID: 'tccc-client',
      TCCC_PUSH_OAUTH_CLIENT_SECRET: `${PASSWORD}x`,
      TCCC_PUSH_TOKEN_TTL_SECONDS: '600',
    }).records;
    expect(pushAuth).toEqual({
      basic: { user: 'tccc', password: PASSWORD },
      oauth: { clientId: 'tccc-client', clientSecret: `${PASSWORD}x`, tokenTtlSeconds: 600 },
    });
    expect(loadConfig({ TCCC_PUSH_AUTH: 'none' }).records.pushAuth).toEqual({ none: true });
  });

  it.each([
    [
      { TCCC_PUSH_BASIC_USER: 'tccc' },
      /TCCC_PUSH_BASIC_PASSWORD: is required when TCCC_PUSH_BASIC_USER is set/,
    ],
    [{ TCCC_PUSH_BASIC_USER: 'tccc', TCCC_PUSH_BASIC_PASSWORD: 'short' }, /at least 16 characters/],
    [
      { TCCC_PUSH_BASIC_USER: 'tccc', TCCC_PUSH_BASIC_PASSWORD: `${PASSWORD}\n` },
      /leading or trailing whitespace/,
    ],
    [
      { TCCC_PUSH_BASIC_USER: 'a:b', TCCC_PUSH_BASIC_PASSWORD: PASSWORD },
      /TCCC_PUSH_BASIC_USER: must be 1 to 128 characters without ":"/,
    ],
    [{ TCCC_PUSH_OAUTH_CLIENT_SECRET: PASSWORD }, /TCCC_PUSH_OAUTH_CLIENT_ID: is required/],
    [
      { TCCC_PUSH_AUTH: 'none', TCCC_PUSH_BASIC_USER: 'u', TCCC_PUSH_BASIC_PASSWORD: PASSWORD },
      /TCCC_PUSH_AUTH: is none but push credentials are set too/,
    ],
    [{ TCCC_PUSH_AUTH: 'oauth' }, /TCCC_PUSH_AUTH: is oauth: set TCCC_PUSH_OAUTH_CLIENT_ID/],
    [{ TCCC_PUSH_AUTH: 'token' }, /TCCC_PUSH_AUTH: must be none, basic or oauth/],
    [{ RECONCILE_ENABLED: 'maybe' }, /RECONCILE_ENABLED: must be true or false/],
    [
      { RECONCILE_INTERVAL_SECONDS: '600', RECONCILE_WINDOW_SECONDS: '300' },
      /RECONCILE_WINDOW_SECONDS: must be at least RECONCILE_INTERVAL_SECONDS \(600\)/,
    ],
    [
      { RECONCILE_WINDOW_SECONDS: String(90 * 86_400) },
      /RECONCILE_WINDOW_SECONDS: must be a whole number from 60 to 7689600/,
    ],
  ])('refuses %o, naming the variable', (env, message) => {
    const text = problems(() => loadConfig(env));
    expect(text).toMatch(message);
    expect(text).not.toContain(PASSWORD);
  });

  it('can turn reconciliation off', () => {
    expect(loadConfig({ RECONCILE_ENABLED: 'false' }).records.reconcile.enabled).toBe(false);
  });
});

describe('loadReconcileCommandConfig', () => {
  const cloud = {
    TCCC_SECRET_ID: 'AKIDrealrealrealrealrealrealrealreal',
    TCCC_SECRET_KEY: 'topsecretkeytopsecretkey12345678',
    TCCC_SDK_APP_ID: '1400123456',
  };

  it('needs TCCC credentials and the store, nothing of the web server', () => {
    const config = loadReconcileCommandConfig({ ...cloud, DATA_DIR: '/tmp/x' });
    expect(config).toMatchObject({
      tccc: { mode: 'cloud', sdkAppId: 1400123456 },
      tcccTimeoutMs: 5000,
      store: { kind: 'sqlite', dataDir: '/tmp/x' },
      logLevel: 'warn',
    });
  });

  it('refuses to run without TCCC credentials, explaining why', () => {
    expect(problems(() => loadReconcileCommandConfig({}))).toMatch(
      /TCCC_SECRET_ID: is required: reconciliation reads DescribeTelCdr/,
    );
  });
});
