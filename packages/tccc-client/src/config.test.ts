import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { DEFAULTS, resolveConfig, type TcccClientConfig } from './config.js';
import { TcccConfigError } from './errors.js';
import { createLocalRateLimiter } from './rate-limiter.js';

const SECRET_ID = 'AKIDconfigtest00000000000000000000000';
const SECRET_KEY = 'configtestsecretkey0000000000000';
const valid: TcccClientConfig = {
  sdkAppId: 1400000000,
  secretId: SECRET_ID,
  secretKey: SECRET_KEY,
};

function configError(config: unknown): TcccConfigError {
  try {
    resolveConfig(config as TcccClientConfig);
  } catch (error) {
    expect(error).toBeInstanceOf(TcccConfigError);
    return error as TcccConfigError;
  }
  throw new Error('expected resolveConfig to throw');
}

describe('resolveConfig', () => {
  it('applies the documented defaults to a minimal config', () => {
    const resolved = resolveConfig(valid);
    expect(resolved).toMatchObject({
      protocol: 'https://',
      host: 'ccc.tencentcloudapi.com',
      region: undefined,
      timeoutMs: DEFAULTS.timeoutMs,
      retries: 2,
      requestsPerSecond: 20,
      queueTimeoutMs: 15_000,
    });
  });

  it('maps an http endpoint with a port to the SDK protocol and host:port', () => {
    const resolved = resolveConfig({
      ...valid,
      endpoint: 'http://127.0.0.1:4000',
      region: 'ap-guangzhou',
    });
    expect(resolved.protocol).toBe('http://');
    expect(resolved.host).toBe('127.0.0.1:4000');
    expect(resolved.region).toBe('ap-guangzhou');
    expect(
      resolveConfig({ ...valid, endpoint: 'https://ccc.ap-singapore.tencentcloudapi.com/' }).host,
    ).toBe('ccc.ap-singapore.tencentcloudapi.com');
  });

  it('throws one error that names every bad field', () => {
    const error = configError({
      sdkAppId: '1400000000',
      secretId: '',
      secretKey: 42,
      endpoint: 'ccc.tencentcloudapi.com',
      timeoutMs: 0,
      retries: 1.5,
      region: 'Guangzhou',
    });
    expect(error.name).toBe('TcccConfigError');
    expect(error.issues.map((issue) => issue.field).sort()).toEqual(
      ['endpoint', 'region', 'retries', 'sdkAppId', 'secretId', 'secretKey', 'timeoutMs'].sort(),
    );
    expect(error.message).toMatch(
      /sdkAppId: must be a positive integer .*convert it with Number\(\)/,
    );
    expect(error.message).toMatch(/endpoint: must be a full URL/);
  });

  it('points out a wrongly cased key such as SecretId', () => {
    const error = configError({ sdkAppId: 1400000000, SecretId: SECRET_ID, secretKey: SECRET_KEY });
    expect(error.message).toMatch(/SecretId: unknown option; did you mean `secretId`\?/);
    expect(error.message).toMatch(/secretId: is required/);
  });

  it('rejects secrets with surrounding whitespace without echoing them', () => {
    const error = configError({
      sdkAppId: 1400000000,
      secretId: ` ${SECRET_ID}`,
      secretKey: `${SECRET_KEY}\n`,
    });
    expect(error.issues.map((issue) => issue.field)).toEqual(['secretId', 'secretKey']);
    expect(error.message).toMatch(/leading or trailing whitespace/);
    for (const text of [
      error.message,
      JSON.stringify(error),
      inspect(error, { depth: 5 }),
      String(error.stack),
    ]) {
      expect(text).not.toContain(SECRET_KEY);
      expect(text).not.toContain(SECRET_ID);
    }
  });

  it('never echoes the value of an unknown option', () => {
    const error = configError({ ...valid, SecretKey: SECRET_KEY.toUpperCase() });
    expect(error.message).toMatch(/did you mean `secretKey`/);
    expect(error.message).not.toContain(SECRET_KEY.toUpperCase());
  });

  it.each([
    ['ftp://ccc.tencentcloudapi.com', /must use https: or http:/],
    ['https://user:pass@ccc.tencentcloudapi.com', /user name or password/],
    ['https://ccc.tencentcloudapi.com/v3', /without path, query or fragment/],
    ['https://ccc.tencentcloudapi.com/?x=1', /without path, query or fragment/],
  ])('rejects the endpoint %s', (endpoint, problem) => {
    expect(configError({ ...valid, endpoint }).message).toMatch(problem);
  });

  it('refuses a limiter combined with requestsPerSecond', () => {
    const limiter = createLocalRateLimiter();
    expect(resolveConfig({ ...valid, limiter }).limiter).toBe(limiter);
    expect(configError({ ...valid, limiter, requestsPerSecond: 5 }).message).toMatch(
      /requestsPerSecond: cannot be combined with `limiter`/,
    );
    expect(configError({ ...valid, limiter: {} }).message).toMatch(
      /limiter: must be an object with an acquire/,
    );
  });

  it('rejects a config that is not an object', () => {
    expect(configError(undefined).message).toMatch(/must be an object/);
  });
});
