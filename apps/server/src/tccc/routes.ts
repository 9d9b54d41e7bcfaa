/**
 * POST /api/tccc/sdk-url: a fresh one-time TCCC Web SDK URL for the signed-in agent
 * (the integration guide's `/loginTCCC`).
 *
 * The seat comes from the session via `resolveSeat`, never from the request. The body is
 * ignored (empty, or a JSON object). Answers `200 {sdkUrl, expiresAt}` with
 * `Cache-Control: no-store`: the URL is a credential for about ten minutes and must not
 * sit in any cache. Its body is never logged.
 */
import { Hono } from 'hono';
import type { Authenticator } from '../auth/authenticator.js';
import type { Sessions } from '../auth/sessions.js';
import { readJsonBody } from '../http/json-body.js';
import { ProblemError } from '../http/problem.js';
import type { KeyedRateLimiter } from '../security/rate-limit.js';
import { tcccProblem } from './problems.js';

/** What the route needs from `@tccc-kit/tccc-client` (its `TcccClient` fits). */
export interface SdkUrlIssuer {
  createSdkUrl(request: {
    seatUserId: string;
    signal?: AbortSignal;
  }): Promise<{ sdkUrl: string; expiresAt: Date; requestId: string }>;
}

export function tcccRoutes(deps: {
  issuer: SdkUrlIssuer;
  authenticator: Authenticator;
  sessions: Sessions;
  /** SDK URLs per user. */
  limiter: KeyedRateLimiter;
}): Hono {
  const routes = new Hono();

  routes.post('/sdk-url', async (c) => {
    const user = await deps.sessions.current(c);
    if (!user) throw new ProblemError('not_signed_in', 'Sign in before asking for an SDK URL.');
    await readJsonBody(c, { optional: true });

    const limit = await deps.limiter.take(user.email);
    if (!limit.ok) {
      throw new ProblemError(
        'rate_limited',
        `Too many SDK URLs requested; try again in ${limit.retryAfterSeconds} s. (The SDK needs a new URL only when it starts.)`,
        { headers: { 'Retry-After': String(limit.retryAfterSeconds) } },
      );
    }

    const seatUserId = await deps.authenticator.resolveSeat(user);
    if (!seatUserId) {
      throw new ProblemError(
        'no_seat',
        'Your account is not linked to a TCCC agent seat; ask the operator.',
      );
    }

    let issued: Awaited<ReturnType<SdkUrlIssuer['createSdkUrl']>>;
    try {
      issued = await deps.issuer.createSdkUrl({ seatUserId, signal: c.req.raw.signal });
    } catch (error) {
      throw tcccProblem(error);
    }
    c.header('Cache-Control', 'no-store');
    return c.json({ sdkUrl: issued.sdkUrl, expiresAt: issued.expiresAt.toISOString() });
  });

  return routes;
}
