/**
 * The one Hono app that is the whole mock: cloud API at `/`, SDK host under `/sdk`,
 * control plane under `/__tccc`. Every mode (in-process fetch, msw, standalone server)
 * calls this app's fetch.
 */
import { Hono } from 'hono';
import { errorEnvelope } from './api/envelope.js';
import { TcccErrorCode } from './api/errors.js';
import { type CloudApiDeps, createCloudApiRoutes } from './api/index.js';
import type { MockContext } from './context.js';
import { type ControlOperations, controlBodyLimit, createControlRoutes } from './control.js';
import { excerpt, quote } from './quote.js';
import { createSdkControlRoutes, createSdkRoutes } from './sdk/index.js';

export function createApp(ctx: MockContext, deps: CloudApiDeps, ops: ControlOperations): Hono {
  const app = new Hono();

  // One cap for every control route, the SDK half's included, enforced while reading.
  app.use('/__tccc/*', controlBodyLimit());
  app.route('/__tccc', createControlRoutes(ctx, ops));
  app.route('/__tccc', createSdkControlRoutes(ctx));
  app.route('/sdk', createSdkRoutes(ctx));
  app.route('/', createCloudApiRoutes(ctx, deps));

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
    // A bug in the mock, not the caller's fault: say so without echoing request data.
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
