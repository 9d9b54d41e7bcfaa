/**
 * Child process: a mock TCCC (options as JSON in argv[2]) that also counts what TCCC would
 * see: when each cloud API request arrived and how many it answered RequestLimitExceeded.
 * Reports `{ url, controlToken }` over IPC once listening; answers the IPC message
 * `counts` with `{ arrivals, limited }` (arrival times in ms since the last `reset`) and
 * `reset` by forgetting the counts and resetting the mock. Closes on SIGTERM.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createMockTccc, type MockTcccConfig } from '@tccc-kit/mock-tccc';

export interface MockCounts {
  /** ms since the last reset, one per cloud API request, in arrival order. */
  arrivals: number[];
  /** Requests answered RequestLimitExceeded. */
  limited: number;
}

const mock = createMockTccc(JSON.parse(process.argv[2] ?? '{}') as MockTcccConfig);
let since = performance.now();
let counts: MockCounts = { arrivals: [], limited: 0 };

const server = serve({
  hostname: '127.0.0.1',
  port: 0,
  fetch: async (request: Request) => {
    const isCloudApi = request.headers.has('x-tc-action');
    const at = performance.now() - since;
    const response = await mock.fetch(request);
    if (isCloudApi) {
      counts.arrivals.push(at);
      if ((await response.clone().text()).includes('"RequestLimitExceeded')) counts.limited += 1;
    }
    return response;
  },
}) as Server;
server.once('listening', () => {
  const { port } = server.address() as AddressInfo;
  process.send?.({ url: `http://127.0.0.1:${port}`, controlToken: mock.controlToken });
});
process.on('message', (message) => {
  if (message === 'counts') process.send?.({ counts });
  if (message === 'reset') {
    mock.reset();
    counts = { arrivals: [], limited: 0 };
    since = performance.now();
    process.send?.({ reset: true });
  }
});
process.once('SIGTERM', () => {
  mock.close();
  server.close(() => process.exit(0));
  server.closeAllConnections();
});
