/**
 * GET /healthz: the process is alive (always 200 while it can answer).
 * GET /readyz:  it can do its job: TCCC reachable (embedded mock answering, or a valid
 *               cloud configuration) and not shutting down; else 503 `not_ready`.
 */
import { Hono } from 'hono';
import { ProblemError } from './problem.js';

export interface Readiness {
  /** `undefined` when ready, else why not (shown in the 503 problem; no secrets). */
  check(): Promise<string | undefined>;
}

export function healthRoutes(readiness: Readiness): Hono {
  const routes = new Hono();
  routes.get('/healthz', (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json({ status: 'ok' });
  });
  routes.get('/readyz', async (c) => {
    const reason = await readiness.check();
    if (reason !== undefined) throw new ProblemError('not_ready', reason);
    c.header('Cache-Control', 'no-store');
    return c.json({ status: 'ready' });
  });
  return routes;
}
