/**
 * The control plane's own routes under /__tccc/ (the SDK half's are in calls.ts): reset, seed
 * and export the store, move the clock, inject faults, read and mint tokens. JSON in and out;
 * bad input answers 4xx `{"error": {"code", "message"}}`. The guard (guard.ts) and the body
 * cap (body.ts) run before any of them; index.ts mounts it all.
 */
import { Hono } from 'hono';
import { CloudApiError } from '../api/errors.js';
import { issueSdkToken } from '../api/issue-token.js';
import { MockConfigError, resolveMockSeed } from '../config/index.js';
import type { MockContext } from '../context.js';
import { FaultRuleError } from '../faults/index.js';
import { quote } from '../quote.js';
import { type MockStateExport, OMITTABLE, type Omittable } from '../state/export.js';
import type { MockSeed } from '../state/store.js';
import { ControlInputError, controlInputAnswer, readJsonBody, rejectUnknown } from './body.js';
import { type ClockChange, type ClockView, parseClockChange } from './clock.js';

/** What the control plane drives; `createMockTccc` provides it. */
export interface ControlOperations {
  reset(): void;
  reseed(seed: MockSeed): void;
  clockView(): ClockView;
  changeClock(change: ClockChange): ClockView;
  exportState(omit: readonly Omittable[]): MockTcccState;
}

/** GET /__tccc/state: the store's export plus the clock and the fault rules. */
export type MockTcccState = MockStateExport & {
  clock: ClockView;
  faults: ReturnType<MockContext['faults']['store']['list']>;
};

function parseOmit(value: string | undefined): Omittable[] {
  if (value === undefined || value === '') return [];
  const names = value.split(',').map((name) => name.trim());
  for (const name of names) {
    if (!(OMITTABLE as readonly string[]).includes(name)) {
      throw new ControlInputError(
        'invalid_field',
        `omit takes a comma-separated list of ${OMITTABLE.join(', ')} (got ${quote(name)}).`,
      );
    }
  }
  return names as Omittable[];
}

export function createControlRoutes(ctx: MockContext, ops: ControlOperations): Hono {
  const app = new Hono();

  app.onError((error, c) => {
    if (error instanceof ControlInputError) return controlInputAnswer(error);
    if (error instanceof FaultRuleError) {
      return c.json({ error: { code: 'invalid_fault', message: error.message } }, 400);
    }
    if (error instanceof CloudApiError) {
      return c.json({ error: { code: error.code, message: error.message } }, 400);
    }
    throw error;
  });

  app.post('/reset', (c) => {
    ops.reset();
    return c.json({ ok: true });
  });

  app.get('/state', (c) => c.json(ops.exportState(parseOmit(c.req.query('omit')))));
  app.post('/seed', async (c) => {
    let seed: MockSeed;
    try {
      seed = resolveMockSeed(await readJsonBody(c.req.raw), 'POST /__tccc/seed');
    } catch (error) {
      if (!(error instanceof MockConfigError)) throw error;
      throw new ControlInputError(
        'invalid_seed',
        `The seed is invalid: ${error.problems.join('; ')}.`,
        400,
        error.problems,
      );
    }
    ops.reseed(seed);
    return c.json({ ok: true, counts: ops.exportState(OMITTABLE).counts });
  });

  app.get('/clock', (c) => c.json(ops.clockView()));
  app.post('/clock', async (c) =>
    c.json(ops.changeClock(parseClockChange(await readJsonBody(c.req.raw)))),
  );

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

  app.get('/tokens', (c) => c.json({ tokens: ctx.store.tokens.list() }));
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
    const issued = issueSdkToken(ctx, {
      sdkAppId: sdkAppId ?? ctx.store.apps.first()?.sdkAppId ?? 0,
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
