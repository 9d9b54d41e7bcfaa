/**
 * Closed-loop load: `connections` callers, each sending its next request as soon as the
 * previous one is answered, for `durationSeconds`. Two generators with the same shape:
 * autocannon against an HTTP server, and a loop of SDK calls straight to the mock (the
 * floor: what any server has to pay per token).
 *
 * Latencies are kept per request in milliseconds with sub-millisecond precision (from
 * autocannon's `response` event, not its whole-millisecond histogram).
 */
import autocannon from 'autocannon';
import { percentile } from './stats.js';

export interface LoadResult {
  /** Successful (2xx / resolved) answers per second. */
  rps: number;
  p50: number;
  p99: number;
  ok: number;
  /** Non-2xx answers, connection errors and timeouts, or rejected calls. */
  failed: number;
  /**
   * CPU time (user + system, µs) the server process spent during the run, from its own
   * counters (lib/cpu.ts); only for the servers that report it (ours, the minimal server).
   */
  serverCpuMicros?: number;
}

export interface LoadShape {
  connections: number;
  durationSeconds: number;
}

function summarise(latencies: number[], ok: number, failed: number, seconds: number) {
  return {
    rps: ok / seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    ok,
    failed,
  };
}

export function loadHttp(
  target: { url: string; method: 'GET' | 'POST'; headers?: Record<string, string> },
  shape: LoadShape,
): Promise<LoadResult> {
  const latencies: number[] = [];
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: target.url,
        method: target.method,
        headers: target.headers ?? {},
        connections: shape.connections,
        duration: shape.durationSeconds,
        timeout: 10,
      },
      (error, result) => {
        if (error) return reject(error);
        const failed = result.non2xx + result.errors;
        resolve(summarise(latencies, result['2xx'], failed, result.duration));
      },
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
    });
  });
}

/** Runs `call` in `connections` concurrent loops for the duration. */
export async function loadCalls(
  call: () => Promise<unknown>,
  shape: LoadShape,
): Promise<LoadResult> {
  const latencies: number[] = [];
  let failed = 0;
  const started = performance.now();
  const endAt = started + shape.durationSeconds * 1000;
  const loop = async () => {
    while (performance.now() < endAt) {
      const t0 = performance.now();
      try {
        await call();
        latencies.push(performance.now() - t0);
      } catch {
        failed++;
      }
    }
  };
  await Promise.all(Array.from({ length: shape.connections }, loop));
  const seconds = (performance.now() - started) / 1000;
  return summarise(latencies, latencies.length, failed, seconds);
}
