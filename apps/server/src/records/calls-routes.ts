/**
 * GET /api/calls: the signed-in agent's recent calls, newest first, from the call-record
 * store. The seat comes from the session (`resolveSeat`), never from the request.
 *
 *   ?limit=1..100 (default 20)  &cursor=<nextCursor of the previous page>
 *   200 { calls: CallSummary[], nextCursor: string | null }
 *
 * Learning of new records (a call just ended): poll the first page with the ETag of the
 * last answer in `If-None-Match`; an unchanged page is a bodyless 304. Polling every few
 * seconds costs one indexed query and works whichever server instance stored the record.
 */
import { createHash } from 'node:crypto';
import { Hono } from 'hono';
import type { Authenticator } from '../auth/authenticator.js';
import type { Sessions } from '../auth/sessions.js';
import { ProblemError } from '../http/problem.js';
import { describeEndStatus, type EndStatusInfo } from './end-status.js';
import type { CallCursor, CallRecordStore, StoredCall } from './store.js';

export const CALLS_DEFAULT_LIMIT = 20;
export const CALLS_MAX_LIMIT = 100;

export interface CallSummary {
  sessionId: string;
  /** From TCCC's Direction (0 inbound, 1 outbound). */
  direction: 'inbound' | 'outbound' | 'unknown';
  /** The customer's number: the caller of an inbound call, the callee of an outbound one. */
  otherParty: string | null;
  /** ISO-8601. */
  startedAt: string | null;
  endedAt: string | null;
  /** Talk time in seconds, accepted to ended (TCCC's Duration). */
  durationSeconds: number | null;
  /** How it ended, in words (end-status.ts). */
  endStatus: EndStatusInfo | null;
  /** Who hung up: `user` (the customer), `seat` (the agent) or `system`. */
  hungUpBy: string | null;
}

const iso = (seconds: number | null) =>
  seconds === null ? null : new Date(seconds * 1000).toISOString();

export function summarise(call: StoredCall): CallSummary {
  const direction =
    call.direction === 0 ? 'inbound' : call.direction === 1 ? 'outbound' : 'unknown';
  const [ours, theirs] =
    direction === 'outbound' ? [call.caller, call.callee] : [call.callee, call.caller];
  return {
    sessionId: call.sessionId,
    direction,
    otherParty: theirs || ours || null,
    startedAt: iso(call.startTime),
    endedAt: iso(call.endedTime),
    durationSeconds: call.duration,
    endStatus: describeEndStatus(call.endStatusString, call.endStatus) ?? null,
    hungUpBy: call.hungUpSide,
  };
}

export function encodeCursor(cursor: CallCursor): string {
  return Buffer.from(JSON.stringify([cursor.sortTime, cursor.sessionId])).toString('base64url');
}

export function decodeCursor(text: string): CallCursor | undefined {
  if (text.length > 400 || !/^[A-Za-z0-9_-]+$/.test(text)) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      Number.isSafeInteger(value[0]) &&
      typeof value[1] === 'string' &&
      value[1].length <= 128
    ) {
      return { sortTime: value[0], sessionId: value[1] };
    }
  } catch {
    // not JSON: refused below
  }
  return undefined;
}

function readLimit(raw: string | undefined): number {
  if (raw === undefined) return CALLS_DEFAULT_LIMIT;
  const limit = Number(raw);
  if (!/^\d{1,3}$/.test(raw) || limit < 1 || limit > CALLS_MAX_LIMIT) {
    throw new ProblemError(
      'invalid_query',
      `limit must be a whole number from 1 to ${CALLS_MAX_LIMIT} (got ${JSON.stringify(raw.slice(0, 20))}).`,
    );
  }
  return limit;
}

export function callsRoutes(deps: {
  store: CallRecordStore;
  authenticator: Authenticator;
  sessions: Sessions;
}): Hono {
  const routes = new Hono();

  routes.get('/', async (c) => {
    const user = await deps.sessions.current(c);
    if (!user) throw new ProblemError('not_signed_in', 'Sign in to see your calls.');
    const limit = readLimit(c.req.query('limit'));
    const cursorText = c.req.query('cursor');
    const after = cursorText === undefined ? undefined : decodeCursor(cursorText);
    if (cursorText !== undefined && !after) {
      throw new ProblemError(
        'invalid_query',
        'cursor is not one this server gave out; pass nextCursor from the previous page, or leave it out for the newest calls.',
      );
    }
    const seat = await deps.authenticator.resolveSeat(user);
    if (!seat) {
      throw new ProblemError(
        'no_seat',
        'Your account is not linked to a TCCC agent seat; ask the operator.',
      );
    }

    const page = await deps.store.listCalls(seat, { limit, ...(after ? { after } : {}) });
    const body = JSON.stringify({
      calls: page.calls.map(summarise),
      nextCursor: page.next ? encodeCursor(page.next) : null,
    });
    const etag = `W/"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
    // Per user and always revalidated: a shared cache must not hand one agent's calls to another.
    c.header('Cache-Control', 'private, no-cache');
    c.header('ETag', etag);
    c.header('Vary', 'Cookie');
    const ifNoneMatch = c.req.header('if-none-match');
    if (ifNoneMatch?.split(',').some((tag) => tag.trim() === etag)) return c.body(null, 304);
    return c.body(body, 200, { 'Content-Type': 'application/json' });
  });

  return routes;
}
