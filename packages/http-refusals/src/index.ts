/**
 * What Node's HTTP parser refuses, answered in the server's own JSON error shape.
 *
 * Node's parser refuses some bytes before any app runs: a bad request line, CR/LF/NUL in a
 * header value, Content-Length with Transfer-Encoding, headers over the size limit, a
 * request that arrives too slowly. Node would write a bare 400/408/431 with an empty body.
 * `answerClientErrors(server, { render })` answers them instead, with the body `render`
 * makes for each refusal:
 *
 *   431 headers_too_large            HPE_HEADER_OVERFLOW (request line + headers over the limit)
 *   413 chunk_extensions_too_large   HPE_CHUNK_EXTENSIONS_OVERFLOW
 *   408 request_timeout              ERR_HTTP_REQUEST_TIMEOUT (requestTimeout/headersTimeout)
 *   400 malformed_request            anything else the parser refuses (`parserCode`)
 *
 * Always with `Connection: close`: the parser cannot resynchronise after an error. Nothing
 * from the request reaches `render` (it may hold cookies or tokens). Following Node's own
 * rules (docs of the 'clientError' event), nothing is written when the peer reset the
 * connection, the socket is no longer writable, or a response is still in flight on it (a
 * pipelined request, a held request): a second status line there would corrupt that
 * response; the socket is closed instead.
 */
import { maxHeaderSize as defaultMaxHeaderSize, type Server, STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';

export type ParserRefusal =
  | { kind: 'headers_too_large'; status: 431; maxHeaderBytes: number }
  | { kind: 'chunk_extensions_too_large'; status: 413 }
  | { kind: 'request_timeout'; status: 408 }
  | {
      kind: 'malformed_request';
      status: 400;
      /** Node's code (HPE_*), when it is a plain identifier: safe to show. */
      parserCode: string | undefined;
    };

/** The body of an answer: its Content-Type and text. */
export interface RefusalBody {
  contentType: string;
  body: string;
}

export interface ClientErrorOptions {
  /** The body for a refusal, in the server's error shape. */
  render(refusal: ParserRefusal): RefusalBody;
  /**
   * How long an answered socket may stay open for the peer to read the answer and close
   * (default 2 s). Closing at once would reset a peer that is still sending, and a reset
   * can discard the answer before the client reads it.
   */
  lingerMs?: number;
}

/** Replaces Node's bare parser refusals on `server` with answers `options.render` makes. */
export function answerClientErrors(server: Server, options: ClientErrorOptions): void {
  const lingerMs = options.lingerMs ?? 2_000;
  // Set by Node from the server's `maxHeaderSize` option (not in @types/node); else the
  // process-wide default (--max-http-header-size, 16 KiB).
  const limit = (server as { maxHeaderSize?: number }).maxHeaderSize ?? defaultMaxHeaderSize;
  const responsesInFlight = new WeakMap<Duplex, number>();
  const answered = new WeakSet<Duplex>();

  server.on('request', (request, response) => {
    const socket = request.socket;
    responsesInFlight.set(socket, (responsesInFlight.get(socket) ?? 0) + 1);
    response.once('close', () =>
      responsesInFlight.set(socket, (responsesInFlight.get(socket) ?? 1) - 1),
    );
  });

  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    // The parser reports every later chunk of a refused request again: already answered.
    if (answered.has(socket)) return;
    if (
      error.code === 'ECONNRESET' ||
      !socket.writable ||
      (responsesInFlight.get(socket) ?? 0) > 0
    ) {
      socket.destroy();
      return;
    }
    answered.add(socket);
    const refusal = parserRefusal(error.code, limit);
    socket.end(rawAnswer(refusal.status, options.render(refusal)));
    const linger = setTimeout(() => socket.destroy(), lingerMs);
    linger.unref();
    socket.once('close', () => clearTimeout(linger));
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

/** Advice for a malformed request, shared by every error shape. */
export function malformedAdvice(parserCode: string | undefined): string {
  return `The request is not valid HTTP/1.1${parserCode ? ` (${parserCode})` : ''}: check for CR, LF or other control characters in header names or values, folded header lines, Content-Length together with Transfer-Encoding or given twice, and the method name. The connection is closed.`;
}

/** The raw HTTP/1.1 answer: status line, headers (no-store, Connection: close) and body. */
function rawAnswer(status: number, { contentType, body }: RefusalBody): string {
  return [
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}`,
    `Content-Type: ${contentType}`,
    `Content-Length: ${Buffer.byteLength(body)}`,
    'Cache-Control: no-store',
    'Connection: close',
    '',
    body,
  ].join('\r\n');
}
