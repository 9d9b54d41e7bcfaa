/**
 * `CONNECT host:port` asks a proxy for a tunnel. Node hands it to 'connect' listeners and,
 * without one, closes the connection without a word. `refuseConnect` answers
 * `405 Method Not Allowed` with `Allow`, in the server's error shape, then closes.
 */
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { answerAndClose, type LingerOptions, rawAnswer } from './answer.js';
import type { Render, RequestRefusal } from './refusals.js';
import { DEFAULT_ALLOW } from './request-guard.js';

export interface ConnectOptions extends LingerOptions {
  render: Render<RequestRefusal>;
  /** The methods the server does answer (the `Allow` header). */
  allow?: string;
}

export function refuseConnect(server: Server, options: ConnectOptions): void {
  const allow = options.allow ?? DEFAULT_ALLOW;
  server.on('connect', (_request: IncomingMessage, socket: Duplex) => {
    const refusal: RequestRefusal = {
      kind: 'method_not_allowed',
      status: 405,
      method: 'CONNECT',
      allow,
    };
    socket.on('error', () => {}); // a peer that resets while we answer is not our error
    answerAndClose(socket, rawAnswer(405, options.render(refusal), { Allow: allow }), options);
  });
}
