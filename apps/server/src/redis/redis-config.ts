/**
 * The shared-state part of the server's configuration: with `REDIS_URL`, the limits and
 * session revocations every instance must agree on live in Redis (redis/start-shared.ts);
 * without it, in this process. `loadConfig` (src/config.ts, the one module that reads the
 * environment) hands this parser its variable readers; it reads nothing itself. Messages
 * never echo the URL (it can hold a password).
 */
import type { EnvReaders } from '../records/records-config.js';

export interface RedisConfig {
  /** `redis://` or `rediss://` (TLS), with optional user, password and database number. */
  url: string;
  /** Prepended to every key this server writes, so several apps can share one Redis. */
  keyPrefix: string;
  /**
   * The most server instances that share the limits. While Redis is unreachable each
   * instance keeps `1 / instances` of every shared limit, so together they stay under it.
   */
  instances: number;
}

export const DEFAULT_REDIS_KEY_PREFIX = 'tccc-kit:';
/** Instances assumed when SERVER_INSTANCES is unset: a conservative share for small fleets. */
export const DEFAULT_SERVER_INSTANCES = 3;

/** Where a Redis URL points, for logs and messages: host, port and database, never a password. */
export function describeRedisUrl(url: string): string {
  try {
    const parsed = new URL(url);
    const database = parsed.pathname.replace(/^\//, '') || '0';
    return `${parsed.protocol}//${parsed.hostname}:${parsed.port || 6379}/${database}`;
  } catch {
    return 'REDIS_URL (not a URL)';
  }
}

/** `undefined` without REDIS_URL: every limit stays in this process. */
export function readRedisConfig(env: EnvReaders): RedisConfig | undefined {
  const url = env.read('REDIS_URL');
  const prefix = env.read('REDIS_KEY_PREFIX');
  const instancesRaw = env.read('SERVER_INSTANCES');
  if (url === undefined) {
    for (const [name, value] of [
      ['REDIS_KEY_PREFIX', prefix],
      ['SERVER_INSTANCES', instancesRaw],
    ] as const) {
      if (value !== undefined) {
        env.fail(name, 'only applies with REDIS_URL; set REDIS_URL too, or unset it');
      }
    }
    return undefined;
  }
  const parsed = URL.canParse(url) ? new URL(url) : undefined;
  if (!parsed || !/^rediss?:$/.test(parsed.protocol) || !parsed.hostname) {
    env.fail(
      'REDIS_URL',
      'must be a URL such as redis://127.0.0.1:6379, redis://:password@host:6379/0 or ' +
        'rediss://host:6380 (TLS)',
    );
  } else if (
    parsed.pathname !== '' &&
    parsed.pathname !== '/' &&
    !/^\/\d{1,2}$/.test(parsed.pathname)
  ) {
    env.fail(
      'REDIS_URL',
      `names database ${JSON.stringify(parsed.pathname.slice(1))}: use a number (0-15)`,
    );
  }
  const keyPrefix = prefix ?? DEFAULT_REDIS_KEY_PREFIX;
  if (!/^[A-Za-z0-9:_.-]{1,64}$/.test(keyPrefix)) {
    env.fail(
      'REDIS_KEY_PREFIX',
      `must be 1 to 64 letters, digits or ":_.-" (such as myapp:), got ${JSON.stringify(keyPrefix)}`,
    );
  }
  return {
    url,
    keyPrefix,
    instances: env.integer('SERVER_INSTANCES', DEFAULT_SERVER_INSTANCES, 1, 1000),
  };
}
