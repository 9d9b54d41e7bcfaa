/**
 * The Data Push surface, mounted at /tccc/push, outside /api: no browser calls it, so it is
 * not behind the same-origin check; it has its own authentication (auth.ts), its own body
 * limit, and a rate limit per source address.
 *
 *   POST /tccc/push?action=cdr|record|voicemail[&version=1]   receiver.ts
 *   POST /tccc/push/token                                     token-route.ts (OAuth 2.0)
 *
 * Refusals of the receiver are TCCC's `{ErrCode, ErrMsg}` (errors.ts); those of the token
 * endpoint are OAuth's `{error, error_description}` (RFC 6749 §5.2).
 */
import { type Context, Hono } from 'hono';
import { bodyLimit } from '../http/body-limit.js';
import { ProblemError } from '../http/problem.js';
import type { Logger } from '../log/logger.js';
import type { RateLimitResult } from '../security/rate-limit.js';
import type { PushAuth } from './auth.js';
import { PushError, pushErrorResponse } from './errors.js';
import { type ReceiverDeps, receiverHandler } from './receiver.js';
import { OAuthError, oauthErrorResponse, tokenHandler } from './token-route.js';

/** A CDR with many legs and IVR steps is tens of KB; 256 KB leaves room and bounds work. */
export const PUSH_BODY_LIMIT_BYTES = 256 * 1024;
const TOKEN_BODY_LIMIT_BYTES = 4 * 1024;

export interface PushRoutesDeps extends ReceiverDeps {
  auth: PushAuth;
  /** Pushes and token requests per source (the server's keyed limiter seam). */
  limiter: { take(key: string): RateLimitResult | Promise<RateLimitResult> };
  /** The source address a request came from; `undefined` in-process. */
  sourceOf: (c: Context) => string | undefined;
  logger: Logger;
}

export function pushRoutes(deps: PushRoutesDeps): Hono {
  const routes = new Hono();
  const isToken = (c: Context) => c.req.path.endsWith('/token');

  routes.use(async (c, next) => {
    const source = deps.sourceOf(c) ?? 'in-process';
    const limit = await deps.limiter.take(`push:${source}`);
    if (!limit.ok) {
      const headers = { 'Retry-After': String(limit.retryAfterSeconds) };
      const detail = `Too many requests from ${source}; retry in ${limit.retryAfterSeconds} s.`;
      if (isToken(c)) throw new OAuthError('invalid_request', detail, 429, headers);
      throw new PushError('push_rate_limited', detail, { headers });
    }
    return next();
  });
  routes.post('/token', bodyLimit(TOKEN_BODY_LIMIT_BYTES), tokenHandler(deps.auth));
  routes.post('/', bodyLimit(PUSH_BODY_LIMIT_BYTES), receiverHandler(deps));

  routes.onError((error, c) => {
    if (error instanceof OAuthError) return oauthErrorResponse(c, error);
    if (error instanceof PushError) return pushErrorResponse(c, error);
    if (error instanceof ProblemError && error.problem.code === 'payload_too_large') {
      const detail = error.problem.detail;
      return isToken(c)
        ? oauthErrorResponse(c, new OAuthError('invalid_request', detail, 413))
        : pushErrorResponse(c, new PushError('push_payload_too_large', detail));
    }
    deps.logger.error({ event: 'tccc.push.failed', err: error }, 'push request failed');
    return isToken(c)
      ? c.json({ error: 'server_error', error_description: 'The token endpoint failed.' }, 500, {
          'Cache-Control': 'no-store',
        })
      : pushErrorResponse(
          c,
          new PushError('push_store_failed', 'The receiver failed; push again later.'),
        );
  });
  return routes;
}
