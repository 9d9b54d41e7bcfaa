/** POST /__tccc/clock: moving, pausing and resuming the mock clock. */
import { ControlInputError, rejectUnknown } from './body.js';

export interface ClockView {
  /** Mock time, ISO-8601. */
  now: string;
  nowMs: number;
  /** Mock time minus real time, in milliseconds. */
  offsetMs: number;
  /** True while time stands still (only set and advance move it). */
  paused: boolean;
}

export interface ClockChange {
  set?: number;
  advance?: number;
  /** true pauses, false resumes; after set/advance. */
  paused?: boolean;
}

/** The clock stays a valid Date: `now` from 1970 to 9999, one advance at most 100 years. */
const MAX_CLOCK_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);
export const MAX_ADVANCE_MS = 100 * 365.25 * 24 * 3_600_000;

const SHAPE =
  'Send {"now": ISO-8601 string or epoch ms} or {"advanceMs": milliseconds}, and/or {"paused": true|false}.';

/**
 * Parse a clock change: at most one of `now` / `advanceMs`, and optionally `paused`; at
 * least one of them.
 */
export function parseClockChange(body: Record<string, unknown>): ClockChange {
  rejectUnknown(body, ['now', 'advanceMs', 'paused']);
  const { now, advanceMs, paused } = body;
  if (now !== undefined && advanceMs !== undefined) {
    throw new ControlInputError('invalid_field', `now and advanceMs do not go together. ${SHAPE}`);
  }
  if (now === undefined && advanceMs === undefined && paused === undefined) {
    throw new ControlInputError('invalid_field', SHAPE);
  }
  const change: ClockChange = {};
  if (now !== undefined) {
    const ms =
      typeof now === 'number'
        ? now
        : typeof now === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(now)
          ? Date.parse(now)
          : Number.NaN;
    if (!Number.isFinite(ms) || ms < 0 || ms > MAX_CLOCK_MS) {
      throw new ControlInputError(
        'invalid_field',
        'now must be an ISO-8601 date-time string (e.g. "2030-01-01T00:00:00Z") or epoch milliseconds, from 1970 to 9999.',
      );
    }
    change.set = ms;
  }
  if (advanceMs !== undefined) {
    if (
      typeof advanceMs !== 'number' ||
      !Number.isFinite(advanceMs) ||
      advanceMs < 0 ||
      advanceMs > MAX_ADVANCE_MS
    ) {
      throw new ControlInputError(
        'invalid_field',
        `advanceMs must be a number of milliseconds from 0 to ${MAX_ADVANCE_MS} (100 years).`,
      );
    }
    change.advance = advanceMs;
  }
  if (paused !== undefined) {
    if (typeof paused !== 'boolean') {
      throw new ControlInputError('invalid_field', 'paused must be true or false.');
    }
    change.paused = paused;
  }
  return change;
}
