/**
 * Graceful shutdown, as load balancers expect it. On SIGTERM/SIGINT:
 * 1. readiness turns 503 at once (`onDrain`), while everything else is still served for
 *    `delayMs` (SHUTDOWN_DELAY_MS), so a load balancer polling /readyz stops sending first;
 * 2. the listening socket closes (new connections are refused) and the connections drain
 *    (http/connections.ts): answers in flight finish with `Connection: close`, new
 *    requests on old connections get a clean `503 shutting_down`, idle connections close;
 * 3. once the last connection has closed, the cleanups run (the embedded mock) and the
 *    process exits 0.
 * Nothing in flight is cut before `timeoutMs` (SHUTDOWN_TIMEOUT_MS, counted from the
 * signal); past it, the remaining connections are cut and the exit code is 1. A second
 * signal while draining forces the exit at once.
 */
import { Server as NetServer } from 'node:net';
import type { ConnectionDrain } from './http/connections.js';
import type { Logger } from './log/logger.js';

export interface ShutdownOptions {
  server: Pick<NetServer, 'close'> & { closeAllConnections(): void };
  connections: Pick<ConnectionDrain, 'drain'>;
  /** Run after the last connection closed (embedded mock, pools...), in order. */
  cleanups: (() => Promise<void> | void)[];
  /** Called first, so /readyz turns 503 while draining. */
  onDrain?: () => void;
  /** How long to keep serving, /readyz 503, before draining (default 0). */
  delayMs?: number;
  /** The whole budget from the signal to the exit. */
  timeoutMs: number;
  logger: Logger;
  exit: (code: number) => void;
  setTimer?: (fn: () => void, ms: number) => unknown;
}

/** Returns `shutdown(reason)`; the first call drains, a second one forces. */
export function createShutdown(options: ShutdownOptions): (reason: string) => Promise<void> {
  const setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms).unref());
  const delayMs = options.delayMs ?? 0;
  let draining: Promise<void> | undefined;
  let exited = false;
  const exit = (code: number) => {
    if (exited) return;
    exited = true;
    options.exit(code);
  };
  const force = (why: string) => {
    options.logger.warn({ timeoutMs: options.timeoutMs }, `shutdown forced: ${why}`);
    options.server.closeAllConnections();
    exit(1);
  };

  return (reason) => {
    if (draining) {
      force(`${reason} received again while draining`);
      return draining;
    }
    options.logger.info(
      { reason, delayMs },
      delayMs > 0
        ? `shutting down: /readyz answers 503; draining connections in ${delayMs} ms`
        : 'shutting down: draining connections',
    );
    options.onDrain?.();
    setTimer(
      () => force(`connections did not drain within ${options.timeoutMs} ms`),
      options.timeoutMs,
    );
    draining = (async () => {
      try {
        if (delayMs > 0) await new Promise<void>((resolve) => setTimer(resolve, delayMs));
        // net.Server's close: stop accepting, and nothing else. http.Server's own close()
        // also destroys the connections that look idle at this instant, under a client
        // that may be sending its next request right now: drain() closes those gently.
        const stopped = new Promise<void>((resolve, reject) =>
          NetServer.prototype.close.call(options.server, (error?: Error) =>
            error ? reject(error) : resolve(),
          ),
        );
        await options.connections.drain();
        await stopped;
        for (const cleanup of options.cleanups) await cleanup();
        options.logger.info({}, 'shutdown complete');
        exit(0);
      } catch (error) {
        options.logger.error({ err: error }, 'shutdown failed');
        exit(1);
      }
    })();
    return draining;
  };
}
