/**
 * Requests Node's parser accepts but that no application should see, refused before the
 * request listener runs: a missing `Host` on HTTP/1.1 (RFC 9112 §3.2), `Host` given twice
 * or not a host[:port], a backslash in the path (which some software reads as `/`, a path
 * traversal trick), and a request target that is neither a path nor an absolute URL.
 * `OPTIONS *` (the server-wide form) is answered `204` with `Allow`.
 *
 * `guardRequests(listener, { render })` wraps any `(request, response)` listener: Hono's
 * `getRequestListener`, Express, plain node:http. Refusals are answered through the
 * response with the status of the refusal; the connection stays usable (the request was
 * well framed). Node answers a missing Host itself (a bare 400) unless the server was
 * created with `requireHostHeader: false`; `answerMalformedHttp` sets that.
 */
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { isIP } from 'node:net';
import type { Render, RequestRefusal } from './refusals.js';

export interface RequestGuardOptions {
  render: Render<RequestRefusal>;
  /** Methods the server answers, for `OPTIONS *` (default GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS). */
  allow?: string;
}

export const DEFAULT_ALLOW = 'GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS';

const HOST = /^(?:\[([0-9a-f:.]+)\]|([a-z0-9_-]+(?:\.[a-z0-9_-]+)*\.?))(?::(\d{1,5}))?$/i;

/** Why `request` must not reach the application, or `undefined` when it may. */
export function requestRefusal(request: IncomingMessage): RequestRefusal | undefined {
  const hosts = [];
  for (let i = 0; i < request.rawHeaders.length; i += 2) {
    if (request.rawHeaders[i]?.toLowerCase() === 'host') hosts.push(request.rawHeaders[i + 1]);
  }
  const host = hosts[0];
  if (hosts.length > 1) return { kind: 'invalid_host', status: 400, problem: 'duplicate' };
  if (host === undefined) {
    if (request.httpVersion === '1.0') return targetRefusal(request.url ?? '');
    return { kind: 'invalid_host', status: 400, problem: 'missing' };
  }
  const match = HOST.exec(host);
  const port = match?.[3] === undefined ? 0 : Number(match[3]);
  if (!match || (match[1] !== undefined && isIP(match[1]) !== 6) || port > 65535) {
    return { kind: 'invalid_host', status: 400, problem: 'invalid' };
  }
  return targetRefusal(request.url ?? '');
}

function targetRefusal(target: string): RequestRefusal | undefined {
  let path = target;
  if (!target.startsWith('/')) {
    const absolute = /^https?:\/\/[^/?#]*(.*)$/i.exec(target);
    if (!absolute) return { kind: 'invalid_target', status: 400, problem: 'not_a_path' };
    path = absolute[1] ?? '';
  }
  const query = path.indexOf('?');
  if ((query < 0 ? path : path.slice(0, query)).includes('\\')) {
    return { kind: 'invalid_target', status: 400, problem: 'backslash' };
  }
  return undefined;
}

/** Answers `refusal` through `response`, in the server's shape. */
export function answerRefusal(
  response: ServerResponse,
  status: number,
  body: { contentType: string; body: string },
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, {
    'Content-Type': body.contentType,
    'Content-Length': Buffer.byteLength(body.body),
    'Cache-Control': 'no-store',
    ...headers,
  });
  response.end(body.body);
}

/** `listener`, behind the checks above. */
export function guardRequests(
  listener: RequestListener,
  options: RequestGuardOptions,
): RequestListener {
  const allow = options.allow ?? DEFAULT_ALLOW;
  return function guarded(this: unknown, request, response) {
    const refusal = requestRefusal(request);
    if (refusal?.kind === 'invalid_target' && request.url === '*' && request.method === 'OPTIONS') {
      response.writeHead(204, { Allow: allow, 'Cache-Control': 'no-store' });
      response.end();
      return;
    }
    if (refusal) {
      answerRefusal(response, refusal.status, options.render(refusal));
      return;
    }
    return listener.call(this, request, response);
  };
}
