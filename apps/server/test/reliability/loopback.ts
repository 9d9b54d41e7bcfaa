/**
 * Reliability-suite wiring: an app listening on a real loopback socket (port 0) through
 * the production Node server (src/http/node-server.ts: malformed HTTP answered as
 * problem+json, bodies drained, connections tracked). Requests that fetch refuses to send
 * (CRLF in header values, unnormalised paths such as `/../`, invalid bytes) go through the
 * mock's raw HTTP/1.1 client, re-exported here.
 */
import { request as httpRequest } from 'node:http';
import { createNodeServer, listenOn } from '../../src/http/node-server.js';

export interface Listening {
  /** e.g. http://127.0.0.1:41234 */
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

export async function listen(
  fetch: (request: Request, env: unknown) => Response | Promise<Response>,
) {
  const { server } = createNodeServer(fetch);
  const port = await listenOn(server, 0, '127.0.0.1');
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  } satisfies Listening;
}

export { type RawAnswer, rawRequest } from '@tccc-kit/mock-tccc/testing';

/** An answer read in full: status, headers (lower-case names) and body text. */
export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/**
 * One request from a chosen loopback source address (`127.0.0.2`, `127.0.0.3`, ...: Linux
 * routes all of 127.0.0.0/8 to this host), so tests can be several clients at once.
 */
export function requestFrom(
  localAddress: string,
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      url,
      { method: init.method ?? 'GET', headers: init.headers, localAddress, agent: false },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.setTimeout(10_000, () => request.destroy(new Error(`no answer from ${url}`)));
    request.end(init.body);
  });
}
