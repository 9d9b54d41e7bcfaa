/**
 * Whether the client is gone: it closed the connection, or its request ended before the
 * body arrived in full (for instance a chunked body the HTTP parser refused; the refusal
 * itself is answered by @tccc-kit/http-refusals). A handler failing then failed because of
 * the client, and is not a server error.
 */
import type { HttpBindings } from '@hono/node-server';
import type { Context } from 'hono';

export function clientGone(c: Context): boolean {
  if (c.req.raw.signal.aborted) return true;
  const incoming = (c.env as Partial<HttpBindings> | undefined)?.incoming;
  return incoming?.destroyed === true && !incoming.complete;
}
