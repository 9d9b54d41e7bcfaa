/**
 * Data Push on the control plane, mounted at /__tccc:
 *
 * - GET /apps/:sdkAppId/data-push → {sdkAppId, dataPush} (null when the app pushes nothing;
 *   the password and client secret shown as "[redacted]").
 * - PUT /apps/:sdkAppId/data-push {url, auth, actions?} → the same, after validation (400
 *   `invalid_data_push` with every problem). Lasts until reset/reseed (the seed's comes back).
 * - DELETE /apps/:sdkAppId/data-push → {sdkAppId, dataPush: null}: the app stops pushing
 *   (pushes already queued still go).
 * - GET /data-push → {apps: [{sdkAppId, dataPush}]} for every app.
 * - GET /pushes?sessionId=&sdkAppId=&action=&outcome=&limit= → {pushes, total, pending}: the
 *   journal, oldest first (the newest `limit` when given), each push with its attempts and
 *   outcome; `pending` counts unsettled pushes over the whole journal.
 *
 * An unknown app answers 404 `unknown_app`.
 */
import { Hono } from 'hono';
import type { MockContext } from '../context.js';
import { DataPushConfigError, parseDataPushConfig, redactDataPush } from '../push/config.js';
import { quote } from '../quote.js';
import type { PushAction, PushFilter, PushOutcome } from '../state/pushes.js';
import { ControlInputError, readJsonBody } from './body.js';

const OUTCOMES: readonly PushOutcome[] = ['pending', 'delivered', 'failed', 'dropped'];
const ACTIONS: readonly PushAction[] = ['cdr', 'record', 'voicemail'];
const FILTERS = ['sessionId', 'sdkAppId', 'action', 'outcome', 'limit'];

function positiveInteger(value: string, name: string): number {
  if (!/^[1-9][0-9]{0,15}$/.test(value) || !Number.isSafeInteger(Number(value))) {
    throw new ControlInputError(
      'invalid_field',
      `${name} must be a positive integer (got ${quote(value)}).`,
    );
  }
  return Number(value);
}

function readFilter(query: Record<string, string>): { filter: PushFilter; limit?: number } {
  for (const key of Object.keys(query)) {
    if (!FILTERS.includes(key)) {
      throw new ControlInputError(
        'unknown_field',
        `${quote(key)} is not a filter of /__tccc/pushes (expected: ${FILTERS.join(', ')}).`,
      );
    }
  }
  const filter: PushFilter = {};
  const { sessionId, sdkAppId, action, outcome, limit } = query;
  if (sessionId !== undefined) filter.sessionId = sessionId;
  if (sdkAppId !== undefined) filter.sdkAppId = positiveInteger(sdkAppId, 'sdkAppId');
  if (action !== undefined) {
    if (!(ACTIONS as readonly string[]).includes(action)) {
      throw new ControlInputError(
        'invalid_field',
        `action must be one of ${ACTIONS.join(', ')} (got ${quote(action)}).`,
      );
    }
    filter.action = action as PushAction;
  }
  if (outcome !== undefined) {
    if (!(OUTCOMES as readonly string[]).includes(outcome)) {
      throw new ControlInputError(
        'invalid_field',
        `outcome must be one of ${OUTCOMES.join(', ')} (got ${quote(outcome)}).`,
      );
    }
    filter.outcome = outcome as PushOutcome;
  }
  return limit === undefined ? { filter } : { filter, limit: positiveInteger(limit, 'limit') };
}

export function createPushControlRoutes(ctx: MockContext): Hono {
  const app = new Hono();
  app.onError((error, c) => {
    if (error instanceof ControlInputError) {
      return c.json(
        {
          error: {
            code: error.code,
            message: error.message,
            ...(error.problems ? { problems: error.problems } : {}),
          },
        },
        error.status,
      );
    }
    throw error;
  });

  const appId = (raw: string): number => {
    const sdkAppId = /^[1-9][0-9]{0,15}$/.test(raw) ? Number(raw) : Number.NaN;
    if (!Number.isSafeInteger(sdkAppId)) {
      throw new ControlInputError(
        'invalid_field',
        `sdkAppId in the path must be a positive integer (got ${quote(raw)}).`,
      );
    }
    if (!ctx.store.apps.get(sdkAppId)) {
      throw new ControlInputError(
        'unknown_app',
        `The mock has no app ${sdkAppId} (apps: ${ctx.store.apps
          .list()
          .map((a) => a.sdkAppId)
          .join(', ')}).`,
        404,
      );
    }
    return sdkAppId;
  };
  const view = (sdkAppId: number) => {
    const config = ctx.store.dataPush.get(sdkAppId);
    return { sdkAppId, dataPush: config ? redactDataPush(config) : null };
  };

  app.get('/data-push', (c) =>
    c.json({ apps: ctx.store.apps.list().map((a) => view(a.sdkAppId)) }),
  );
  app.get('/apps/:sdkAppId/data-push', (c) => c.json(view(appId(c.req.param('sdkAppId')))));
  app.put('/apps/:sdkAppId/data-push', async (c) => {
    const sdkAppId = appId(c.req.param('sdkAppId'));
    const body = await readJsonBody(c.req.raw);
    let config: ReturnType<typeof parseDataPushConfig>;
    try {
      config = parseDataPushConfig(body);
    } catch (error) {
      if (!(error instanceof DataPushConfigError)) throw error;
      throw new ControlInputError(
        'invalid_data_push',
        `The Data Push configuration is invalid: ${error.problems.join('; ')}.`,
        400,
        error.problems,
      );
    }
    ctx.store.dataPush.set(sdkAppId, config);
    return c.json(view(sdkAppId));
  });
  app.delete('/apps/:sdkAppId/data-push', (c) => {
    const sdkAppId = appId(c.req.param('sdkAppId'));
    ctx.store.dataPush.set(sdkAppId, null);
    return c.json(view(sdkAppId));
  });

  app.get('/pushes', (c) => {
    const { filter, limit } = readFilter(c.req.query());
    const all = ctx.store.pushes.list(filter);
    const pushes = limit === undefined ? all : all.slice(-limit);
    return c.json({ pushes, total: all.length, pending: ctx.push.pending });
  });

  return app;
}
