/**
 * The mock TCCC behind msw for one test file: the real SDK signs and sends to
 * https://ccc.tencentcloudapi.com and msw hands the request to the mock in-process.
 * `sent()` counts the requests that reached the network layer.
 */
import { createMockTccc, type MockTccc, type MockTcccOptions } from '@tccc-kit/mock-tccc';
import { createTcccHandlers } from '@tccc-kit/mock-tccc/msw';
import { type SetupServer, setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';

export interface MswMock {
  mock: MockTccc;
  network: SetupServer;
  /** Requests sent since the last reset. */
  sent(): number;
}

export function useMswMock(options: MockTcccOptions = {}): MswMock {
  const mock = createMockTccc(options);
  const network = setupServer(...createTcccHandlers(mock));
  let count = 0;
  network.events.on('request:start', () => {
    count += 1;
  });
  beforeAll(() => network.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => {
    network.resetHandlers();
    mock.reset();
    count = 0;
  });
  afterAll(() => {
    network.close();
    mock.close();
  });
  return { mock, network, sent: () => count };
}
