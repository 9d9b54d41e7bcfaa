/**
 * A real mock TCCC on a loopback port that notes when each cloud API request arrives and
 * how it was answered, so tests measure the rate where TCCC would: at the mock.
 * `busiestWindow` counts the most requests within any `windowMs` of arrival times.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createMockTccc, type MockTccc, type MockTcccOptions } from '@tccc-kit/mock-tccc';

export interface Arrival {
  /** performance.now() when the request reached the mock. */
  at: number;
  action: string;
  /** The mock answered RequestLimitExceeded. */
  limited: boolean;
}

export interface CountingMock {
  url: string;
  mock: MockTccc;
  arrivals: Arrival[];
  close(): Promise<void>;
}

export async function startCountingMock(options: MockTcccOptions = {}): Promise<CountingMock> {
  const mock = createMockTccc(options);
  const arrivals: Arrival[] = [];
  const server = serve({
    hostname: '127.0.0.1',
    port: 0,
    fetch: async (request: Request) => {
      const action = request.headers.get('x-tc-action');
      const at = performance.now();
      const response = await mock.fetch(request);
      if (action) {
        const body = await response.clone().text();
        arrivals.push({ at, action, limited: body.includes('RequestLimitExceeded') });
      }
      return response;
    },
  }) as Server;
  await new Promise<void>((resolve) => {
    if (server.listening) resolve();
    else server.once('listening', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    mock,
    arrivals,
    close: () =>
      new Promise((resolve) => {
        mock.close();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** The most arrivals within any `windowMs` (a sliding window, as TCCC counts). */
export function busiestWindow(arrivals: readonly Arrival[], windowMs = 1000): number {
  const times = arrivals.map((arrival) => arrival.at).sort((a, b) => a - b);
  let most = 0;
  let start = 0;
  for (let end = 0; end < times.length; end++) {
    while ((times[end] as number) - (times[start] as number) >= windowMs) start++;
    most = Math.max(most, end - start + 1);
  }
  return most;
}

/** Arrivals per second from the first to the last (0 for fewer than two). */
export function meanRate(arrivals: readonly Arrival[]): number {
  if (arrivals.length < 2) return 0;
  const times = arrivals.map((arrival) => arrival.at);
  const span = Math.max(...times) - Math.min(...times);
  return ((arrivals.length - 1) / span) * 1000;
}
