/**
 * The control plane under /__tccc/: JSON in and out, for tests and tools to reset the mock,
 * move its clock, inject faults and read the token journal. Bad input answers 400
 * `{"error": {"code", "message"}}`; a body over 64 KiB answers 413 `body_too_large`
 * (controlBodyLimit, applied by app.ts to every /__tccc route, the SDK half's too).
 */
import { Hono, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { TcccApiError } from './api/errors.js';
import type { MockContext } from './context.js';
import { FaultRuleError } from './faults.js';
import { issueSdkToken } from './issue-token.js';
import { excerpt, quote } from './quote.js';

/** What the control plane drives; `createMockTccc` provides it. */
export interface ControlOperations {
  reset(): void;
  clockView(): ClockView;
}

export interface ClockView {
  /** Mock time, ISO-8601. */
  now: string;
  nowMs: number;
  /** Mock time minus real time, in milliseconds. */
  offsetMs: number;
}

export class ControlInputError extends Error {
  override readonly name = 'ControlInputError';
  constructor(
    readonly code: string,
    message: string,
    readonly status: 400 | 404 | 415 = 400,
  ) {
    super(message);
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The largest control-plane body, in bytes. */
export const MAX_CONTROL_BODY_BYTES = 64 * 1024;

/**
 * Caps control-plane bodies while they are read: with Content-Length, a declared size over
 * the cap is refused before reading; without (chunked), reading stops at the first byte
 * past it. Either way 413 `body_too_large` with `Connection: close` (the rest is not read).
 */
export function controlBodyLimit(): MiddlewareHandler {
  return bodyLimit({
    maxSize: MAX_CONTROL_BODY_BYTES,
    onError: (c) =>
      c.json(
        {
          error: {
            code: 'body_too_large',
            message: `The body exceeds ${MAX_CONTROL_BODY_BYTES} bytes; control-plane requests are small JSON objects.`,
          },
        },
        413,
        { connection: 'close' },
      ),
  });
}

async function readJsonBody(request: Request): Promise<Record<string, unknown>> {
  const text = await request.text();
  if (text.trim() === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ControlInputError('invalid_json', 'The body is not valid JSON.');
  }
  if (!isRecord(value))
    throw new ControlInputError('invalid_json', 'The body must be a JSON object.');
  return value;
}

function rejectUnknown(body: Record<string, unknown>, allowed: readonly string[]) {
  for (const key of Object.keys(body)) {
    if (!allowed.includes(key)) {
      throw new ControlInputError(
        'unknown_field',
        `${excerpt(key)} is not a known field (expected: ${allowed.join(', ')}).`,
      );
    }
  }
}

/** The clock stays a valid Date: `now` from 1970 to 9999, one advance at most 100 years. */
const MAX_CLOCK_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);
const MAX_ADVANCE_MS = 100 * 365.25 * 24 * 3_600_000;

/** Parse POST /__tccc/clock: exactly one of {"now": ISO string | epoch ms} or {"advanceMs": n}. */
export function parseClockChange(
  body: Record<string, unknown>,
): { set: number } | { advance: number } {
  rejectUnknown(body, ['now', 'advanceMs']);
  const hasNow = body.now !== undefined;
  const hasAdvance = body.advanceMs !== undefined;
  if (hasNow === hasAdvance) {
    throw new ControlInputError(
      'invalid_field',
      'Send exactly one of {"now": ISO-8601 string or epoch ms} or {"advanceMs": milliseconds}.',
    );
  }
  if (hasNow) {
    const { now } = body;
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
    return { set: ms };
  }
  const { advanceMs } = body;
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
  return { advance: advanceMs };
}

export function createControlRoutes(ctx: MockContext, ops: ControlOperations): Hono {
  const app = new Hono();

  app.onError((error, c) => {
    if (error instanceof ControlInputError) {
      return c.json({ error: { code: error.code, message: error.message } }, error.status);
    }
    if (error instanceof FaultRuleError) {
      return c.json({ error: { code: 'invalid_fault', message: error.message } }, 400);
    }
    if (error instanceof TcccApiError) {
      return c.json({ error: { code: error.code, message: error.message } }, 400);
    }
    throw error;
  });

  app.post('/reset', (c) => {
    ops.reset();
    return c.json({ ok: true });
  });

  app.get('/clock', (c) => c.json(ops.clockView()));
  app.post('/clock', async (c) => {
    const change = parseClockChange(await readJsonBody(c.req.raw));
    if ('set' in change) ctx.clock.set(change.set);
    else ctx.clock.advance(change.advance);
    return c.json(ops.clockView());
  });

  app.get('/faults', (c) => c.json({ faults: ctx.faults.store.list() }));
  app.post('/faults', async (c) =>
    c.json(ctx.faults.store.add(await readJsonBody(c.req.raw)), 201),
  );
  app.delete('/faults', (c) => c.json({ cleared: ctx.faults.store.clear() }));
  app.delete('/faults/:id', (c) => {
    const id = c.req.param('id');
    if (!ctx.faults.store.remove(id)) {
      throw new ControlInputError('not_found', `No fault rule has id ${quote(id)}.`, 404);
    }
    return c.json({ removed: id });
  });

  app.get('/tokens', (c) => c.json({ tokens: ctx.tokens.list() }));
  app.post('/tokens', async (c) => {
    const body = await readJsonBody(c.req.raw);
    rejectUnknown(body, ['seatUserId', 'sdkAppId', 'onlyOnce']);
    const { seatUserId, sdkAppId, onlyOnce } = body;
    if (typeof seatUserId !== 'string' || seatUserId === '') {
      throw new ControlInputError('invalid_field', 'seatUserId must be a non-empty string.');
    }
    if (
      sdkAppId !== undefined &&
      (typeof sdkAppId !== 'number' || !Number.isSafeInteger(sdkAppId))
    ) {
      throw new ControlInputError('invalid_field', 'sdkAppId must be an integer.');
    }
    if (onlyOnce !== undefined && typeof onlyOnce !== 'boolean') {
      throw new ControlInputError('invalid_field', 'onlyOnce must be a boolean.');
    }
    const firstApp = ctx.options.apps[0];
    const issued = issueSdkToken(ctx, {
      sdkAppId: sdkAppId ?? firstApp?.sdkAppId ?? 0,
      seatUserId,
      onlyOnce: onlyOnce ?? false,
      requestId: ctx.newId(),
      requestOrigin: new URL(c.req.url).origin,
    });
    return c.json(
      {
        token: issued.record.token,
        sdkUrl: issued.sdkUrl,
        expiredTime: issued.expiredTime,
        expiresAt: issued.record.expiresAt,
      },
      201,
    );
  });

  return app;
}
