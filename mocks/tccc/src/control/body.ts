/**
 * Reading control-plane bodies: small JSON objects, capped while read, refused with a 4xx
 * `{"error": {"code", "message"}}` that says what to fix.
 */
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { excerpt } from '../quote.js';
import { isJson, UNSUPPORTED_MEDIA_TYPE } from './guard.js';

export class ControlInputError extends Error {
  override readonly name = 'ControlInputError';
  constructor(
    readonly code: string,
    message: string,
    readonly status: 400 | 404 | 415 = 400,
    /** Every problem, when there are several (a seed with many bad fields). */
    readonly problems?: readonly string[],
  ) {
    super(message);
  }
}

/** The JSON answer to a ControlInputError: `{ error: { code, message, problems? } }`. */
export function controlInputAnswer(error: ControlInputError): Response {
  return Response.json(
    {
      error: {
        code: error.code,
        message: error.message,
        ...(error.problems ? { problems: error.problems } : {}),
      },
    },
    { status: error.status },
  );
}

export const isRecord = (value: unknown): value is Record<string, unknown> =>
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

/** The body as a JSON object; an empty body is `{}`. */
export async function readJsonBody(request: Request): Promise<Record<string, unknown>> {
  const text = await request.text();
  if (text.trim() === '') return {};
  if (!isJson(request.headers.get('content-type') ?? '')) {
    throw new ControlInputError(UNSUPPORTED_MEDIA_TYPE.code, UNSUPPORTED_MEDIA_TYPE.message, 415);
  }
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

export function rejectUnknown(body: Record<string, unknown>, allowed: readonly string[]): void {
  for (const key of Object.keys(body)) {
    if (!allowed.includes(key)) {
      throw new ControlInputError(
        'unknown_field',
        `${excerpt(key)} is not a known field (expected: ${allowed.join(', ')}).`,
      );
    }
  }
}
