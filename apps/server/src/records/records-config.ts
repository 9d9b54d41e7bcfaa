/**
 * The call-record part of the server's configuration: where records are stored, how Data
 * Push authenticates, and the reconciliation schedule. `loadConfig` (src/config.ts, the one
 * module that reads the environment) hands this parser its variable readers; it reads
 * nothing itself. Messages never echo a secret or a DATABASE_URL password.
 */
import { resolve } from 'node:path';
import type { PushAuthConfig } from '../push/auth.js';
import type { StoreTarget } from './open-store.js';

export interface RecordsConfig {
  /** PostgreSQL with DATABASE_URL, else SQLite under DATA_DIR. */
  store: StoreTarget;
  pushAuth: PushAuthConfig;
  /** Pushes and token requests one source address may send per minute. */
  pushRateLimitPerMinute: number;
  reconcile: {
    enabled: boolean;
    /** Seconds between runs. */
    intervalSeconds: number;
    /** Each run covers the last `windowSeconds` (more after downtime, to catch up). */
    windowSeconds: number;
  };
}

export interface EnvReaders {
  /** The trimmed value, `undefined` when unset or empty. */
  read(name: string): string | undefined;
  /** The value exactly as set (secrets are not trimmed). */
  raw(name: string): string | undefined;
  fail(variable: string, problem: string): void;
  integer(name: string, fallback: number, min: number, max: number): number;
}

export const MIN_PUSH_SECRET_LENGTH = 16;
const MAX_WINDOW_SECONDS = 89 * 24 * 3600;

function readSecret(env: EnvReaders, name: string, pair: string): string | undefined {
  const value = env.raw(name);
  if (value === undefined || value === '') {
    env.fail(name, `is required when ${pair} is set`);
    return undefined;
  }
  if (value.trim() !== value) {
    env.fail(name, 'has leading or trailing whitespace (a newline from a secret file?); remove it');
  } else if (value.length < MIN_PUSH_SECRET_LENGTH) {
    env.fail(
      name,
      `must be at least ${MIN_PUSH_SECRET_LENGTH} characters (try: openssl rand -base64 24)`,
    );
  }
  return value;
}

function readName(env: EnvReaders, name: string, pair: string): string | undefined {
  const value = env.read(name);
  if (value === undefined) {
    env.fail(name, `is required when ${pair} is set`);
    return undefined;
  }
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
  if (value.length > 128 || /[:\u0000-\u001f\u007f]/.test(value)) {
    env.fail(name, 'must be 1 to 128 characters without ":" or control characters');
  }
  return value;
}

function readPushAuth(env: EnvReaders): PushAuthConfig {
  const mode = env.read('TCCC_PUSH_AUTH')?.toLowerCase();
  const hasBasic = ['TCCC_PUSH_BASIC_USER', 'TCCC_PUSH_BASIC_PASSWORD'].some((n) => env.raw(n));
  const hasOauth = ['TCCC_PUSH_OAUTH_CLIENT_ID', 'TCCC_PUSH_OAUTH_CLIENT_SECRET'].some((n) =>
    env.raw(n),
  );
  if (mode !== undefined && !['none', 'basic', 'oauth'].includes(mode)) {
    env.fail('TCCC_PUSH_AUTH', `must be none, basic or oauth, got ${JSON.stringify(mode)}`);
  }
  if (mode === 'none') {
    if (hasBasic || hasOauth) {
      env.fail(
        'TCCC_PUSH_AUTH',
        'is none but push credentials are set too: unset TCCC_PUSH_AUTH to require them, or unset them',
      );
    }
    return { none: true };
  }
  if (mode === 'basic' && !hasBasic) {
    env.fail('TCCC_PUSH_AUTH', 'is basic: set TCCC_PUSH_BASIC_USER and TCCC_PUSH_BASIC_PASSWORD');
  }
  if (mode === 'oauth' && !hasOauth) {
    env.fail(
      'TCCC_PUSH_AUTH',
      'is oauth: set TCCC_PUSH_OAUTH_CLIENT_ID and TCCC_PUSH_OAUTH_CLIENT_SECRET',
    );
  }
  const config: PushAuthConfig = {};
  if (hasBasic) {
    const user = readName(env, 'TCCC_PUSH_BASIC_USER', 'TCCC_PUSH_BASIC_PASSWORD');
    const password = readSecret(env, 'TCCC_PUSH_BASIC_PASSWORD', 'TCCC_PUSH_BASIC_USER');
    if (user !== undefined && password !== undefined) config.basic = { user, password };
  }
  const tokenTtlSeconds = env.integer('TCCC_PUSH_TOKEN_TTL_SECONDS', 3600, 60, 86_400);
  if (hasOauth) {
    const clientId = readName(env, 'TCCC_PUSH_OAUTH_CLIENT_ID', 'TCCC_PUSH_OAUTH_CLIENT_SECRET');
    const clientSecret = readSecret(
      env,
      'TCCC_PUSH_OAUTH_CLIENT_SECRET',
      'TCCC_PUSH_OAUTH_CLIENT_ID',
    );
    if (clientId !== undefined && clientSecret !== undefined) {
      config.oauth = { clientId, clientSecret, tokenTtlSeconds };
    }
  }
  return config;
}

export function readStoreTarget(env: EnvReaders): StoreTarget {
  const databaseUrl = env.raw('DATABASE_URL')?.trim();
  if (databaseUrl) {
    const url = URL.canParse(databaseUrl) ? new URL(databaseUrl) : undefined;
    if (!url || !['postgres:', 'postgresql:'].includes(url.protocol) || !url.hostname) {
      env.fail(
        'DATABASE_URL',
        `must be a PostgreSQL URL such as postgres://user:password@host:5432/database${
          url ? ` (got a ${url.protocol} URL)` : ''
        }`,
      );
    }
    if (env.read('DATA_DIR') !== undefined) {
      env.fail('DATA_DIR', 'only applies to the embedded SQLite store; unset it, or DATABASE_URL');
    }
    return { kind: 'postgres', databaseUrl };
  }
  return { kind: 'sqlite', dataDir: resolve(env.read('DATA_DIR') ?? 'data') };
}

function readReconcile(env: EnvReaders): RecordsConfig['reconcile'] {
  const enabledRaw = env.read('RECONCILE_ENABLED')?.toLowerCase() ?? 'true';
  if (!['true', 'false'].includes(enabledRaw)) {
    env.fail('RECONCILE_ENABLED', `must be true or false, got ${JSON.stringify(enabledRaw)}`);
  }
  const intervalSeconds = env.integer('RECONCILE_INTERVAL_SECONDS', 300, 10, 86_400);
  const windowSeconds = env.integer('RECONCILE_WINDOW_SECONDS', 7_200, 60, MAX_WINDOW_SECONDS);
  if (windowSeconds < intervalSeconds) {
    env.fail(
      'RECONCILE_WINDOW_SECONDS',
      `must be at least RECONCILE_INTERVAL_SECONDS (${intervalSeconds}), or calls between runs are never checked`,
    );
  }
  return { enabled: enabledRaw !== 'false', intervalSeconds, windowSeconds };
}

export function readRecordsConfig(env: EnvReaders): RecordsConfig {
  return {
    store: readStoreTarget(env),
    pushAuth: readPushAuth(env),
    pushRateLimitPerMinute: env.integer('TCCC_PUSH_RATE_LIMIT_PER_MINUTE', 6_000, 1, 1_000_000),
    reconcile: readReconcile(env),
  };
}
