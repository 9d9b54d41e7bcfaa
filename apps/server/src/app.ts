/**
 * createApp(deps): the whole HTTP surface of the demo backend, with no port and no
 * process state, so tests drive it in-process with `app.request()` and main.ts only
 * has to listen.
 *
 *   GET  /healthz, /readyz                      health (http/health.ts)
 *   POST|GET|DELETE /api/session                sign-in (auth/routes.ts)
 *   POST /api/tccc/sdk-url                      one-time SDK URL (tccc/routes.ts)
 *   GET  /api/calls                             the agent's call history (records/calls-routes.ts)
 *   GET  /api/config, /api/callers/:phone,
 *        /api/transfer-targets                  what the console asks (console/routes.ts)
 *   POST /tccc/push, /tccc/push/token           TCCC Data Push receiver (push/routes.ts)
 *   GET  everything else                        the built console (web/web-app.ts)
 *
 * Around them: request ids, one structured log line per request, security headers with a
 * per-request CSP nonce, and problem+json for every error (http/problem.ts). The browser
 * API (`/api/*`) also gets the same-origin check and the 16 KB body limit.
 *
 * Where new routes go: browser routes under `/api` (they inherit both checks);
 * server-to-server routes (a Data Push receiver at `/tccc/push`, say) outside `/api`, with
 * their own authentication and body limit, since no browser calls them and the
 * same-origin check would refuse nothing useful there. Mount them with `app.route()`
 * before the console (`webApp`), which answers every other GET.
 */
import { Hono } from 'hono';
import { methodNotAllowed } from 'hono/method-not-allowed';
import type { Authenticator } from './auth/authenticator.js';
import { createLocalRevocations, type SessionRevocations } from './auth/revocations.js';
import { sessionRoutes } from './auth/routes.js';
import { createSessionTokens } from './auth/session-token.js';
import { createSessions } from './auth/sessions.js';
import { createLocalSignInThrottle, type SignInThrottle } from './auth/sign-in-throttle.js';
import { type ConsoleDeps, consoleRoutes } from './console/routes.js';
import { bodyLimit } from './http/body-limit.js';
import { clientAddressOf, NO_TRUSTED_PROXIES, type TrustedProxies } from './http/client-address.js';
import { clientGone } from './http/client-gone.js';
import { healthRoutes, type Readiness } from './http/health.js';
import { PROBLEMS, ProblemError, problem, problemResponse } from './http/problem.js';
import { type RequestIdVariables, requestId } from './http/request-id.js';
import type { Logger } from './log/logger.js';
import type { PushAuth } from './push/auth.js';
import type { StoredPush } from './push/receiver.js';
import { pushRoutes } from './push/routes.js';
import { callsRoutes } from './records/calls-routes.js';
import type { CallRecordStore } from './records/store.js';
import { securityHeaders } from './security/csp.js';
import { createKeyedRateLimiter, type KeyedRateLimiter } from './security/rate-limit.js';
import { sameOriginOnly } from './security/same-origin.js';
import { type SdkUrlIssuer, tcccRoutes } from './tccc/routes.js';
import { webApp } from './web/web-app.js';

export const API_BODY_LIMIT_BYTES = 16 * 1024;

export interface AppDeps {
  /** Mints SDK URLs: a `@tccc-kit/tccc-client` TcccClient. */
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
  /** The origin browsers use (required behind a proxy, and with a real TCCC). */
  publicOrigin?: string | undefined;
  /** Proxies whose `X-Forwarded-For` names the client (default: none; http/client-address.ts). */
  trustedProxies?: TrustedProxies;
  /** SDK URLs one user may request per minute (default 10). */
  sdkUrlRateLimitPerMinute?: number;
  /** Call records: the Data Push receiver and GET /api/calls; omit to serve neither. */
  records?: RecordsDeps;
  /**
   * Shared state, in this process unless given: pass implementations on a shared store
   * (Redis...) to run several instances. Each seam's methods may be async.
   */
  stores?: {
    /** Failed sign-ins per client and account (auth/sign-in-throttle.ts). */
    signInThrottle?: SignInThrottle;
    /** SDK URLs per user (security/rate-limit.ts). */
    sdkUrlLimiter?: KeyedRateLimiter;
    /** Sessions ended by sign-out (auth/revocations.ts). */
    revocations?: SessionRevocations;
    /** Data Push and token requests per source address (push/routes.ts). */
    pushLimiter?: KeyedRateLimiter;
  };
  /** The console's own routes (mode, screen pop, transfer targets); omit to serve none. */
  console?: ConsoleDeps;
  /** Time source in ms for sessions, rate limits and durations (default Date.now). */
  now?: () => number;
}

export interface RecordsDeps {
  store: CallRecordStore;
  /** How pushes authenticate (push/auth.ts). */
  pushAuth: PushAuth;
  /** The app's SdkAppId: pushes naming another app are refused. */
  sdkAppId?: number | undefined;
  /** Pushes and token requests one source address may send per minute (default 6000). */
  pushRateLimitPerMinute?: number;
  /** Told of each stored push (before it is acknowledged). */
  onStored?: (push: StoredPush) => void;
}

type Env = { Variables: RequestIdVariables };

export function createApp(deps: AppDeps): Hono<Env> {
  const now = deps.now ?? Date.now;
  const app = new Hono<Env>();
  const proxies = deps.trustedProxies ?? NO_TRUSTED_PROXIES;

  const sessions = createSessions({
    tokens: createSessionTokens({
      secret: deps.sessionSecret,
      ttlSeconds: deps.sessionTtlSeconds,
      now,
    }),
    authenticator: deps.authenticator,
    revocations:
      deps.stores?.revocations ??
      createLocalRevocations({ sessionTtlSeconds: deps.sessionTtlSeconds, now }),
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
  // Server to server, outside /api: its own auth, body limit and per-source rate limit.
  if (deps.records) {
    app.route(
      '/tccc/push',
      pushRoutes({
        store: deps.records.store,
        auth: deps.records.pushAuth,
        sdkAppId: deps.records.sdkAppId,
        onStored: deps.records.onStored,
        logger: deps.logger,
        limiter:
          deps.stores?.pushLimiter ??
          createKeyedRateLimiter({
            limit: deps.records.pushRateLimitPerMinute ?? 6_000,
            windowMs: 60_000,
            now,
          }),
        sourceOf: (c) => clientAddressOf(c, proxies),
      }),
    );
  }
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

  // The browser API: same-origin requests only, small bodies.
  app.use('/api/*', sameOriginOnly({ publicOrigin: deps.publicOrigin }));
  app.use('/api/*', bodyLimit(API_BODY_LIMIT_BYTES));

  app.route('/', healthRoutes(deps.readiness));
  app.route(
    '/api/session',
    sessionRoutes({
      authenticator: deps.authenticator,
      sessions,
      throttle: deps.stores?.signInThrottle ?? createLocalSignInThrottle(undefined, now),
      clientAddress: (c) => clientAddressOf(c, proxies),
    }),
  );
  app.route(
    '/api/tccc',
    tcccRoutes({
      issuer: deps.issuer,
      authenticator: deps.authenticator,
      sessions,
      limiter:
        deps.stores?.sdkUrlLimiter ??
        createKeyedRateLimiter({
          limit: deps.sdkUrlRateLimitPerMinute ?? 10,
          windowMs: 60_000,
          now,
        }),
    }),
  );
  if (deps.records) {
    app.route(
      '/api/calls',
      callsRoutes({ store: deps.records.store, authenticator: deps.authenticator, sessions }),
    );
  }
  if (deps.console) {
    app.route(
      '/api',
      consoleRoutes({
        callHistory: deps.records !== undefined,
        ...deps.console,
        sessions,
        authenticator: deps.authenticator,
      }),
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
      // A 503 from /readyz is the probe's expected answer while not ready, not a failure.
      if (error.problem.status >= 500 && error.problem.code !== 'not_ready') {
        deps.logger.error(
          { requestId: requestIdValue, code: error.problem.code, err: error.cause ?? error },
          error.problem.title,
        );
      }
      return problemResponse(c, error.problem, error.headers);
    }
    if (clientGone(c)) {
      // The client closed the connection, or sent a body the HTTP parser refused (answered
      // by http-refusals before this): its mistake, not a bug. The request log has the 499.
      return problemResponse(
        c,
        problem('client_closed_request', 'The request ended before its body arrived in full.'),
      );
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
