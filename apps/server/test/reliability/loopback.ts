/**
 * Reliability-suite wiring: an app listening on a real loopback socket (port 0), with
 * malformed HTTP answered as in production (src/http/client-error.ts). Requests that fetch
 * refuses to send (CRLF in header values, unnormalised paths such as `/../`, invalid bytes)
 * go through the mock's raw HTTP/1.1 client, re-exported here.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { answerClientErrors } from '../../src/http/client-error.js';

export interface Listening {
  /** e.g. http://127.0.0.1:41234 */
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

export async function listen(fetch: (request: Request) => Response | Promise<Response>) {
  const server = serve({ fetch, hostname: '127.0.0.1', port: 0 }) as Server;
  answerClientErrors(server);
  await new Promise<void>((resolve, reject) => {
    if (server.listening) return resolve();
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
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
