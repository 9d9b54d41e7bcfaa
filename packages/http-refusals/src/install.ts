/**
 * Everything in this package on one server, in one call.
 */
import type { RequestListener, Server } from 'node:http';
import type { LingerOptions } from './answer.js';
import { answerClientErrors } from './client-errors.js';
import { refuseConnect } from './connect.js';
import { drainUnreadBodies } from './drain.js';
import { answerExpectations } from './expectations.js';
import type { Render } from './refusals.js';
import { guardRequests } from './request-guard.js';

export interface MalformedHttpOptions extends LingerOptions {
  /** The body of every refusal, in the server's error shape. */
  render: Render;
  /** Methods the server answers, for `Allow` on CONNECT and `OPTIONS *`. */
  allow?: string;
}

/**
 * Installs on `server`: parser refusals (answerClientErrors), the request guard around
 * the request listeners already attached (guardRequests; `requireHostHeader` turned off so
 * a missing Host reaches it), `Expect` handling (answerExpectations), CONNECT refused
 * (refuseConnect) and bounded draining of unread bodies (drainUnreadBodies). Call it
 * after the request listener is attached (`serve()`, `createServer(listener)` do at once).
 */
export function answerMalformedHttp(server: Server, options: MalformedHttpOptions): void {
  // Node's own answer to a missing Host is a bare 400: let the guard answer instead.
  (server as Server & { requireHostHeader: boolean }).requireHostHeader = false;
  const listeners = server.listeners('request') as RequestListener[];
  server.removeAllListeners('request');
  server.on(
    'request',
    guardRequests(
      function all(this: unknown, request, response) {
        for (const listener of listeners) listener.call(this, request, response);
      },
      { render: options.render, ...(options.allow ? { allow: options.allow } : {}) },
    ),
  );
  answerClientErrors(server, options);
  answerExpectations(server, options);
  refuseConnect(server, options);
  drainUnreadBodies(server, options);
}
