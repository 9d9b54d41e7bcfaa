import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

const CLOUD = {
  TCCC_SECRET_ID: 'AKIDrealrealrealrealrealrealrealreal',
  TCCC_SECRET_KEY: 'topsecretkeytopsecretkey12345678',
  TCCC_SDK_APP_ID: '1400123456',
  SESSION_SECRET: 'x'.repeat(48),
  PUBLIC_ORIGIN: 'https://agents.example.com',
};

function issuesOf(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('runs on the embedded mock with demo accounts when nothing is set', () => {
    const config = loadConfig({});
    expect(config.port).toBe(8787);
    expect(config.host).toBe('127.0.0.1');
    expect(config.tccc).toEqual({ mode: 'embedded-mock', mockHost: '127.0.0.1', mockPort: 0 });
    expect(config.demoAccounts).toEqual(['agent@example.com', 'agent2@example.com']);
    expect(config.demoPassword).toBe('demo');
    expect(config.sessionSecret).toBeUndefined();
    expect(config.logLevel).toBe('info');
    expect(config.sdkUrlRateLimitPerMinute).toBe(10);
  });

  it('switches to the cloud with credentials and keeps demo sign-in off by default', () => {
    const config = loadConfig({
      ...CLOUD,
      TCCC_REGION: 'ap-singapore',
      TCCC_ENDPOINT: 'https://ccc.intl.tencentcloudapi.com',
    });
    expect(config.tccc).toEqual({
      mode: 'cloud',
      secretId: CLOUD.TCCC_SECRET_ID,
      secretKey: CLOUD.TCCC_SECRET_KEY,
      sdkAppId: 1400123456,
      endpoint: 'https://ccc.intl.tencentcloudapi.com',
      region: 'ap-singapore',
    });
    expect(config.demoAccounts).toEqual([]);
    expect(config.demoPassword).toBeUndefined();
  });

  it('names every bad variable in one error', () => {
    const error = issuesOf({ PORT: 'eighty', LOG_LEVEL: 'loud', SESSION_TTL_SECONDS: '5' });
    expect(error.issues.map((issue) => issue.variable)).toEqual([
      'PORT',
      'LOG_LEVEL',
      'SESSION_TTL_SECONDS',
    ]);
    expect(error.message).toContain('PORT: must be a whole number from 0 to 65535, got "eighty"');
    expect(error.message).toContain('LOG_LEVEL: must be one of debug, info, warn, error, silent');
  });

  it('requires the key, the app id, a session secret and the public origin with a real TCCC, without echoing secrets', () => {
    const error = issuesOf({ TCCC_SECRET_ID: CLOUD.TCCC_SECRET_ID });
    expect(error.issues.map((issue) => issue.variable)).toEqual([
      'TCCC_SECRET_KEY',
      'TCCC_SDK_APP_ID',
      'SESSION_SECRET',
      'PUBLIC_ORIGIN',
    ]);
    expect(error.message).not.toContain(CLOUD.TCCC_SECRET_ID);

    const short = issuesOf({ ...CLOUD, SESSION_SECRET: 'short-secret-value' });
    expect(short.issues).toEqual([
      { variable: 'SESSION_SECRET', problem: expect.stringContaining('at least 32 characters') },
    ]);
    expect(short.message).not.toContain('short-secret-value');
  });

  it('refuses cloud-only variables when TCCC_SECRET_ID is missing, instead of silently using the mock', () => {
    const error = issuesOf({
      TCCC_SECRET_KEY: 'topsecretkeytopsecretkey12345678',
      TCCC_SDK_APP_ID: '1400000001',
    });
    expect(error.issues.map((issue) => issue.variable)).toEqual([
      'TCCC_SECRET_KEY',
      'TCCC_SDK_APP_ID',
    ]);
    expect(error.message).toContain('TCCC_SECRET_KEY: is set but TCCC_SECRET_ID is not');
    expect(error.message).not.toContain('topsecretkeytopsecretkey12345678');
  });

  it('rejects a malformed app id, endpoint and region', () => {
    const error = issuesOf({
      ...CLOUD,
      TCCC_SDK_APP_ID: '14000abc',
      TCCC_ENDPOINT: 'ccc.tencentcloudapi.com/api',
      TCCC_REGION: 'Guangzhou',
    });
    expect(error.issues.map((issue) => issue.variable)).toEqual([
      'TCCC_SDK_APP_ID',
      'TCCC_ENDPOINT',
      'TCCC_REGION',
    ]);
  });

  it('turns demo accounts on against a real TCCC only with an explicit, strong password', () => {
    expect(issuesOf({ ...CLOUD, DEMO_ACCOUNTS: 'a@example.com' }).issues).toEqual([
      { variable: 'DEMO_PASSWORD', problem: expect.stringContaining('is required') },
    ]);
    const weak = issuesOf({ ...CLOUD, DEMO_ACCOUNTS: 'a@example.com', DEMO_PASSWORD: 'demo' });
    expect(weak.issues[0]?.problem).toContain('must not be the mock\'s "demo"');

    const config = loadConfig({
      ...CLOUD,
      DEMO_ACCOUNTS: ' A@Example.com, b@example.com ',
      DEMO_PASSWORD: 'a long passphrase',
    });
    expect(config.demoAccounts).toEqual(['a@example.com', 'b@example.com']);
    expect(config.demoPassword).toBe('a long passphrase');
  });

  it('rejects a DEMO_ACCOUNTS entry that is not an email', () => {
    const error = issuesOf({ DEMO_ACCOUNTS: 'agent@example.com,bob' });
    expect(error.message).toContain(
      'DEMO_ACCOUNTS: must be a comma-separated list of emails; not an email: bob',
    );
  });

  it('parses CSP_SDK_ORIGINS and names the entries it cannot use', () => {
    const config = loadConfig({
      CSP_SDK_ORIGINS:
        'https://sdk.example.com, wss://*.rtc.example.com https://cdn.example.com:8443/',
    });
    expect(config.cspSdkSources).toEqual([
      'https://sdk.example.com',
      'wss://*.rtc.example.com',
      'https://cdn.example.com:8443',
    ]);
    const error = issuesOf({ CSP_SDK_ORIGINS: "https://ok.example.com 'unsafe-inline' https:" });
    expect(error.message).toContain(`not valid: "'unsafe-inline'", "https:"`);
  });

  it('accepts PUBLIC_ORIGIN as an origin only', () => {
    expect(loadConfig({ PUBLIC_ORIGIN: 'https://agents.example.com/' }).publicOrigin).toBe(
      'https://agents.example.com',
    );
    expect(
      issuesOf({ PUBLIC_ORIGIN: 'https://agents.example.com/console' }).issues[0]?.variable,
    ).toBe('PUBLIC_ORIGIN');
  });

  it('requires PUBLIC_ORIGIN with a real TCCC, naming the variable at start-up', () => {
    const { PUBLIC_ORIGIN: _, ...withoutOrigin } = CLOUD;
    const error = issuesOf(withoutOrigin);
    expect(error.issues.map((issue) => issue.variable)).toEqual(['PUBLIC_ORIGIN']);
    expect(error.message).toContain('PUBLIC_ORIGIN: is required with a real TCCC');
    expect(loadConfig({}).publicOrigin).toBeUndefined(); // the mock: loopback only
  });

  it('reads TRUSTED_PROXIES, trusting nobody by default', () => {
    expect(loadConfig({}).trustedProxies.trusts('127.0.0.1')).toBe(false);
    const config = loadConfig({ TRUSTED_PROXIES: '10.0.0.0/8, loopback' });
    expect(['10.1.2.3', '127.0.0.1', '192.0.2.1'].map(config.trustedProxies.trusts)).toEqual([
      true,
      true,
      false,
    ]);
    const error = issuesOf({ TRUSTED_PROXIES: '10.0.0.0/8 *' });
    expect(error.issues[0]?.variable).toBe('TRUSTED_PROXIES');
    expect(error.issues[0]?.problem).toContain('"*"');
  });

  it('reads SHUTDOWN_DELAY_MS, which must leave time to drain within SHUTDOWN_TIMEOUT_MS', () => {
    expect(loadConfig({}).shutdownDelayMs).toBe(0);
    expect(loadConfig({ SHUTDOWN_DELAY_MS: '5000' }).shutdownDelayMs).toBe(5_000);
    const error = issuesOf({ SHUTDOWN_DELAY_MS: '10000', SHUTDOWN_TIMEOUT_MS: '10000' });
    expect(error.issues[0]).toEqual({
      variable: 'SHUTDOWN_DELAY_MS',
      problem: expect.stringContaining('must be less than SHUTDOWN_TIMEOUT_MS (10000)'),
    });
  });

  it('keeps the embedded mock settings out of cloud mode', () => {
    expect(issuesOf({ ...CLOUD, TCCC_MOCK_PORT: '4000' }).issues[0]?.variable).toBe(
      'TCCC_MOCK_PORT',
    );
    expect(loadConfig({ TCCC_MOCK_PORT: '4000' }).tccc).toEqual({
      mode: 'embedded-mock',
      mockHost: '127.0.0.1',
      mockPort: 4000,
    });
  });
});
