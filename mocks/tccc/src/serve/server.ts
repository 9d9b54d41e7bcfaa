/**
 * The mock as a real HTTP server on loopback, for the CLI, browser suites and `pnpm start`.
 * Malformed HTTP, refused by Node's parser before the app runs, is answered in the mock's
 * JSON error shape too (client-error.ts).
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Http2Bindings, type HttpBindings, serve } from '@hono/node-server';
import { createMockTccc, type MockTccc, type MockTcccOptions } from '../mock.js';
import { answerClientErrors } from './client-error.js';
import { lingerOnClose } from './linger.js';

export interface MockTcccServerOptions extends MockTcccOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Defaults to 127.0.0.1. */
  host?: string;
  /** Serve an existing mock instead of creating one from the other options. */
  mock?: MockTccc;
}

export interface MockTcccServer {
  /** Origin of the server, e.g. `http://127.0.0.1:4000` (no trailing slash). */
  readonly url: string;
  readonly port: number;
  readonly mock: MockTccc;
  /** The secret /__tccc/ requests carry in X-TCCC-Control-Token (`mock.controlToken`). */
  readonly controlToken: string;
  /** Stop listening, end held (hung) requests and open connections. */
  close(): Promise<void>;
}

function formatHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

export async function startMockTcccServer(
  options: MockTcccServerOptions = {},
): Promise<MockTcccServer> {
  const { port = 0, host = '127.0.0.1', mock: givenMock, ...mockOptions } = options;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new RangeError(`port must be an integer from 0 to 65535 (got ${port})`);
  }
  const mock = givenMock ?? createMockTccc(mockOptions);

  const server = serve({
    hostname: host,
    port,
    fetch: async (request: Request, env: HttpBindings | Http2Bindings) => {
      const response = await mock.fetch(request, env);
      if (response.type === 'error') {
        // A fault rule asked for a network error: drop the connection without answering.
        env.incoming.socket?.destroy();
      }
      return response.type === 'error' ? new Response(null) : response;
    },
  }) as Server;
  answerClientErrors(server);
  // Answers that go out before the request body was read (a body over a cap) reach the client.
  lingerOnClose(server);

  await new Promise<void>((resolve, reject) => {
    if (server.listening) return resolve();
    server.once('listening', () => resolve());
    server.once('error', reject);
  });
  const address = server.address() as AddressInfo;
  const url = `http://${formatHost(host)}:${address.port}`;

  let closing: Promise<void> | undefined;
  return {
    url,
    port: address.port,
    mock,
    controlToken: mock.controlToken,
    close() {
      closing ??= new Promise<void>((resolve, reject) => {
        mock.close();
        server.close((error) => (error ? reject(error) : resolve()));
        if ('closeAllConnections' in server) server.closeAllConnections();
      });
      return closing;
    },
  };
}
