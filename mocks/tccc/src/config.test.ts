import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, loadConfigFile, MockConfigError, resolveConfig } from './config.js';

describe('resolveConfig', () => {
  it('fills in the documented defaults', () => {
    expect(resolveConfig({})).toEqual({
      accounts: [
        {
          secretId: 'AKIDmocktccc000000000000000000000000',
          secretKey: 'mocktcccsecretkey000000000000000',
        },
      ],
      apps: [{ sdkAppId: 1400000000, seats: ['agent@example.com', 'agent2@example.com'] }],
      sdkOrigin: undefined,
      limits: DEFAULT_LIMITS,
    });
  });

  it('takes accounts, apps, sdkOrigin and limits', () => {
    const config = resolveConfig({
      accounts: [{ secretId: 'AKID1', secretKey: 'k1' }],
      apps: [{ sdkAppId: 1400000042, seats: ['a@x.com'] }],
      sdkOrigin: 'http://127.0.0.1:4000/',
      limits: { requestsPerSecond: 5 },
    });
    expect(config.sdkOrigin).toBe('http://127.0.0.1:4000');
    expect(config.limits).toEqual({ ...DEFAULT_LIMITS, requestsPerSecond: 5 });
    expect(config.apps[0]?.seats).toEqual(['a@x.com']);
  });

  it('names every bad field at once, without echoing secrets', () => {
    let error: MockConfigError | undefined;
    try {
      resolveConfig(
        {
          accounts: [{ secretId: 'AKID/1', secretKey: '' }],
          apps: [{ sdkAppId: '14', seats: ['ok', ' padded', 'ok'] }],
          sdkOrigin: 'ftp://x',
          limits: { requestsPerSecond: 0, burst: 1 },
          extra: true,
        },
        'mock.json',
      );
    } catch (caught) {
      error = caught as MockConfigError;
    }
    expect(error).toBeInstanceOf(MockConfigError);
    expect(error?.problems).toEqual([
      'extra is not a known field (expected one of: accounts, apps, sdkOrigin, limits)',
      'accounts[0].secretId must be a non-empty string of printable characters without "/"',
      'accounts[0].secretKey must be a non-empty string',
      'apps[0].sdkAppId must be a positive integer (got "14")',
      'apps[0].seats[1] must be a non-empty string without surrounding spaces',
      'apps[0].seats[2] repeats "ok"',
      'sdkOrigin must use http: or https:',
      'limits.burst is not a known field (expected one of: requestsPerSecond, tokenTtlSeconds, signatureMaxSkewSeconds, maxBodyBytes)',
      'limits.requestsPerSecond must be an integer >= 1 (got 0)',
    ]);
    expect(error?.message).toContain('Invalid mock TCCC config (mock.json)');
  });

  it('rejects a config that is not an object, and an sdkOrigin with a path', () => {
    expect(() => resolveConfig([])).toThrow(/must be a JSON object/);
    expect(() => resolveConfig({ sdkOrigin: 'http://x/sdk' })).toThrow(/origin only/);
  });
});

describe('loadConfigFile', () => {
  it('reads a JSON file, and names the file in errors', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mock-tccc-'));
    const good = join(dir, 'good.json');
    await writeFile(good, JSON.stringify({ apps: [{ sdkAppId: 1400000001, seats: ['a@x.com'] }] }));
    expect((await loadConfigFile(good)).apps[0]?.sdkAppId).toBe(1400000001);
    const broken = join(dir, 'broken.json');
    await writeFile(broken, '{ nope');
    await expect(loadConfigFile(broken)).rejects.toThrow(/broken\.json[\s\S]*not valid JSON/);
    await expect(loadConfigFile(join(dir, 'missing.json'))).rejects.toThrow(
      /cannot read the file \(ENOENT\)/,
    );
  });
});
