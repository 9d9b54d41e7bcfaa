/**
 * Malformed HTTP answered in the mock's error shape, `{"error": {"code", "message"}}`.
 *
 * Node's HTTP parser refuses some bytes before the mock's app runs: a bad request line,
 * CR/LF/NUL in a header value, Content-Length with Transfer-Encoding, headers over the size
 * limit, a request that arrives too slowly. Node would write a bare 400/408/431 with an
 * empty body; `startMockTcccServer` installs this handler instead:
 *
 *   431 headers_too_large   HPE_HEADER_OVERFLOW (request line + headers over the limit)
 *   413 body_too_large      HPE_CHUNK_EXTENSIONS_OVERFLOW
 *   408 request_timeout     ERR_HTTP_REQUEST_TIMEOUT
 *   400 malformed_request   anything else the parser refuses (its code in the message)
 *
 * The same shape on every surface: which surface (cloud API, /sdk, /__tccc) a request meant
 * cannot be known once its bytes are not HTTP. Always `Connection: close`; nothing from the
 * request is echoed. As Node's docs for 'clientError' require, nothing is written when the
 * peer reset the connection, the socket is no longer writable, or a response is in flight on
 * it (a pipelined request, a held `hang`): the socket is closed instead.
 */
import { maxHeaderSize as defaultMaxHeaderSize, type Server, STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';

export interface ClientErrorOptions {
  /**
   * How long an answered socket may stay open for the peer to read the answer and close
   * (default 2 s). Closing at once would reset a peer that is still sending, and a reset
   * can discard the answer before the client reads it.
   */
  lingerMs?: number;
}

/** Replaces Node's bare parser refusals on `server` with JSON answers. */
export function answerClientErrors(server: Server, options: ClientErrorOptions = {}): void {
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
    socket.end(clientErrorAnswer(error.code, limit));
    const linger = setTimeout(() => socket.destroy(), lingerMs);
    linger.unref();
    socket.once('close', () => clearTimeout(linger));
  });
}

/** The raw HTTP/1.1 answer (status line, headers, JSON body) for a parser error code. */
export function clientErrorAnswer(errorCode: string | undefined, maxHeaderBytes: number): string {
  const { status, code, message } = refusalFor(errorCode, maxHeaderBytes);
  const body = JSON.stringify({ error: { code, message } });
  return [
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}`,
    'Content-Type: application/json',
    `Content-Length: ${Buffer.byteLength(body)}`,
    'Cache-Control: no-store',
    'Connection: close',
    '',
    body,
  ].join('\r\n');
}

function refusalFor(errorCode: string | undefined, maxHeaderBytes: number) {
  switch (errorCode) {
    case 'HPE_HEADER_OVERFLOW':
      return {
        status: 431,
        code: 'headers_too_large',
        message: `The request line and headers exceed ${maxHeaderBytes} bytes; send fewer or shorter headers.`,
      };
    case 'HPE_CHUNK_EXTENSIONS_OVERFLOW':
      return {
        status: 413,
        code: 'body_too_large',
        message:
          'The chunk extensions of the chunked body are too large; send the body without them.',
      };
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return {
        status: 408,
        code: 'request_timeout',
        message:
          'The request did not arrive in full in time; send the headers and body without pausing.',
      };
    default: {
      // Node's parser codes (HPE_*) are fixed identifiers, safe to show; anything else is not.
      const parserCode =
        errorCode && /^[A-Z][A-Z0-9_]{0,63}$/.test(errorCode) ? ` (${errorCode})` : '';
      return {
        status: 400,
        code: 'malformed_request',
        message: `The request is not valid HTTP/1.1${parserCode}: check for CR, LF or other control characters in header names or values, folded header lines, Content-Length together with Transfer-Encoding or given twice, and the method name. The connection is closed.`,
      };
    }
  }
}
