/**
 * Options of `createTcccClient`, validated once and up front: a bad configuration fails
 * at start with ONE error naming every bad field, instead of as an `AuthFailure` on the
 * first agent sign-in. Messages never echo the SecretId or the SecretKey.
 */
import type { Clock } from './clock.js';
import { systemClock } from './clock.js';
import { type ConfigIssue, TcccConfigError } from './errors.js';
import type { Logger } from './logger.js';
import type { RateLimiter } from './rate-limiter.js';

export const DEFAULT_ENDPOINT = 'https://ccc.tencentcloudapi.com';

export const DEFAULTS = {
  endpoint: DEFAULT_ENDPOINT,
  timeoutMs: 5_000,
  retries: 2,
  retryBaseDelayMs: 200,
  retryMaxDelayMs: 2_000,
  requestsPerSecond: 20,
  queueTimeoutMs: 15_000,
} as const;

export interface TcccClientConfig {
  /** The TCCC application id (TCCC console; usually 1400xxxxxx). */
  sdkAppId: number;
  /** Tencent Cloud API key id (CAM console > API keys). */
  secretId: string;
  /** Tencent Cloud API key secret. Never logged, never in an error. */
  secretKey: string;
  /** Region sent as X-TC-Region; the ccc actions the client sends need none (default: none). */
  region?: string;
  /** Full URL of the cloud API (default https://ccc.tencentcloudapi.com); http://127.0.0.1:PORT for a mock. */
  endpoint?: string;
  /** Per-request timeout in ms (default 5000); the request is really aborted. */
  timeoutMs?: number;
  /** Retries after a retryable failure (default 2, so at most 3 requests). */
  retries?: number;
  /** First retry waits up to this many ms (default 200), doubling each time... */
  retryBaseDelayMs?: number;
  /** ...up to this ceiling (default 2000). */
  retryMaxDelayMs?: number;
  /** Local rate limit, requests per second per action for this process (default 20). */
  requestsPerSecond?: number;
  /** A shared limiter (for several processes on one account); replaces `requestsPerSecond`. */
  limiter?: RateLimiter;
  /** Longest a call may wait for a rate-limit slot, retries included (default 15000 ms). */
  queueTimeoutMs?: number;
  /** Receives structured, redacted events (pino-compatible). */
  logger?: Logger;
  /** Time source for the limiter, timeouts and backoff (default: the system clock). */
  clock?: Clock;
  /** Random source in [0, 1) for retry jitter (default Math.random). */
  random?: () => number;
}

export interface ResolvedConfig {
  sdkAppId: number;
  secretId: string;
  secretKey: string;
  region: string | undefined;
  /** For the SDK's httpProfile: `https://` or `http://`. */
  protocol: 'https://' | 'http://';
  /** For the SDK's httpProfile: host[:port]. */
  host: string;
  timeoutMs: number;
  retries: number;
  retryBaseDelayMs: number;
  retryMaxDelayMs: number;
  requestsPerSecond: number;
  limiter: RateLimiter | undefined;
  queueTimeoutMs: number;
  logger: Logger | undefined;
  clock: Clock;
  random: () => number;
}

const KNOWN_KEYS = [
  'sdkAppId',
  'secretId',
  'secretKey',
  'region',
  'endpoint',
  'timeoutMs',
  'retries',
  'retryBaseDelayMs',
  'retryMaxDelayMs',
  'requestsPerSecond',
  'limiter',
  'queueTimeoutMs',
  'logger',
  'clock',
  'random',
] as const;

function describe(value: unknown): string {
  if (typeof value === 'string') return `the string ${JSON.stringify(value.slice(0, 40))}`;
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `${typeof value} ${String(value)}`;
}

/** Checks a secret without ever putting its value into the message. */
function checkSecret(field: 'secretId' | 'secretKey', value: unknown, issues: ConfigIssue[]) {
  if (value === undefined || value === null || value === '') {
    issues.push({ field, problem: 'is required (a Tencent Cloud API key from the CAM console)' });
  } else if (typeof value !== 'string') {
    issues.push({ field, problem: `must be a string, got ${typeof value}` });
  } else if (value.trim() !== value) {
    issues.push({
      field,
      problem:
        'has leading or trailing whitespace (a newline from a secret file?); remove it, or TCCC ' +
        'rejects every request',
    });
  } else if (/\s/.test(value)) {
    issues.push({ field, problem: 'contains whitespace; copy the key again from the CAM console' });
  }
}

function checkNumber(
  config: Record<string, unknown>,
  field: string,
  rule: { integer?: boolean; min: number; max: number },
  issues: ConfigIssue[],
): number | undefined {
  const value = config[field];
  if (value === undefined) return undefined;
  const ok =
    typeof value === 'number' &&
    Number.isFinite(value) &&
    (!rule.integer || Number.isInteger(value)) &&
    value >= rule.min &&
    value <= rule.max;
  if (!ok) {
    const kind = rule.integer ? 'an integer' : 'a number';
    issues.push({
      field,
      problem: `must be ${kind} from ${rule.min} to ${rule.max}, got ${describe(value)}`,
    });
    return undefined;
  }
  return value as number;
}

function parseEndpoint(value: unknown, issues: ConfigIssue[]) {
  const fallback = { protocol: 'https://' as const, host: 'ccc.tencentcloudapi.com' };
  if (value === undefined) return fallback;
  const field = 'endpoint';
  if (typeof value !== 'string' || !URL.canParse(value)) {
    issues.push({
      field,
      problem: `must be a full URL such as ${DEFAULT_ENDPOINT} or http://127.0.0.1:4000, got ${describe(value)}`,
    });
    return fallback;
  }
  const url = new URL(value);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    issues.push({ field, problem: `must use https: or http:, got ${url.protocol}` });
  } else if (url.username || url.password) {
    issues.push({ field, problem: 'must not contain a user name or password' });
  } else if (url.pathname !== '/' || url.search || url.hash) {
    issues.push({
      field,
      problem: `must be an origin without path, query or fragment (the API lives at /), got ${url.origin}${url.pathname}`,
    });
  } else {
    return {
      protocol: url.protocol === 'https:' ? ('https://' as const) : ('http://' as const),
      host: url.host,
    };
  }
  return fallback;
}

/** Validates `config`, applying defaults; throws one `TcccConfigError` listing every problem. */
export function resolveConfig(config: TcccClientConfig): ResolvedConfig {
  if (typeof config !== 'object' || config === null) {
    throw new TcccConfigError([
      { field: '(config)', problem: `must be an object, got ${describe(config)}` },
    ]);
  }
  const raw = config as unknown as Record<string, unknown>;
  const issues: ConfigIssue[] = [];

  for (const key of Object.keys(raw)) {
    if ((KNOWN_KEYS as readonly string[]).includes(key)) continue;
    const known = KNOWN_KEYS.find((candidate) => candidate.toLowerCase() === key.toLowerCase());
    issues.push({
      field: key,
      problem: known
        ? `unknown option; did you mean \`${known}\`? (option names are case-sensitive)`
        : 'unknown option',
    });
  }

  const sdkAppId = raw.sdkAppId;
  if (!(typeof sdkAppId === 'number' && Number.isSafeInteger(sdkAppId) && sdkAppId > 0)) {
    issues.push({
      field: 'sdkAppId',
      problem:
        `must be a positive integer (the SdkAppId of your TCCC app, e.g. 1400000000), got ${describe(sdkAppId)}` +
        (typeof sdkAppId === 'string' ? '; convert it with Number()' : ''),
    });
  }
  checkSecret('secretId', raw.secretId, issues);
  checkSecret('secretKey', raw.secretKey, issues);

  const region = raw.region;
  if (
    region !== undefined &&
    !(typeof region === 'string' && /^[a-z]+(-[a-z0-9]+)+$/.test(region))
  ) {
    issues.push({
      field: 'region',
      problem: `must be a region id such as ap-guangzhou, or left out, got ${describe(region)}`,
    });
  }

  const { protocol, host } = parseEndpoint(raw.endpoint, issues);
  const timeoutMs = checkNumber(raw, 'timeoutMs', { min: 1, max: 120_000 }, issues);
  const retries = checkNumber(raw, 'retries', { integer: true, min: 0, max: 10 }, issues);
  const retryBaseDelayMs = checkNumber(raw, 'retryBaseDelayMs', { min: 0, max: 60_000 }, issues);
  const retryMaxDelayMs = checkNumber(raw, 'retryMaxDelayMs', { min: 0, max: 60_000 }, issues);
  const requestsPerSecond = checkNumber(
    raw,
    'requestsPerSecond',
    { min: 0.001, max: 10_000 },
    issues,
  );
  const queueTimeoutMs = checkNumber(raw, 'queueTimeoutMs', { min: 0, max: 600_000 }, issues);

  const limiter = raw.limiter as RateLimiter | undefined;
  if (limiter !== undefined && typeof limiter?.acquire !== 'function') {
    issues.push({
      field: 'limiter',
      problem: 'must be an object with an acquire({ key, action, deadline, signal }) method',
    });
  }
  if (limiter !== undefined && raw.requestsPerSecond !== undefined) {
    issues.push({
      field: 'requestsPerSecond',
      problem: 'cannot be combined with `limiter`; configure the rate on your limiter',
    });
  }
  const logger = raw.logger as Logger | undefined;
  if (logger !== undefined && (typeof logger !== 'object' || logger === null)) {
    issues.push({
      field: 'logger',
      problem: 'must be an object with debug/info/warn/error methods (pino-like)',
    });
  }
  const clock = raw.clock as Clock | undefined;
  if (
    clock !== undefined &&
    !(
      typeof clock?.now === 'function' &&
      typeof clock.setTimeout === 'function' &&
      typeof clock.clearTimeout === 'function'
    )
  ) {
    issues.push({
      field: 'clock',
      problem: 'must have now(), setTimeout() and clearTimeout() methods',
    });
  }
  if (raw.random !== undefined && typeof raw.random !== 'function') {
    issues.push({ field: 'random', problem: 'must be a function returning a number in [0, 1)' });
  }

  if (issues.length > 0) throw new TcccConfigError(issues);

  return {
    sdkAppId: sdkAppId as number,
    secretId: raw.secretId as string,
    secretKey: raw.secretKey as string,
    region: region as string | undefined,
    protocol,
    host,
    timeoutMs: timeoutMs ?? DEFAULTS.timeoutMs,
    retries: retries ?? DEFAULTS.retries,
    retryBaseDelayMs: retryBaseDelayMs ?? DEFAULTS.retryBaseDelayMs,
    retryMaxDelayMs: retryMaxDelayMs ?? DEFAULTS.retryMaxDelayMs,
    requestsPerSecond: requestsPerSecond ?? DEFAULTS.requestsPerSecond,
    limiter,
    queueTimeoutMs: queueTimeoutMs ?? DEFAULTS.queueTimeoutMs,
    logger,
    clock: clock ?? systemClock,
    random: (raw.random as (() => number) | undefined) ?? Math.random,
  };
}
