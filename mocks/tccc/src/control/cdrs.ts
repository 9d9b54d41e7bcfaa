/**
 * POST /__tccc/cdrs: call history added in bulk, for paging and load tests. Either
 *
 *   {"sdkAppId"?: n, "cdrs": [TelCdrInfo, …]}       records you wrote (the body cap is 64 KiB:
 *                                                   the control client sends big lists in parts)
 *   {"sdkAppId"?: n, "generate": {"count": n, "from"?, "to"?, "seed"?}}
 *                                                   `count` synthetic records (cdr-history.ts)
 *
 * → 201 {inserted, duplicates, total}. Records go in through `store.cdrs.insertMany`, which
 * triggers nothing: history is not pushed to the integrator (only calls that end are). Each
 * given record is checked against TCCC's TelCdrInfo (member names, types, null where allowed;
 * SessionId and StartTimestamp required, StartTimestamp in Unix seconds): 400 `invalid_cdr`
 * with every problem. A SessionId the app already has is skipped and counted as a duplicate.
 */
import { Hono } from 'hono';
import { requireApp } from '../api/actions/checks.js';
import { CloudApiError } from '../api/errors.js';
import { conformProblems } from '../api/spec/conform.js';
import type { MockContext } from '../context.js';
import type { TelCdrInfo } from '../state/tencent-types.js';
import { ControlInputError, isRecord, readJsonBody, rejectUnknown } from './body.js';
import { generateCdrHistory } from './cdr-history.js';

/** The most records one `generate` request makes (about 1 KB of memory each). */
export const MAX_GENERATED_CDRS = 200_000;
const DEFAULT_SPAN_SECONDS = 30 * 86_400;
const MAX_REPORTED_PROBLEMS = 20;

function checkedCdrs(value: unknown): TelCdrInfo[] {
  if (!Array.isArray(value) || value.length === 0) {
    throw new ControlInputError(
      'invalid_field',
      'cdrs must be a non-empty list of TelCdrInfo records.',
    );
  }
  const problems: string[] = [];
  value.forEach((record, i) => {
    if (problems.length >= MAX_REPORTED_PROBLEMS) return;
    const found = conformProblems('TelCdrInfo', record, {
      mode: 'input',
      required: ['SessionId', 'StartTimestamp'],
      maxProblems: MAX_REPORTED_PROBLEMS - problems.length,
    });
    if (found.length === 0) {
      const { SessionId, StartTimestamp } = record as TelCdrInfo;
      if (SessionId === '') found.push('SessionId: must not be empty');
      if (StartTimestamp < 0 || StartTimestamp >= 100_000_000_000) {
        found.push('StartTimestamp: Unix seconds, from 0 (milliseconds are 1000 times too big)');
      }
    }
    problems.push(...found.map((problem) => `cdrs[${i}].${problem}`));
  });
  if (problems.length > 0) {
    throw new ControlInputError(
      'invalid_cdr',
      `Some records do not fit TCCC's TelCdrInfo: ${problems.join('; ')}.`,
      400,
      problems,
    );
  }
  return value as TelCdrInfo[];
}

/** A time given as ISO-8601 text or Unix seconds, as Unix seconds. */
function seconds(value: unknown, name: string): number {
  const parsed =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value)
        ? Math.floor(Date.parse(value) / 1000)
        : Number.NaN;
  if (!Number.isSafeInteger(parsed) || parsed < 0 || parsed >= 100_000_000_000) {
    throw new ControlInputError(
      'invalid_field',
      `generate.${name} must be an ISO-8601 date-time ("2030-01-01T00:00:00Z") or Unix seconds.`,
    );
  }
  return parsed;
}

function generateRequest(value: unknown, nowMs: number) {
  if (!isRecord(value)) {
    throw new ControlInputError(
      'invalid_field',
      'generate must be an object {count, from?, to?, seed?}.',
    );
  }
  rejectUnknown(value, ['count', 'from', 'to', 'seed']);
  const { count } = value;
  if (
    typeof count !== 'number' ||
    !Number.isSafeInteger(count) ||
    count < 1 ||
    count > MAX_GENERATED_CDRS
  ) {
    throw new ControlInputError(
      'invalid_field',
      `generate.count must be an integer from 1 to ${MAX_GENERATED_CDRS}; send several requests for more.`,
    );
  }
  const to = value.to === undefined ? Math.floor(nowMs / 1000) : seconds(value.to, 'to');
  const from = value.from === undefined ? to - DEFAULT_SPAN_SECONDS : seconds(value.from, 'from');
  if (from > to)
    throw new ControlInputError('invalid_field', 'generate.from must not be after generate.to.');
  const seed = value.seed ?? 1;
  if (typeof seed !== 'number' || !Number.isSafeInteger(seed)) {
    throw new ControlInputError('invalid_field', 'generate.seed must be an integer.');
  }
  return { count, from, to, seed };
}

export function createCdrControlRoutes(ctx: MockContext): Hono {
  const app = new Hono();
  app.onError((error, c) => {
    if (error instanceof ControlInputError) {
      const problems = error.problems ? { problems: error.problems } : {};
      return c.json(
        { error: { code: error.code, message: error.message, ...problems } },
        error.status,
      );
    }
    if (error instanceof CloudApiError) {
      return c.json({ error: { code: error.code, message: error.message } }, 400);
    }
    throw error;
  });
  app.post('/cdrs', async (c) => {
    const body = await readJsonBody(c.req.raw);
    rejectUnknown(body, ['sdkAppId', 'cdrs', 'generate']);
    const { sdkAppId: given } = body;
    if (given !== undefined && (typeof given !== 'number' || !Number.isSafeInteger(given))) {
      throw new ControlInputError('invalid_field', 'sdkAppId must be an integer.');
    }
    if ((body.cdrs === undefined) === (body.generate === undefined)) {
      throw new ControlInputError(
        'invalid_field',
        'Send either cdrs (a list of TelCdrInfo records) or generate ({count, from?, to?, seed?}).',
      );
    }
    const sdkAppId = given ?? ctx.store.apps.first()?.sdkAppId ?? 0;
    requireApp(ctx, sdkAppId);
    const records =
      body.cdrs !== undefined
        ? checkedCdrs(body.cdrs)
        : generateCdrHistory(ctx.store, {
            sdkAppId,
            ...generateRequest(body.generate, ctx.clock.now()),
          });
    const inserted = ctx.store.cdrs.insertMany(sdkAppId, records);
    return c.json(
      { inserted, duplicates: records.length - inserted, total: ctx.store.cdrs.count(sdkAppId) },
      201,
    );
  });
  return app;
}
