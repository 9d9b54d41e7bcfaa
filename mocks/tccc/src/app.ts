/**
 * createMockApp: the one Hono app that is the whole mock: cloud API at `/`, SDK host under
 * `/sdk`, control plane under `/__tccc`. Every mode (in-process fetch, msw, standalone
 * server) calls this app's fetch.
 */
import { Hono } from 'hono';
import { errorEnvelope } from './api/envelope.js';
import { TcccErrorCode } from './api/errors.js';
import { createCloudApiRoutes } from './api/index.js';
import type { RateLimiter } from './api/rate-limit.js';
import type { MockContext } from './context.js';
import {
  type ControlOperations,
  type ControlPlaneOptions,
  createControlPlane,
} from './control/index.js';
import { excerpt, quote } from './quote.js';
import { createSdkRoutes } from './sdk/routes.js';
import type { SdkRuntime } from './sdk/runtime.js';

export interface MockAppParts {
  rateLimiter: RateLimiter;
  sdk: SdkRuntime;
  control: ControlOperations;
  controlPlane: ControlPlaneOptions;
}

export function createMockApp(ctx: MockContext, parts: MockAppParts): Hono {
  const app = new Hono();

  app.route('/__tccc', createControlPlane(ctx, parts.sdk, parts.control, parts.controlPlane));
  app.route('/sdk', createSdkRoutes(ctx, parts.sdk));
  app.route('/', createCloudApiRoutes(ctx, { rateLimiter: parts.rateLimiter, calls: parts.sdk }));

  app.notFound((c) =>
    c.json(
      {
        error: {
          code: 'not_found',
          message: `No route for ${excerpt(c.req.method)} ${quote(new URL(c.req.url).pathname)}. The mock TCCC serves the cloud API at /, the SDK under /sdk/ and its control plane under /__tccc/.`,
        },
      },
      404,
    ),
  );

  app.onError((error, c) => {
    // A bug in the mock, not the caller's fault: say so on stderr without echoing request data.
    console.error('mock TCCC: unexpected error:', error);
    if (new URL(c.req.url).pathname === '/') {
      return errorEnvelope(TcccErrorCode.InternalError, 'Internal error in the mock TCCC.', {
        requestId: ctx.newId(),
        traceId: c.req.header('x-tc-traceid'),
      });
    }
    return c.json(
      { error: { code: 'internal_error', message: 'Internal error in the mock TCCC.' } },
      500,
    );
  });

  return app;
}
