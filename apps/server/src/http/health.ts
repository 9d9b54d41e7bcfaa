/**
 * GET /healthz: the process is alive (always 200 while it can answer): a liveness probe
 *               that fails would restart the process, which cures nothing here.
 * GET /readyz:  it can do its job now: not shutting down, and TCCC answering its recent
 *               calls (tccc/reachability.ts); else 503 `not_ready` with the reason.
 *               Ready but `degraded` (still 200, with the reason): it serves, with less
 *               than its full function (limits per instance while Redis is down); taking
 *               it out of rotation would not help, since every instance shares the cause.
 * Neither calls anything: a probe every second costs nothing and reaches no one.
 */
import { Hono } from 'hono';
import { ProblemError } from './problem.js';

export interface Readiness {
  /** `undefined` when ready, else why not (shown in the 503 problem; no secrets). */
  check(): Promise<string | undefined>;
  /** Facts added to the /readyz answer, ready or not (e.g. `{tccc: 'reachable'}`). */
  details?(): Record<string, unknown>;
  /** Ready, but with less than its full function: why (shown with a 200), else `undefined`. */
  degraded?(): string | undefined;
}

export function healthRoutes(readiness: Readiness): Hono {
  const routes = new Hono();
  routes.get('/healthz', (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json({ status: 'ok' });
  });
  routes.get('/readyz', async (c) => {
    const reason = await readiness.check();
    const details = readiness.details?.() ?? {};
    if (reason !== undefined) throw new ProblemError('not_ready', reason, { extensions: details });
    c.header('Cache-Control', 'no-store');
    const degraded = readiness.degraded?.();
    if (degraded !== undefined) return c.json({ status: 'degraded', reason: degraded, ...details });
    return c.json({ status: 'ready', ...details });
  });
  return routes;
}
