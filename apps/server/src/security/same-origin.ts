/**
 * Refuses cross-site state-changing requests (CSRF defence in depth, on top of the
 * SameSite session cookie).
 *
 * For every method other than GET/HEAD/OPTIONS:
 * - `Sec-Fetch-Site` (sent by every current browser) must be `same-origin` when present;
 * - `Origin`, when present, must be this server's origin: `PUBLIC_ORIGIN` when configured
 *   (behind a proxy that rewrites Host), else the origin of the request URL.
 * Requests with neither header do not come from a browser (curl, server-to-server) and
 * cannot carry a victim's cookie by accident, so they pass.
 */
import type { MiddlewareHandler } from 'hono';
import { ProblemError } from '../http/problem.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

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
    if (origin !== undefined) {
      const expected = options.publicOrigin ?? new URL(c.req.url).origin;
      if (origin !== expected) {
        throw new ProblemError(
          'cross_site_request',
          `Requests must come from ${expected}. Behind a proxy that changes the host, set PUBLIC_ORIGIN to the address in the browser.`,
        );
      }
    }
    return next();
  };
}
