/**
 * Graceful shutdown: on SIGTERM/SIGINT stop accepting connections, let in-flight requests
 * finish, run the cleanups (close the embedded mock), then exit 0. If that takes longer
 * than `timeoutMs`, cut the remaining connections and exit 1. A second signal while
 * draining forces the exit at once.
 */
import type { Server } from 'node:http';
import type { Logger } from './log/logger.js';

export interface ShutdownOptions {
  server: Pick<Server, 'close' | 'closeAllConnections' | 'closeIdleConnections'>;
  /** Run after the server stopped (embedded mock, pools...), in order. */
  cleanups: (() => Promise<void> | void)[];
  /** Called first, so /readyz turns 503 while draining. */
  onDrain?: () => void;
  timeoutMs: number;
  logger: Logger;
  exit: (code: number) => void;
  setTimer?: (fn: () => void, ms: number) => unknown;
}

/** Returns `shutdown(reason)`; the first call drains, a second one forces. */
export function createShutdown(options: ShutdownOptions): (reason: string) => Promise<void> {
  const setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms).unref());
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
    options.logger.info({ reason }, 'shutting down: finishing in-flight requests');
    options.onDrain?.();
    setTimer(
      () => force(`in-flight work did not finish within ${options.timeoutMs} ms`),
      options.timeoutMs,
    );
    draining = (async () => {
      try {
        await new Promise<void>((resolve, reject) => {
          options.server.close((error) => (error ? reject(error) : resolve()));
          options.server.closeIdleConnections();
        });
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
