/**
 * The whole control plane, mounted by app.ts at /__tccc: the guard (control token, JSON
 * bodies, or off), the body cap, the control routes, the SDK half's call routes, CDR history
 * and Data Push (configuration per app, the push journal).
 */
import { Hono } from 'hono';
import type { MockContext } from '../context.js';
import type { SdkRuntime } from '../sdk/runtime.js';
import { controlBodyLimit } from './body.js';
import { createCallControlRoutes } from './calls.js';
import { createCdrControlRoutes } from './cdrs.js';
import { controlGuard } from './guard.js';
import { createPushControlRoutes } from './pushes.js';
import { type ControlOperations, createControlRoutes } from './routes.js';

export { ControlInputError, MAX_CONTROL_BODY_BYTES } from './body.js';
export type { ClockChange, ClockView } from './clock.js';
export { CONTROL_TOKEN_HEADER } from './guard.js';
export type { ControlOperations, MockTcccState } from './routes.js';

export interface ControlPlaneOptions {
  /** The secret every request must carry in X-TCCC-Control-Token. */
  token: string;
  /** False: every /__tccc/ request answers 404 control_plane_off. */
  enabled: boolean;
}

export function createControlPlane(
  ctx: MockContext,
  runtime: SdkRuntime,
  ops: ControlOperations,
  options: ControlPlaneOptions,
): Hono {
  const app = new Hono();
  app.use('*', controlGuard(options));
  // One cap for every control route, the SDK half's included, enforced while reading.
  app.use('*', controlBodyLimit());
  app.route('/', createControlRoutes(ctx, ops));
  app.route('/', createCallControlRoutes(runtime));
  app.route('/', createCdrControlRoutes(ctx));
  app.route('/', createPushControlRoutes(ctx));
  return app;
}
