import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config.js';
import { describeRedisUrl } from './redis-config.js';

const issuesOf = (env: Record<string, string>) => {
  try {
    loadConfig(env);
    return [];
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return error.issues.map((issue) => `${issue.variable}: ${issue.problem}`);
  }
};

describe('REDIS_URL and friends', () => {
  it('keep everything in this process without REDIS_URL', () => {
    expect(loadConfig({}).redis).toBeUndefined();
  });

  it('read the URL, a key prefix and the instance count, with defaults', () => {
    expect(loadConfig({ REDIS_URL: 'redis://127.0.0.1:6379' }).redis).toEqual({
      url: 'redis://127.0.0.1:6379',
      keyPrefix: 'tccc-kit:',
      instances: 3,
    });
    expect(
      loadConfig({
        REDIS_URL: 'rediss://:s3cret@cache.example.com:6380/2',
        REDIS_KEY_PREFIX: 'agents-eu:',
        SERVER_INSTANCES: '8',
      }).redis,
    ).toEqual({
      url: 'rediss://:s3cret@cache.example.com:6380/2',
      keyPrefix: 'agents-eu:',
      instances: 8,
    });
  });

  it('refuse what cannot work, naming the variable and never echoing the URL', () => {
    const issues = issuesOf({
      REDIS_URL: 'http://:hunter2@cache:6379',
      REDIS_KEY_PREFIX: 'has space',
      SERVER_INSTANCES: '0',
    });
    expect(issues).toHaveLength(3);
    expect(issues[0]).toMatch(/^REDIS_URL: must be a URL such as redis:\/\//);
    expect(issues[1]).toMatch(/^REDIS_KEY_PREFIX: must be 1 to 64/);
    expect(issues[2]).toMatch(/^SERVER_INSTANCES: must be a whole number from 1 to 1000/);
    expect(issues.join('\n')).not.toContain('hunter2');
    expect(issuesOf({ REDIS_URL: 'redis://cache:6379/sessions' })[0]).toMatch(/use a number/);
  });

  it('refuse Redis settings without REDIS_URL rather than ignore them', () => {
    expect(issuesOf({ SERVER_INSTANCES: '3' })).toEqual([
      'SERVER_INSTANCES: only applies with REDIS_URL; set REDIS_URL too, or unset it',
    ]);
  });

  it('describe a URL by host, port and database, never its password', () => {
    expect(describeRedisUrl('redis://user:pw@cache:6380/2')).toBe('redis://cache:6380/2');
    expect(describeRedisUrl('redis://cache')).toBe('redis://cache:6379/0');
    expect(describeRedisUrl('not a url')).toBe('REDIS_URL (not a URL)');
  });
});
