/**
 * Configuration of the mock: accounts (API keys), apps (SdkAppIds) with their seats, the
 * public origin of the SDK host, and limits. The same shape comes from code (options) or a
 * JSON file (`mock-tccc --config file.json`); both are validated here, once, and every
 * bad field is named. Values of secret fields are never echoed.
 */
import { readFile } from 'node:fs/promises';
import { excerpt, quote } from './quote.js';

export interface MockAccount {
  secretId: string;
  secretKey: string;
}

export interface MockApp {
  sdkAppId: number;
  /** SeatUserIds (agent accounts, usually e-mail addresses) that exist in this app. */
  seats: readonly string[];
}

export interface MockLimits {
  /** Cloud API requests per second allowed per SecretId per action (sliding 1 s window). */
  requestsPerSecond: number;
  /** Lifetime of an SDK login token, in seconds ([unconfirmed] 600). */
  tokenTtlSeconds: number;
  /** Allowed |X-TC-Timestamp - now|, in seconds, before AuthFailure.SignatureExpire. */
  signatureMaxSkewSeconds: number;
  /** Largest cloud API request body read, in bytes. */
  maxBodyBytes: number;
}

/** What options or a JSON config file may contain. Every field is optional. */
export interface MockTcccConfig {
  accounts?: readonly MockAccount[];
  apps?: readonly MockApp[];
  /** Public base URL of the mock (scheme://host[:port]); SdkURL is built on it. */
  sdkOrigin?: string;
  limits?: Partial<MockLimits>;
}

export interface ResolvedMockTcccConfig {
  readonly accounts: readonly Readonly<MockAccount>[];
  readonly apps: readonly { readonly sdkAppId: number; readonly seats: readonly string[] }[];
  /** Undefined: SdkURL uses the origin of the incoming request. */
  readonly sdkOrigin: string | undefined;
  readonly limits: Readonly<MockLimits>;
}

export const DEFAULT_SDK_APP_ID = 1400000000;
export const DEFAULT_SECRET_ID = 'AKIDmocktccc000000000000000000000000';
export const DEFAULT_SECRET_KEY = 'mocktcccsecretkey000000000000000';
export const DEFAULT_SEATS = ['agent@example.com', 'agent2@example.com'] as const;

export const DEFAULT_LIMITS: Readonly<MockLimits> = {
  requestsPerSecond: 20,
  tokenTtlSeconds: 600,
  signatureMaxSkewSeconds: 300,
  maxBodyBytes: 1024 * 1024,
};

export class MockConfigError extends Error {
  override readonly name = 'MockConfigError';
  constructor(
    readonly source: string,
    readonly problems: readonly string[],
  ) {
    super(`Invalid mock TCCC config (${source}):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function checkKeys(
  value: Record<string, unknown>,
  allowed: readonly string[],
  at: string,
  problems: string[],
) {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) {
      problems.push(
        `${at}${excerpt(key)} is not a known field (expected one of: ${allowed.join(', ')})`,
      );
    }
  }
}

function readAccounts(value: unknown, problems: string[]): MockAccount[] {
  if (!Array.isArray(value) || value.length === 0) {
    problems.push('accounts must be a non-empty array of { secretId, secretKey }');
    return [];
  }
  const seen = new Set<string>();
  return value.flatMap((entry, i) => {
    const at = `accounts[${i}]`;
    if (!isRecord(entry)) {
      problems.push(`${at} must be an object { secretId, secretKey }`);
      return [];
    }
    checkKeys(entry, ['secretId', 'secretKey'], `${at}.`, problems);
    const { secretId, secretKey } = entry;
    let ok = true;
    if (
      typeof secretId !== 'string' ||
      !/^[\x21-\x7e]+$/.test(secretId) ||
      secretId.includes('/')
    ) {
      problems.push(
        `${at}.secretId must be a non-empty string of printable characters without "/"`,
      );
      ok = false;
    } else if (seen.has(secretId)) {
      problems.push(`${at}.secretId repeats an earlier account`);
      ok = false;
    }
    if (typeof secretKey !== 'string' || secretKey.length === 0) {
      problems.push(`${at}.secretKey must be a non-empty string`);
      ok = false;
    }
    if (!ok) return [];
    seen.add(secretId as string);
    return [{ secretId: secretId as string, secretKey: secretKey as string }];
  });
}

function readApps(value: unknown, problems: string[]): MockApp[] {
  if (!Array.isArray(value) || value.length === 0) {
    problems.push('apps must be a non-empty array of { sdkAppId, seats }');
    return [];
  }
  const seen = new Set<number>();
  return value.flatMap((entry, i) => {
    const at = `apps[${i}]`;
    if (!isRecord(entry)) {
      problems.push(`${at} must be an object { sdkAppId, seats }`);
      return [];
    }
    checkKeys(entry, ['sdkAppId', 'seats'], `${at}.`, problems);
    const { sdkAppId, seats } = entry;
    let ok = true;
    if (typeof sdkAppId !== 'number' || !Number.isSafeInteger(sdkAppId) || sdkAppId <= 0) {
      problems.push(`${at}.sdkAppId must be a positive integer (got ${quote(sdkAppId)})`);
      ok = false;
    } else if (seen.has(sdkAppId)) {
      problems.push(`${at}.sdkAppId ${sdkAppId} repeats an earlier app`);
      ok = false;
    }
    if (!Array.isArray(seats)) {
      problems.push(`${at}.seats must be an array of SeatUserId strings`);
      return [];
    }
    const seatSet = new Set<string>();
    seats.forEach((seat, j) => {
      if (typeof seat !== 'string' || seat.trim() === '' || seat !== seat.trim()) {
        problems.push(`${at}.seats[${j}] must be a non-empty string without surrounding spaces`);
        ok = false;
      } else if (seatSet.has(seat)) {
        problems.push(`${at}.seats[${j}] repeats ${quote(seat)}`);
        ok = false;
      } else {
        seatSet.add(seat);
      }
    });
    if (!ok) return [];
    seen.add(sdkAppId as number);
    return [{ sdkAppId: sdkAppId as number, seats: [...seatSet] }];
  });
}

function readOrigin(value: unknown, problems: string[]): string | undefined {
  if (typeof value !== 'string') {
    problems.push('sdkOrigin must be a string such as "http://127.0.0.1:4000"');
    return undefined;
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    problems.push(`sdkOrigin ${JSON.stringify(value)} is not a URL`);
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    problems.push('sdkOrigin must use http: or https:');
    return undefined;
  }
  if ((url.pathname !== '/' && url.pathname !== '') || url.search || url.hash || url.username) {
    problems.push('sdkOrigin must be an origin only (scheme://host[:port]), without path or query');
    return undefined;
  }
  return url.origin;
}

const LIMIT_RULES: Record<keyof MockLimits, { min: number; max: number; what: string }> = {
  requestsPerSecond: { min: 1, max: 1_000_000, what: 'an integer >= 1' },
  tokenTtlSeconds: { min: 1, max: 31_536_000, what: 'an integer of seconds >= 1' },
  signatureMaxSkewSeconds: { min: 0, max: 31_536_000, what: 'an integer of seconds >= 0' },
  maxBodyBytes: { min: 1024, max: 100 * 1024 * 1024, what: 'an integer of bytes >= 1024' },
};

function readLimits(value: unknown, problems: string[]): MockLimits {
  const limits = { ...DEFAULT_LIMITS };
  if (!isRecord(value)) {
    problems.push(`limits must be an object with any of: ${Object.keys(LIMIT_RULES).join(', ')}`);
    return limits;
  }
  checkKeys(value, Object.keys(LIMIT_RULES), 'limits.', problems);
  const entries = Object.entries(LIMIT_RULES) as [
    keyof MockLimits,
    (typeof LIMIT_RULES)[keyof MockLimits],
  ][];
  for (const [key, rule] of entries) {
    const v = value[key];
    if (v === undefined) continue;
    if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < rule.min || v > rule.max) {
      problems.push(`limits.${key} must be ${rule.what} (got ${quote(v)})`);
    } else {
      limits[key] = v;
    }
  }
  return limits;
}

/**
 * Validate a config (from options or parsed JSON) and fill in defaults. Throws
 * MockConfigError naming every bad field.
 */
export function resolveConfig(input: unknown = {}, source = 'options'): ResolvedMockTcccConfig {
  const problems: string[] = [];
  if (!isRecord(input)) {
    throw new MockConfigError(source, ['the config must be a JSON object']);
  }
  checkKeys(input, ['accounts', 'apps', 'sdkOrigin', 'limits'], '', problems);
  const accounts =
    input.accounts === undefined
      ? [{ secretId: DEFAULT_SECRET_ID, secretKey: DEFAULT_SECRET_KEY }]
      : readAccounts(input.accounts, problems);
  const apps =
    input.apps === undefined
      ? [{ sdkAppId: DEFAULT_SDK_APP_ID, seats: [...DEFAULT_SEATS] }]
      : readApps(input.apps, problems);
  const sdkOrigin =
    input.sdkOrigin === undefined ? undefined : readOrigin(input.sdkOrigin, problems);
  const limits =
    input.limits === undefined ? { ...DEFAULT_LIMITS } : readLimits(input.limits, problems);
  if (problems.length > 0) throw new MockConfigError(source, problems);
  return Object.freeze({
    accounts: Object.freeze(accounts.map((a) => Object.freeze(a))),
    apps: Object.freeze(
      apps.map((a) => Object.freeze({ sdkAppId: a.sdkAppId, seats: Object.freeze(a.seats) })),
    ),
    sdkOrigin,
    limits: Object.freeze(limits),
  });
}

/** Read and validate a JSON config file; errors name the file and each bad field. */
export async function loadConfigFile(path: string): Promise<ResolvedMockTcccConfig> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    throw new MockConfigError(path, [`cannot read the file (${code})`]);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new MockConfigError(path, [`not valid JSON: ${(error as Error).message}`]);
  }
  return resolveConfig(parsed, path);
}
