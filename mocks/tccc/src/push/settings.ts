/**
 * `push`: how the mock's Data Push sender behaves, mock-wide (options, `--config`). TCCC
 * documents only "at most 3 more times" (tccc-reference.md §6.1); the intervals, the
 * timeout and the bounds are [unconfirmed] and kept here so a test or an integrator can change
 * them. Retry intervals and `reorderHoldMs` are MOCK time (tests move the clock instead of
 * waiting); `timeoutMs` is real time (it bounds a real HTTP exchange).
 */

import { checkKeys, isRecord, type Problems } from '../config/read.js';
import { quote } from '../quote.js';

export interface PushSettings {
  /** Retries after the first attempt fails (TCCC: at most 3). */
  maxRetries: number;
  /**
   * Mock-time wait before retry 1, 2, 3, ... in ms; past the end of the list the last value
   * repeats. [unconfirmed] TCCC does not document its intervals.
   */
  retryDelaysMs: number[];
  /** Real ms an attempt (and a token request) may take before it counts as failed. */
  timeoutMs: number;
  /** Pushes in flight at once, over every app. */
  concurrency: number;
  /**
   * Pushes not yet settled (queued, in flight, waiting for a retry, held by a fault) the
   * sender holds at most; a push beyond it is journaled `dropped` ("queue full").
   */
  maxPending: number;
  /** Journal entries kept; past it the oldest settled entries go first. */
  maxJournal: number;
  /**
   * Mock ms a push held by a `reorder` fault waits for the next push of its app before it is
   * sent anyway.
   */
  reorderHoldMs: number;
  /**
   * Mock ms before `expires_in` at which a cached OAuth token is fetched anew (a token that
   * lives shorter than twice this is refreshed at half its life).
   */
  tokenRefreshMarginMs: number;
}

export const DEFAULT_PUSH_SETTINGS: Readonly<PushSettings> = Object.freeze({
  maxRetries: 3,
  retryDelaysMs: Object.freeze([1_000, 5_000, 30_000]) as unknown as number[],
  timeoutMs: 10_000,
  concurrency: 8,
  maxPending: 10_000,
  maxJournal: 10_000,
  reorderHoldMs: 60_000,
  tokenRefreshMarginMs: 30_000,
});

const HOUR_MS = 3_600_000;

const RULES: Record<
  Exclude<keyof PushSettings, 'retryDelaysMs'>,
  { min: number; max: number; what: string }
> = {
  maxRetries: { min: 0, max: 10, what: 'an integer from 0 to 10' },
  timeoutMs: { min: 1, max: 600_000, what: 'an integer of ms from 1 to 600000' },
  concurrency: { min: 1, max: 256, what: 'an integer from 1 to 256' },
  maxPending: { min: 1, max: 1_000_000, what: 'an integer from 1 to 1000000' },
  maxJournal: { min: 1, max: 1_000_000, what: 'an integer from 1 to 1000000' },
  reorderHoldMs: { min: 0, max: 24 * HOUR_MS, what: 'an integer of ms from 0 to 86400000' },
  tokenRefreshMarginMs: { min: 0, max: HOUR_MS, what: 'an integer of ms from 0 to 3600000' },
};

const FIELDS = [...Object.keys(RULES), 'retryDelaysMs'];

export function readPushSettings(value: unknown, problems: Problems): PushSettings {
  const settings: PushSettings = {
    ...DEFAULT_PUSH_SETTINGS,
    retryDelaysMs: [...DEFAULT_PUSH_SETTINGS.retryDelaysMs],
  };
  if (!isRecord(value)) {
    problems.push(`push must be an object with any of: ${FIELDS.join(', ')}`);
    return settings;
  }
  checkKeys(value, FIELDS, 'push.', problems);
  for (const [key, rule] of Object.entries(RULES) as [
    keyof typeof RULES,
    (typeof RULES)[keyof typeof RULES],
  ][]) {
    const v = value[key];
    if (v === undefined) continue;
    if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < rule.min || v > rule.max) {
      problems.push(`push.${key} must be ${rule.what} (got ${quote(v)})`);
    } else {
      settings[key] = v;
    }
  }
  const delays = value.retryDelaysMs;
  if (delays !== undefined) {
    if (
      !Array.isArray(delays) ||
      delays.length === 0 ||
      delays.length > 10 ||
      !delays.every(
        (d) => typeof d === 'number' && Number.isSafeInteger(d) && d >= 0 && d <= 24 * HOUR_MS,
      )
    ) {
      problems.push(
        `push.retryDelaysMs must be a list of 1 to 10 integers of ms from 0 to 86400000 (got ${quote(delays)})`,
      );
    } else {
      settings.retryDelaysMs = [...delays];
    }
  }
  return settings;
}

/** Mock ms to wait before retry number `retry` (1-based). */
export function retryDelay(settings: Readonly<PushSettings>, retry: number): number {
  const delays = settings.retryDelaysMs;
  return delays[Math.min(retry, delays.length) - 1] ?? 0;
}
