/**
 * Value checks shared by the actions, after the structure check (../spec/request.ts): each
 * answers `InvalidParameterValue` (or the TCCC code for an unknown app) with a message that
 * says what to send instead.
 */
import type { MockContext } from '../../context.js';
import type { AppRecord } from '../../state/directory.js';
import { CloudApiError, messages, TcccErrorCode } from '../errors.js';
import { API_LIMITS, LOOKS_LIKE_MILLISECONDS } from './limits.js';

export const invalidValue = (message: string) =>
  new CloudApiError(TcccErrorCode.InvalidParameterValue, message);

/** The app, or `InvalidParameterValue.InstanceNotExist`. */
export function requireApp(ctx: MockContext, sdkAppId: number): AppRecord {
  const app = ctx.store.apps.get(sdkAppId);
  if (!app) {
    throw new CloudApiError(TcccErrorCode.InstanceNotExist, messages.instanceNotExist(sdkAppId));
  }
  return app;
}

export interface PageParams {
  pageNumber: number;
  pageSize: number;
  /** Largest PageSize the action takes. */
  maxPageSize: number;
}

/** 0-based PageNumber and PageSize (1..max) as an offset and a limit. */
export function pageWindow({ pageNumber, pageSize, maxPageSize }: PageParams): {
  offset: number;
  limit: number;
} {
  if (pageSize < 1 || pageSize > maxPageSize) {
    throw invalidValue(
      `\`PageSize\` must be from 1 to ${maxPageSize} (got ${pageSize}); fetch further records with \`PageNumber\` (0-based).`,
    );
  }
  if (pageNumber < 0) {
    throw invalidValue(`\`PageNumber\` is 0-based: the first page is 0 (got ${pageNumber}).`);
  }
  return { offset: pageNumber * pageSize, limit: pageSize };
}

/** Offset (>= 0) and Limit (1..max), as DescribePSTNActiveSessionList takes them. */
export function offsetWindow(offset: number, limit: number, maxLimit: number) {
  if (offset < 0) throw invalidValue(`\`Offset\` must be >= 0 (got ${offset}).`);
  if (limit < 1 || limit > maxLimit) {
    throw invalidValue(
      `\`Limit\` must be from 1 to ${maxLimit} (got ${limit}); page with \`Offset\`.`,
    );
  }
  return { offset, limit };
}

const iso = (seconds: number) => new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');

function checkSeconds(name: string, value: number): void {
  if (value < 0) throw invalidValue(`\`${name}\` is a Unix timestamp in seconds (got ${value}).`);
  if (value >= LOOKS_LIKE_MILLISECONDS) {
    throw invalidValue(
      `\`${name}\` is a Unix timestamp in seconds; ${value} looks like milliseconds (divide by 1000).`,
    );
  }
}

/**
 * A call-record query window, as DescribeTelCdr and DescribeSessionDetail take it: Unix
 * seconds, end not before start, under 90 days long, start at most 180 days before now
 * (the mock clock).
 */
export function recordWindow(
  names: readonly [start: string, end: string],
  start: number,
  end: number,
  nowMs: number,
): { from: number; to: number } {
  const [startName, endName] = names;
  checkSeconds(startName, start);
  checkSeconds(endName, end);
  if (end < start) {
    throw invalidValue(
      `\`${endName}\` (${end}, ${iso(end)}) is before \`${startName}\` (${start}, ${iso(start)}).`,
    );
  }
  const maxSpan = API_LIMITS.cdrWindowDays * 86_400;
  if (end - start >= maxSpan) {
    throw invalidValue(
      `The window from \`${startName}\` to \`${endName}\` must be under ${API_LIMITS.cdrWindowDays} days (got ${((end - start) / 86_400).toFixed(1)} days); query it in shorter windows.`,
    );
  }
  const oldest = Math.floor(nowMs / 1000) - API_LIMITS.cdrHistoryDays * 86_400;
  if (start < oldest) {
    throw invalidValue(
      `\`${startName}\` may be at most ${API_LIMITS.cdrHistoryDays} days ago: from ${oldest} (${iso(oldest)}) on (got ${start}, ${iso(start)}).`,
    );
  }
  return { from: start, to: end };
}

/** A list parameter with at most `max` entries (and at least `min`). */
export function checkCount(name: string, list: readonly unknown[], max: number, min = 0): void {
  if (list.length > max || list.length < min) {
    throw invalidValue(
      min > 0
        ? `\`${name}\` takes from ${min} to ${max} entries (got ${list.length}); split bigger batches into several calls.`
        : `\`${name}\` takes at most ${max} entries (got ${list.length}).`,
    );
  }
}

/** A string parameter that must not be empty. */
export function nonEmpty(name: string, value: string): string {
  if (value.trim() === '') throw invalidValue(`\`${name}\` must not be empty.`);
  return value;
}
