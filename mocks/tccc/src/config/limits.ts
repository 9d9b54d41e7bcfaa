/** Validating `limits` and `controlToken`. */
import { quote } from '../quote.js';
import { checkKeys, isRecord, type Problems } from './read.js';

export interface MockLimits {
  /** Cloud API requests per second allowed per SecretId per action (sliding 1 s window). */
  requestsPerSecond: number;
  /** Lifetime of an SDK login token, in seconds ([unconfirmed] 600). */
  tokenTtlSeconds: number;
  /**
   * How long a token that can no longer log in (expired, or a used OnlyOnce token) is kept,
   * so a late login hears "expired"/"used" rather than "unknown"; then it is pruned.
   */
  tokenRetentionSeconds: number;
  /** The most token records held; past it the oldest go first, so memory stays bounded. */
  maxTokens: number;
  /** Allowed |X-TC-Timestamp - now|, in seconds, before AuthFailure.SignatureExpire. */
  signatureMaxSkewSeconds: number;
  /** Largest cloud API request body read, in bytes. */
  maxBodyBytes: number;
  /** Call-detail records kept per app; past it the oldest (by StartTimestamp) go first. */
  maxCdrs: number;
  /** Ended calls kept (control plane, DescribeSessionDetail's Events); the oldest go first. */
  maxEndedCalls: number;
}

export const DEFAULT_LIMITS: Readonly<MockLimits> = Object.freeze({
  requestsPerSecond: 20,
  tokenTtlSeconds: 600,
  tokenRetentionSeconds: 600,
  maxTokens: 50_000,
  signatureMaxSkewSeconds: 300,
  maxBodyBytes: 1024 * 1024,
  maxCdrs: 100_000,
  maxEndedCalls: 10_000,
});

const YEAR_SECONDS = 31_536_000;

const LIMIT_RULES: Record<keyof MockLimits, { min: number; max: number; what: string }> = {
  requestsPerSecond: { min: 1, max: 1_000_000, what: 'an integer >= 1' },
  tokenTtlSeconds: { min: 1, max: YEAR_SECONDS, what: 'an integer of seconds >= 1' },
  tokenRetentionSeconds: { min: 0, max: YEAR_SECONDS, what: 'an integer of seconds >= 0' },
  maxTokens: { min: 100, max: 10_000_000, what: 'an integer from 100 to 10000000' },
  signatureMaxSkewSeconds: { min: 0, max: YEAR_SECONDS, what: 'an integer of seconds >= 0' },
  maxBodyBytes: { min: 1024, max: 100 * 1024 * 1024, what: 'an integer of bytes >= 1024' },
  maxCdrs: { min: 1, max: 10_000_000, what: 'an integer from 1 to 10000000' },
  maxEndedCalls: { min: 1, max: 1_000_000, what: 'an integer from 1 to 1000000' },
};

export function readLimits(value: unknown, problems: Problems): MockLimits {
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

/** A control token: long enough not to be guessed, printable, no spaces. Never echoed. */
export function readControlToken(value: unknown, problems: Problems): string | undefined {
  if (typeof value !== 'string' || !/^[\x21-\x7e]{16,256}$/.test(value)) {
    problems.push(
      'controlToken must be 16 to 256 printable ASCII characters without spaces (e.g. `openssl rand -hex 16`)',
    );
    return undefined;
  }
  return value;
}
