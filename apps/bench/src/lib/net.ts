/** Loopback helpers: a free port, and polling until a server answers. */
import { once } from 'node:events';
import { createServer } from 'node:net';

/** A port that was free a moment ago on 127.0.0.1 (for servers that take PORT, not port 0). */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  server.close();
  await once(server, 'close');
  if (port === 0) throw new Error('could not find a free loopback port');
  return port;
}

/**
 * Calls `attempt` every `intervalMs` until it resolves to a value other than `undefined`.
 * Throws (rejects) `attempt`'s errors only when they are not "connection refused" (the server
 * is not listening yet), or after `timeoutMs`.
 */
export async function pollUntil<T>(
  what: string,
  attempt: () => Promise<T | undefined>,
  options: { intervalMs?: number; timeoutMs?: number } = {},
): Promise<T> {
  const intervalMs = options.intervalMs ?? 10;
  const deadline = performance.now() + (options.timeoutMs ?? 30_000);
  for (;;) {
    try {
      const value = await attempt();
      if (value !== undefined) return value;
    } catch (error) {
      if (!isConnectionRefused(error)) throw error;
    }
    if (performance.now() > deadline) throw new Error(`${what}: no answer in time`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

function isConnectionRefused(error: unknown): boolean {
  const cause = (error as { cause?: { code?: string } } | undefined)?.cause;
  return cause?.code === 'ECONNREFUSED' || cause?.code === 'ECONNRESET';
}
