/**
 * msw handlers that answer TCCC's cloud API hosts in-process with the mock's Hono app.
 * The request keeps its real hostname, so the SDK signs service `ccc` as in production.
 *
 *   const mock = createMockTccc();
 *   const server = setupServer(...createTcccHandlers(mock));
 *   server.listen();
 */
import { http } from 'msw';
import type { MockTccc } from '../mock.js';

export interface TcccHandlersOptions {
  /**
   * Extra host names to answer besides ccc.tencentcloudapi.com, ccc.intl.tencentcloudapi.com
   * and region hosts ccc.<region>.tencentcloudapi.com.
   */
  hosts?: string[];
}

const TCCC_HOSTS = /^ccc(\.intl|\.[a-z]{2,}-[a-z]+(-\d+)?)?\.tencentcloudapi\.com$/;

/** Whether msw should hand this URL to the mock. */
export function isTcccHost(hostname: string, extraHosts: readonly string[] = []): boolean {
  return TCCC_HOSTS.test(hostname) || extraHosts.includes(hostname);
}

export function createTcccHandlers(mock: MockTccc, options: TcccHandlersOptions = {}) {
  const extra = options.hosts ?? [];
  return [
    // Response.error() from the app (a `drop` fault, a released `hang`) passes through
    // as a network error.
    http.all(
      ({ request }) => isTcccHost(new URL(request.url).hostname, extra),
      ({ request }) => mock.fetch(request),
    ),
  ];
}
