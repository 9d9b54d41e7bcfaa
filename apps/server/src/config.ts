/**
 * The server's configuration, read once from the environment and validated.
 *
 * Nothing else in the server reads `process.env`: main.ts passes it to `loadConfig`, which
 * either returns a typed `Config` or throws one `ConfigError` naming every bad variable.
 * Messages never contain the value of a secret. `.env.example` documents each variable.
 */
import {
  NO_TRUSTED_PROXIES,
  parseTrustedProxies,
  type TrustedProxies,
} from './http/client-address.js';
import { LOG_FORMATS, LOG_LEVELS, type LogFormat, type LogLevel } from './log/logger.js';
import {
  type RecordsConfig,
  readRecordsConfig,
  readStoreTarget,
} from './records/records-config.js';
import { type RedisConfig, readRedisConfig } from './redis/redis-config.js';
import { parseCspSources } from './security/csp.js';

export const MOCK_DEMO_PASSWORD = 'demo';
export const MOCK_DEMO_ACCOUNTS = ['agent@example.com', 'agent2@example.com'] as const;
const MIN_SESSION_SECRET_LENGTH = 32;
const MIN_REAL_DEMO_PASSWORD_LENGTH = 12;

export type TcccConfig =
  | {
      /** No TCCC_SECRET_ID: the server starts the offline mock TCCC in-process. */
      mode: 'embedded-mock';
      mockHost: string;
      mockPort: number;
    }
  | {
      /** TCCC_SECRET_ID set: the server talks to TCCC (real, or a mock you started yourself). */
      mode: 'cloud';
      secretId: string;
      secretKey: string;
      sdkAppId: number;
      endpoint: string | undefined;
      region: string | undefined;
    };

export interface Config {
  port: number;
  host: string;
  tccc: TcccConfig;
  /** Per-request timeout towards TCCC, in ms. */
  tcccTimeoutMs: number;
  /** HMAC key for session cookies; `undefined` in mock mode means "make a random one". */
  sessionSecret: string | undefined;
  sessionTtlSeconds: number;
  /** Demo sign-in accounts (email = SeatUserId); empty disables demo sign-in. */
  demoAccounts: readonly string[];
  demoPassword: string | undefined;
  /** CSP sources the TCCC SDK needs, besides 'self'; `undefined` = mode default. */
  cspSdkSources: readonly string[] | undefined;
  /**
   * The origin browsers use to reach this server; required with a real TCCC. Unset, only
   * loopback origins are accepted (security/same-origin.ts).
   */
  publicOrigin: string | undefined;
  /** Proxies whose X-Forwarded-For names the client (TRUSTED_PROXIES; default none). */
  trustedProxies: TrustedProxies;
  logLevel: LogLevel;
  /** `json` (one object per line, the default) or `pretty` (pino-pretty, for `pnpm dev`). */
  logFormat: LogFormat;
  /** SDK URLs one user may request per minute. */
  sdkUrlRateLimitPerMinute: number;
  /** Where the built web app lives; `undefined` = resolve @tccc-kit/web's dist. */
  webDist: string | undefined;
  /** After SIGTERM, how long to keep serving with /readyz at 503 before draining. */
  shutdownDelayMs: number;
  /** The whole shutdown budget, from the signal to the exit. */
  shutdownTimeoutMs: number;
  /** Call records: store, Data Push auth, reconciliation (records/records-config.ts). */
  records: RecordsConfig;
  /** Limits and revocations shared on Redis (REDIS_URL); `undefined` = in this process. */
  redis: RedisConfig | undefined;
}

export interface ConfigIssue {
  variable: string;
  problem: string;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  readonly issues: readonly ConfigIssue[];

  constructor(issues: readonly ConfigIssue[]) {
    super(
      `Invalid configuration (see apps/server/.env.example):\n${issues
        .map((issue) => `  - ${issue.variable}: ${issue.problem}`)
        .join('\n')}`,
    );
    this.issues = issues;
  }
}

type Env = Readonly<Record<string, string | undefined>>;

/** Readers of `env` that record every problem in `issues`. */
function readersOf(env: Env, issues: ConfigIssue[]) {
  const read = (name: string): string | undefined => {
    const value = env[name]?.trim();
    return value === '' ? undefined : value;
  };
  const fail = (variable: string, problem: string) => {
    issues.push({ variable, problem });
  };
  const integer = (name: string, fallback: number, min: number, max: number): number => {
    const raw = read(name);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!/^\d+$/.test(raw) || value < min || value > max) {
      fail(name, `must be a whole number from ${min} to ${max}, got ${JSON.stringify(raw)}`);
      return fallback;
    }
    return value;
  };
  return { read, raw: (name: string) => env[name], fail, integer };
}

/** Validates `env` (normally `process.env`) into a `Config`, or throws a `ConfigError`. */
export function loadConfig(env: Env): Config {
  const issues: ConfigIssue[] = [];
  const readers = readersOf(env, issues);
  const { read, fail, integer } = readers;

  const port = integer('PORT', 8787, 0, 65535);
  const host = read('HOST') ?? '127.0.0.1';

  const tccc = readTccc(read, fail, integer);

  const sessionSecret = env.SESSION_SECRET;
  if (sessionSecret !== undefined && sessionSecret !== '') {
    if (sessionSecret.length < MIN_SESSION_SECRET_LENGTH) {
      fail(
        'SESSION_SECRET',
        `must be at least ${MIN_SESSION_SECRET_LENGTH} characters (try: openssl rand -base64 48)`,
      );
    }
  } else if (tccc.mode === 'cloud') {
    fail(
      'SESSION_SECRET',
      'is required with a real TCCC (TCCC_SECRET_ID is set), so that sessions survive restarts ' +
        'and every instance signs alike; generate one with: openssl rand -base64 48',
    );
  }

  const { demoAccounts, demoPassword } = readDemoAccounts(env, read, fail, tccc.mode);

  let cspSdkSources: readonly string[] | undefined;
  const cspRaw = read('CSP_SDK_ORIGINS');
  if (cspRaw !== undefined) {
    const parsed = parseCspSources(cspRaw);
    if (parsed.invalid.length > 0) {
      fail(
        'CSP_SDK_ORIGINS',
        `must be origins such as https://sdk.example.com or wss://*.example.com separated by ` +
          `spaces or commas; not valid: ${parsed.invalid.map((s) => JSON.stringify(s)).join(', ')}`,
      );
    }
    cspSdkSources = parsed.sources;
  }

  let publicOrigin: string | undefined;
  const publicRaw = read('PUBLIC_ORIGIN');
  if (publicRaw !== undefined) {
    const url = URL.canParse(publicRaw) ? new URL(publicRaw) : undefined;
    if (!url || !/^https?:$/.test(url.protocol) || url.origin !== publicRaw.replace(/\/$/, '')) {
      fail(
        'PUBLIC_ORIGIN',
        `must be an origin such as https://agents.example.com (scheme, host and port only), got ${JSON.stringify(publicRaw)}`,
      );
    } else {
      publicOrigin = url.origin;
    }
  } else if (tccc.mode === 'cloud') {
    fail(
      'PUBLIC_ORIGIN',
      'is required with a real TCCC (TCCC_SECRET_ID is set): the address agents open in the ' +
        'browser, such as https://agents.example.com. Without it only http://localhost may ' +
        'call the API, which is for development on one machine',
    );
  }

  let trustedProxies = NO_TRUSTED_PROXIES;
  const proxiesRaw = read('TRUSTED_PROXIES');
  if (proxiesRaw !== undefined) {
    const parsed = parseTrustedProxies(proxiesRaw);
    if (parsed.invalid.length > 0) {
      fail(
        'TRUSTED_PROXIES',
        'must be IP addresses, CIDR ranges (10.0.0.0/8, 2001:db8::/32), `loopback` or ' +
          `\`private\`, separated by spaces or commas; not valid: ${parsed.invalid.map((s) => JSON.stringify(s)).join(', ')}`,
      );
    }
    trustedProxies = parsed.proxies;
  }

  const levelRaw = read('LOG_LEVEL')?.toLowerCase() ?? 'info';
  let logLevel: LogLevel = 'info';
  if ((LOG_LEVELS as readonly string[]).includes(levelRaw)) logLevel = levelRaw as LogLevel;
  else
    fail('LOG_LEVEL', `must be one of ${LOG_LEVELS.join(', ')}, got ${JSON.stringify(levelRaw)}`);
  const formatRaw = read('LOG_FORMAT')?.toLowerCase() ?? 'json';
  let logFormat: LogFormat = 'json';
  if ((LOG_FORMATS as readonly string[]).includes(formatRaw)) logFormat = formatRaw as LogFormat;
  else
    fail(
      'LOG_FORMAT',
      `must be one of ${LOG_FORMATS.join(', ')}, got ${JSON.stringify(formatRaw)}`,
    );

  const config: Config = {
    port,
    host,
    tccc,
    tcccTimeoutMs: integer('TCCC_TIMEOUT_MS', 5000, 100, 120_000),
    sessionSecret: sessionSecret || undefined,
    sessionTtlSeconds: integer('SESSION_TTL_SECONDS', 8 * 3600, 60, 30 * 24 * 3600),
    demoAccounts,
    demoPassword,
    cspSdkSources,
    publicOrigin,
    trustedProxies,
    logLevel,
    logFormat,
    sdkUrlRateLimitPerMinute: integer('SDK_URL_RATE_LIMIT_PER_MINUTE', 10, 1, 10_000),
    webDist: read('WEB_DIST'),
    shutdownDelayMs: integer('SHUTDOWN_DELAY_MS', 0, 0, 600_000),
    shutdownTimeoutMs: integer('SHUTDOWN_TIMEOUT_MS', 10_000, 0, 600_000),
    records: readRecordsConfig(readers),
    redis: readRedisConfig(readers),
  };
  if (config.shutdownDelayMs >= config.shutdownTimeoutMs && config.shutdownDelayMs > 0) {
    fail(
      'SHUTDOWN_DELAY_MS',
      `must be less than SHUTDOWN_TIMEOUT_MS (${config.shutdownTimeoutMs}), which counts from the signal and must leave time to drain`,
    );
  }
  if (issues.length > 0) throw new ConfigError(issues);
  return config;
}

/** What the `reconcile` command needs: TCCC credentials, the store, timeouts and logs. */
export interface ReconcileCommandConfig {
  tccc: Extract<TcccConfig, { mode: 'cloud' }>;
  tcccTimeoutMs: number;
  store: RecordsConfig['store'];
  logLevel: LogLevel;
}

/**
 * Validates `env` for the `reconcile` command, which talks to TCCC and the store but serves
 * nothing: no session, sign-in or HTTP settings are needed.
 */
export function loadReconcileCommandConfig(env: Env): ReconcileCommandConfig {
  const issues: ConfigIssue[] = [];
  const readers = readersOf(env, issues);
  const tccc = readTccc(readers.read, readers.fail, readers.integer);
  if (tccc.mode !== 'cloud') {
    readers.fail(
      'TCCC_SECRET_ID',
      'is required: reconciliation reads DescribeTelCdr from a TCCC (the real one, or a mock ' +
        'you started, with TCCC_ENDPOINT); the embedded mock lives inside a running server',
    );
  }
  const levelRaw = readers.read('LOG_LEVEL')?.toLowerCase() ?? 'warn';
  if (!(LOG_LEVELS as readonly string[]).includes(levelRaw)) {
    readers.fail(
      'LOG_LEVEL',
      `must be one of ${LOG_LEVELS.join(', ')}, got ${JSON.stringify(levelRaw)}`,
    );
  }
  const result = {
    tccc: tccc as Extract<TcccConfig, { mode: 'cloud' }>,
    tcccTimeoutMs: readers.integer('TCCC_TIMEOUT_MS', 5000, 100, 120_000),
    store: readStoreTarget(readers),
    logLevel: levelRaw as LogLevel,
  };
  if (issues.length > 0) throw new ConfigError(issues);
  return result;
}

type Read = (name: string) => string | undefined;
type Fail = (variable: string, problem: string) => void;
type Integer = (name: string, fallback: number, min: number, max: number) => number;

function readTccc(read: Read, fail: Fail, integer: Integer): TcccConfig {
  const secretId = read('TCCC_SECRET_ID');
  const cloudOnly = ['TCCC_SECRET_KEY', 'TCCC_SDK_APP_ID', 'TCCC_ENDPOINT', 'TCCC_REGION'];
  if (secretId === undefined) {
    const stray = cloudOnly.filter((name) => read(name) !== undefined);
    for (const name of stray) {
      fail(
        name,
        'is set but TCCC_SECRET_ID is not: set TCCC_SECRET_ID too to use a real TCCC, or unset ' +
          `${name} to run on the embedded mock`,
      );
    }
    return {
      mode: 'embedded-mock',
      mockHost: read('TCCC_MOCK_HOST') ?? '127.0.0.1',
      mockPort: integer('TCCC_MOCK_PORT', 0, 0, 65535),
    };
  }

  if (/\s/.test(secretId))
    fail('TCCC_SECRET_ID', 'contains whitespace; copy it again from the CAM console');
  const secretKey = read('TCCC_SECRET_KEY');
  if (secretKey === undefined) {
    fail(
      'TCCC_SECRET_KEY',
      'is required when TCCC_SECRET_ID is set (the API key secret, CAM console)',
    );
  } else if (/\s/.test(secretKey)) {
    fail('TCCC_SECRET_KEY', 'contains whitespace; copy it again from the CAM console');
  }
  const appIdRaw = read('TCCC_SDK_APP_ID');
  let sdkAppId = 0;
  if (appIdRaw === undefined) {
    fail(
      'TCCC_SDK_APP_ID',
      'is required when TCCC_SECRET_ID is set (the SdkAppId from the TCCC console, e.g. 1400000000)',
    );
  } else if (!/^[1-9]\d{0,15}$/.test(appIdRaw)) {
    fail(
      'TCCC_SDK_APP_ID',
      `must be a positive whole number such as 1400000000, got ${JSON.stringify(appIdRaw)}`,
    );
  } else {
    sdkAppId = Number(appIdRaw);
  }
  const endpoint = read('TCCC_ENDPOINT');
  if (endpoint !== undefined) {
    const url = URL.canParse(endpoint) ? new URL(endpoint) : undefined;
    if (
      !url ||
      !/^https?:$/.test(url.protocol) ||
      url.pathname !== '/' ||
      url.search ||
      url.username
    ) {
      fail(
        'TCCC_ENDPOINT',
        `must be a URL such as https://ccc.tencentcloudapi.com or http://127.0.0.1:4000 (no path), got ${JSON.stringify(endpoint)}`,
      );
    }
  }
  const region = read('TCCC_REGION');
  if (region !== undefined && !/^[a-z]+(-[a-z0-9]+)+$/.test(region)) {
    fail('TCCC_REGION', `must be a region id such as ap-guangzhou, got ${JSON.stringify(region)}`);
  }
  for (const name of ['TCCC_MOCK_HOST', 'TCCC_MOCK_PORT']) {
    if (read(name) !== undefined)
      fail(name, 'only applies to the embedded mock; unset it, or unset TCCC_SECRET_ID');
  }
  return { mode: 'cloud', secretId, secretKey: secretKey ?? '', sdkAppId, endpoint, region };
}

function readDemoAccounts(
  env: Env,
  read: Read,
  fail: Fail,
  mode: TcccConfig['mode'],
): { demoAccounts: readonly string[]; demoPassword: string | undefined } {
  const accountsRaw = read('DEMO_ACCOUNTS');
  // Passwords are taken verbatim: spaces may be part of them.
  const password = env.DEMO_PASSWORD === '' ? undefined : env.DEMO_PASSWORD;
  let accounts: string[] | undefined;
  if (accountsRaw !== undefined) {
    accounts = accountsRaw
      .split(',')
      .map((item) => item.trim().toLowerCase())
      .filter(Boolean);
    const bad = accounts.filter((item) => !/^[^\s@]+@[^\s@]+$/.test(item));
    if (bad.length > 0) {
      fail(
        'DEMO_ACCOUNTS',
        `must be a comma-separated list of emails; not an email: ${bad.join(', ')}`,
      );
    }
  }

  if (mode !== 'cloud') {
    return {
      demoAccounts: accounts ?? [...MOCK_DEMO_ACCOUNTS],
      demoPassword: password ?? MOCK_DEMO_PASSWORD,
    };
  }
  // With a real TCCC a demo account opens a real seat: only on explicit, non-default setup.
  if (accounts === undefined || accounts.length === 0) {
    if (password !== undefined) {
      fail(
        'DEMO_PASSWORD',
        'is set but DEMO_ACCOUNTS is empty: list the accounts, or unset DEMO_PASSWORD',
      );
    }
    return { demoAccounts: [], demoPassword: undefined };
  }
  if (password === undefined) {
    fail('DEMO_PASSWORD', 'is required when DEMO_ACCOUNTS is set with a real TCCC');
  } else if (password === MOCK_DEMO_PASSWORD || password.length < MIN_REAL_DEMO_PASSWORD_LENGTH) {
    fail(
      'DEMO_PASSWORD',
      `must not be the mock's "${MOCK_DEMO_PASSWORD}" and must be at least ` +
        `${MIN_REAL_DEMO_PASSWORD_LENGTH} characters with a real TCCC (anyone could take a seat)`,
    );
  }
  return { demoAccounts: accounts, demoPassword: password };
}
