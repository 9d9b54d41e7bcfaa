/**
 * Refuses cross-site state-changing requests to the browser API (CSRF defence in depth, on
 * top of the SameSite session cookie), including DNS rebinding.
 *
 * For every method other than GET/HEAD/OPTIONS:
 * - `Sec-Fetch-Site` (sent by every current browser) must be `same-origin` when present;
 * - `Origin`, when present, must be this server's origin:
 *   - `PUBLIC_ORIGIN` when configured (required in cloud mode, and behind any proxy);
 *   - otherwise only a loopback origin: host name `localhost`, `127.0.0.1` or `[::1]`, on
 *     the port the request arrived at, and equal to the request's own origin. `Host` alone
 *     is not trusted: a DNS-rebinding page at `http://evil.example:8787` resolved to
 *     127.0.0.1 sends matching `Host` and `Origin`, and is refused here.
 * Requests with neither header do not come from a browser (curl, server-to-server) and
 * cannot carry a victim's cookie by accident, so they pass.
 *
 * Mounted on the browser API only (`/api/*`, app.ts): server-to-server routes such as a
 * Data Push receiver are called without a browser and authenticate themselves.
 */
import type { HttpBindings } from '@hono/node-server';
import type { Context, MiddlewareHandler } from 'hono';
import { ProblemError } from '../http/problem.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
export const LOOPBACK_HOSTNAMES: ReadonlySet<string> = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The request's own origin when it is a loopback one on the port the request arrived at;
 * `undefined` otherwise. In-process requests (`app.request`) have no socket: their URL's
 * port is taken as given.
 */
function loopbackOrigin(c: Context): string | undefined {
  const url = new URL(c.req.url);
  if (!LOOPBACK_HOSTNAMES.has(url.hostname)) return undefined;
  const localPort = (c.env as Partial<HttpBindings> | undefined)?.incoming?.socket?.localPort;
  const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
  if (localPort !== undefined && port !== localPort) return undefined;
  return url.origin;
}

export function sameOriginOnly(
  options: { publicOrigin?: string | undefined } = {},
): MiddlewareHandler {
  return async (c, next) => {
    if (SAFE_METHODS.has(c.req.method)) return next();
    const site = c.req.header('sec-fetch-site');
    if (site !== undefined && site !== 'same-origin') {
      throw new ProblemError(
        'cross_site_request',
        `This request came from another site (Sec-Fetch-Site: ${site.slice(0, 20)}); call the API from the console's own origin.`,
      );
    }
    const origin = c.req.header('origin');
    if (origin === undefined && site === undefined) return next();
    const expected = options.publicOrigin ?? loopbackOrigin(c);
    if (expected === undefined) {
      throw new ProblemError(
        'cross_site_request',
        'Without PUBLIC_ORIGIN this server accepts browser requests only from http://localhost, http://127.0.0.1 or http://[::1] on the port it listens on. Set PUBLIC_ORIGIN to the address in the browser.',
      );
    }
    if (origin !== undefined && origin !== expected) {
      throw new ProblemError(
        'cross_site_request',
        `Requests must come from ${expected}. Behind a proxy that changes the host, set PUBLIC_ORIGIN to the address in the browser.`,
      );
    }
    return next();
  };
}
