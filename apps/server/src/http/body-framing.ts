/**
 * What the request's headers already say about its body, so that middleware and handlers
 * can decide without reading it. Reading a body through the Fetch API makes
 * @hono/node-server build a full `Request` with a web stream over the socket, which costs
 * more than the rest of a small API request; most API requests here have no body at all.
 *
 * - `none`: the body is empty. An HTTP/1.x request with neither `Content-Length` nor
 *   `Transfer-Encoding` has no body (RFC 9112 §6.3), and Node's parser enforces that
 *   framing; `Content-Length: 0` means the same everywhere.
 * - `length`: `Content-Length` gives the size, and no `Transfer-Encoding` overrides it.
 *   Node's parser ends the body there, as hono/body-limit also assumes.
 * - `unknown`: chunked, HTTP/2, or a `Request` built in-process (`app.request()`), where
 *   a body may come without either header: only reading it tells its size.
 */
import type { HttpBindings } from '@hono/node-server';
import type { Context } from 'hono';

export type BodyFraming =
  | { kind: 'none' }
  | { kind: 'length'; bytes: number }
  | { kind: 'unknown' };

const NONE: BodyFraming = { kind: 'none' };
const UNKNOWN: BodyFraming = { kind: 'unknown' };
const DIGITS = /^\d{1,15}$/;

export function bodyFraming(c: Context): BodyFraming {
  if (c.req.header('transfer-encoding') !== undefined) return UNKNOWN;
  const contentLength = c.req.header('content-length');
  if (contentLength !== undefined) {
    if (!DIGITS.test(contentLength)) return UNKNOWN;
    const bytes = Number(contentLength);
    return bytes === 0 ? NONE : { kind: 'length', bytes };
  }
  // Only Node's HTTP/1.x parser guarantees "no length header, no body".
  const incoming = (c.env as Partial<HttpBindings> | undefined)?.incoming;
  return incoming?.httpVersionMajor === 1 ? NONE : UNKNOWN;
}
