/**
 * What Node's HTTP parser refuses, answered in the server's own error shape.
 *
 * Node's parser refuses some bytes before any app runs: a bad request line, CR/LF/NUL in a
 * header value, Content-Length with Transfer-Encoding, headers over the size limit, a
 * request that arrives too slowly; and some in the middle of a body (a chunk size that
 * overflows, a chunk extension too long, a Transfer-Encoding other than chunked). Node
 * would write a bare 400/408/431, or close without a word. `answerClientErrors(server,
 * { render })` answers them instead, with the body `render` makes:
 *
 *   431 headers_too_large            HPE_HEADER_OVERFLOW (request line + headers over the limit)
 *   413 chunk_extensions_too_large   HPE_CHUNK_EXTENSIONS_OVERFLOW
 *   408 request_timeout              ERR_HTTP_REQUEST_TIMEOUT (requestTimeout/headersTimeout)
 *   400 malformed_request            anything else the parser refuses (`parserCode`)
 *
 * Always with `Connection: close` (the parser cannot resynchronise after an error), then a
 * lingering close (answer.ts). When to answer follows Node's own rule (docs of the
 * 'clientError' event): nothing is written when the peer reset the connection or the
 * socket is no longer writable, or when a response is in flight that is not the refused
 * request's own (a pipelined or held earlier request: a status line written there would
 * be read as that response); the socket is closed instead. A body refused mid-way is the
 * request's own: it is answered if its response has not started, and the application's
 * handler, still waiting for the body, sees the request end when the socket closes.
 */
import {
  maxHeaderSize as defaultMaxHeaderSize,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { Duplex } from 'node:stream';
import { answerAndClose, type LingerOptions, rawAnswer } from './answer.js';
import type { ParserRefusal, Render } from './refusals.js';

export interface ClientErrorOptions extends LingerOptions {
  /** The body for a refusal, in the server's error shape. */
  render: Render<ParserRefusal>;
}

interface Exchange {
  request: IncomingMessage;
  response: ServerResponse;
}

/** Replaces Node's bare parser refusals on `server` with answers `options.render` makes. */
export function answerClientErrors(server: Server, options: ClientErrorOptions): void {
  // Set by Node from the server's `maxHeaderSize` option (not in @types/node); else the
  // process-wide default (--max-http-header-size, 16 KiB).
  const limit = (server as { maxHeaderSize?: number }).maxHeaderSize ?? defaultMaxHeaderSize;
  /** Per socket, the responses not yet finished, oldest first. */
  const inFlight = new WeakMap<Duplex, Exchange[]>();
  const answered = new WeakSet<Duplex>();

  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    const socket = request.socket;
    const exchanges = inFlight.get(socket) ?? [];
    const exchange = { request, response };
    exchanges.push(exchange);
    inFlight.set(socket, exchanges);
    response.once('close', () => {
      const index = exchanges.indexOf(exchange);
      if (index >= 0) exchanges.splice(index, 1);
    });
  });

  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    // The parser reports every later chunk of a refused request again: already answered.
    if (answered.has(socket)) return;
    const exchanges = inFlight.get(socket) ?? [];
    const own = exchanges.length === 1 ? exchanges[0] : undefined;
    const refusingOwnBody = own !== undefined && !own.request.complete && !own.response.headersSent;
    if (
      error.code === 'ECONNRESET' ||
      !socket.writable ||
      (exchanges.length > 0 && !refusingOwnBody)
    ) {
      socket.destroy();
      return;
    }
    answered.add(socket);
    const refusal = parserRefusal(error.code, limit);
    answerAndClose(socket, rawAnswer(refusal.status, options.render(refusal)), options);
  });
}

/** What a parser error code means for the client. */
function parserRefusal(errorCode: string | undefined, maxHeaderBytes: number): ParserRefusal {
  switch (errorCode) {
    case 'HPE_HEADER_OVERFLOW':
      return { kind: 'headers_too_large', status: 431, maxHeaderBytes };
    case 'HPE_CHUNK_EXTENSIONS_OVERFLOW':
      return { kind: 'chunk_extensions_too_large', status: 413 };
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return { kind: 'request_timeout', status: 408 };
    default:
      // Node's parser codes (HPE_*) are fixed identifiers, safe to show; anything else is not.
      return {
        kind: 'malformed_request',
        status: 400,
        parserCode: errorCode && /^[A-Z][A-Z0-9_]{0,63}$/.test(errorCode) ? errorCode : undefined,
      };
  }
}
