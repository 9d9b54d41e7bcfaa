/**
 * createApp(deps): the whole HTTP surface of the demo backend, with no port and no
 * process state, so tests drive it in-process with `app.request()` and main.ts only
 * has to listen.
 *
 *   GET  /healthz, /readyz                      health (http/health.ts)
 *   POST|GET|DELETE /api/session                sign-in (auth/routes.ts)
 *   POST /api/tccc/sdk-url                      one-time SDK URL (tccc/routes.ts)
 *   GET  /api/config, /api/callers/:phone,
 *        /api/transfer-targets                  what the console asks (console/routes.ts)
 *   GET  everything else                        the built console (web/web-app.ts)
 *
 * Around them: request ids, one structured log line per request, security headers with a
 * per-request CSP nonce, same-origin checks on state-changing methods, a 16 KB body limit
 * on the API, and problem+json for every error (http/problem.ts).
 */
import { Hono } from 'hono';
import { methodNotAllowed } from 'hono/method-not-allowed';
import { requestId } from 'hono/request-id';
import type { Authenticator } from './auth/authenticator.js';
import { sessionRoutes } from './auth/routes.js';
import { createSessionTokens } from './auth/session-token.js';
import { createSessions } from './auth/sessions.js';
import { type ConsoleDeps, consoleRoutes } from './console/routes.js';
import { bodyLimit } from './http/body-limit.js';
import { healthRoutes, type Readiness } from './http/health.js';
import { PROBLEMS, ProblemError, problem, problemResponse } from './http/problem.js';
import type { Logger } from './log/logger.js';
import { securityHeaders } from './security/csp.js';
import { createRateLimiter } from './security/rate-limit.js';
import { sameOriginOnly } from './security/same-origin.js';
import { type SdkUrlIssuer, tcccRoutes } from './tccc/routes.js';
import { webApp } from './web/web-app.js';

export const API_BODY_LIMIT_BYTES = 16 * 1024;
const SIGN_IN_ATTEMPTS_PER_MINUTE = 10;

export interface AppDeps {
  /** Mints SDK URLs: a `@tccc-kit/tccc-client` TokenClient. */
  issuer: SdkUrlIssuer;
  /** Who may sign in and which seat they get (auth/authenticator.ts). */
  authenticator: Authenticator;
  readiness: Readiness;
  logger: Logger;
  /** HMAC key of the session cookie (at least 32 characters). */
  sessionSecret: string;
  sessionTtlSeconds: number;
  /** CSP sources the TCCC SDK needs (script, connect, media, ...). */
  cspSdkSources: readonly string[];
  /** The built console; omit for an API-only server. */
  webDistDir?: string | undefined;
  /** The origin browsers use, when a proxy rewrites Host or terminates TLS. */
  publicOrigin?: string | undefined;
  /** SDK URLs one user may request per minute (default 10). */
  sdkUrlRateLimitPerMinute?: number;
  /** The console's own routes (mode, screen pop, transfer targets); omit to serve none. */
  console?: ConsoleDeps;
  /** Time source in ms for sessions, rate limits and durations (default Date.now). */
  now?: () => number;
}

type Env = { Variables: { requestId: string } };

export function createApp(deps: AppDeps): Hono<Env> {
  const now = deps.now ?? Date.now;
  const app = new Hono<Env>();

  const sessions = createSessions({
    tokens: createSessionTokens({
      secret: deps.sessionSecret,
      ttlSeconds: deps.sessionTtlSeconds,
      now,
    }),
    authenticator: deps.authenticator,
    ttlSeconds: deps.sessionTtlSeconds,
    publicOrigin: deps.publicOrigin,
  });

  app.use(requestId());
  app.use(async (c, next) => {
    const started = now();
    await next();
    if (!deps.logger.isLevelEnabled('info')) return;
    deps.logger.info(
      {
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        ms: now() - started,
        requestId: c.get('requestId'),
      },
      'request',
    );
  });
  app.use(securityHeaders(deps.cspSdkSources));
  app.use(sameOriginOnly({ publicOrigin: deps.publicOrigin }));
  app.use(
    methodNotAllowed({
      app,
      onMethodNotAllowed: (c, methods) =>
        problemResponse(
          c,
          problem(
            'method_not_allowed',
            `${c.req.method} is not allowed here; use ${methods.join(', ')}.`,
          ),
          { Allow: methods.join(', ') },
        ),
    }),
  );
  app.use('/api/*', bodyLimit(API_BODY_LIMIT_BYTES));

  app.route('/', healthRoutes(deps.readiness));
  app.route(
    '/api/session',
    sessionRoutes({
      authenticator: deps.authenticator,
      sessions,
      signInLimiter: createRateLimiter({
        limit: SIGN_IN_ATTEMPTS_PER_MINUTE,
        windowMs: 60_000,
        now,
      }),
    }),
  );
  app.route(
    '/api/tccc',
    tcccRoutes({
      issuer: deps.issuer,
      authenticator: deps.authenticator,
      sessions,
      limiter: createRateLimiter({
        limit: deps.sdkUrlRateLimitPerMinute ?? 10,
        windowMs: 60_000,
        now,
      }),
    }),
  );
  if (deps.console) {
    app.route(
      '/api',
      consoleRoutes({ ...deps.console, sessions, authenticator: deps.authenticator }),
    );
  }
  if (deps.webDistDir !== undefined) app.use(webApp({ distDir: deps.webDistDir }));

  app.notFound((c) =>
    problemResponse(
      c,
      problem('not_found', `Nothing at ${c.req.method} ${c.req.path.slice(0, 200)}.`),
    ),
  );

  app.onError((error, c) => {
    const requestIdValue = c.get('requestId');
    if (error instanceof ProblemError) {
      if (error.problem.status >= 500) {
        deps.logger.error(
          { requestId: requestIdValue, code: error.problem.code, err: error.cause ?? error },
          error.problem.title,
        );
      }
      return problemResponse(c, error.problem, error.headers);
    }
    deps.logger.error({ requestId: requestIdValue, err: error }, 'unhandled error');
    const { title } = PROBLEMS.internal_error;
    return problemResponse(
      c,
      problem('internal_error', `${title}. Quote request id ${requestIdValue} to the operator.`),
    );
  });

  return app;
}
