/**
 * The request id: one per request, in `c.get('requestId')`, the `X-Request-Id` answer
 * header and every log line about the request.
 *
 * An incoming `X-Request-Id` (set by a load balancer or proxy to correlate its logs with
 * ours) is kept only when it has a bounded, safe form: 1 to 64 characters of letters,
 * digits, `-`, `_`, `.` and `:`, starting with a letter or digit; a UUID, nginx's
 * `$request_id` and the usual trace ids fit. Anything else (too long, spaces, quotes,
 * markup, control or non-ASCII characters) is replaced by a fresh UUID, so a client cannot
 * flood the logs with its own text or write into the answer's headers.
 */
import { randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';

export const REQUEST_ID_HEADER = 'X-Request-Id';
export const SAFE_REQUEST_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/;

export type RequestIdVariables = { requestId: string };

export function requestId(): MiddlewareHandler<{ Variables: RequestIdVariables }> {
  return async (c, next) => {
    const given = c.req.header(REQUEST_ID_HEADER);
    const id = given !== undefined && SAFE_REQUEST_ID.test(given) ? given : randomUUID();
    c.set('requestId', id);
    c.header(REQUEST_ID_HEADER, id);
    await next();
  };
}
