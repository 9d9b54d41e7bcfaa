/**
 * The Node HTTP server around the app, as main.ts runs it and the tests listen with it:
 * - @hono/node-server's listener without its own body cleanup (it gives up on a slow
 *   body after 500 ms and resets the client; @tccc-kit/http-refusals drains instead) and
 *   with problem+json for requests it cannot parse into a `Request`;
 * - malformed HTTP answered as problem+json (http/client-error.ts);
 * - connections tracked for a graceful drain on shutdown (http/connections.ts).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import { answerClientErrors, requestErrorResponse } from './client-error.js';
import { type ConnectionDrain, trackConnections } from './connections.js';

export interface NodeServer {
  server: Server;
  connections: ConnectionDrain;
}

export function createNodeServer(
  fetch: (request: Request, env: unknown) => Response | Promise<Response>,
  options: { idleGraceMs?: number } = {},
): NodeServer {
  const listener = getRequestListener(fetch, {
    autoCleanupIncoming: false,
    // The URL host of an HTTP/1.0 request without Host (old health checkers send those).
    hostname: 'localhost',
    errorHandler: requestErrorResponse,
  });
  const server = createServer();
  const connections = trackConnections(server, options);
  server.on('request', connections.guard(listener));
  answerClientErrors(server);
  return { server, connections };
}

/** Listens on `host:port` (0 = any free port) and resolves with the port. */
export function listenOn(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}
