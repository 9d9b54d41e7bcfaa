/**
 * Malformed HTTP answered as problem+json, like every other error of this server.
 *
 * Node's HTTP parser refuses some bytes before the app runs: a bad request line, CR/LF/NUL
 * in a header value, Content-Length with Transfer-Encoding, headers over the size limit, a
 * request that arrives too slowly. Node then writes a bare 400/408/431 with an empty body;
 * installed with `answerClientErrors(server)`, the same refusals carry
 * `{type, title, status, detail, code}`:
 *
 *   431 headers_too_large   HPE_HEADER_OVERFLOW (request line + headers over the limit)
 *   413 payload_too_large   HPE_CHUNK_EXTENSIONS_OVERFLOW
 *   408 request_timeout     ERR_HTTP_REQUEST_TIMEOUT (server.requestTimeout/headersTimeout)
 *   400 malformed_request   anything else the parser refuses (its code is in `parserCode`)
 *
 * Always with `Connection: close`: the parser cannot resynchronise after an error. Nothing
 * from the request is echoed (it may hold cookies or tokens). Following Node's own rules
 * (docs of the 'clientError' event), nothing is written when the peer reset the connection,
 * the socket is no longer writable, or a response is still in flight on it (a pipelined
 * request): a second status line there would corrupt that response; the socket is closed.
 */
import { maxHeaderSize as defaultMaxHeaderSize, type Server, STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { PROBLEM_CONTENT_TYPE, type Problem, problem } from './problem.js';

export interface ClientErrorOptions {
  /**
   * How long an answered socket may stay open for the peer to read the answer and close
   * (default 2 s). Closing at once would reset a peer that is still sending, and a reset
   * can discard the answer before the client reads it.
   */
  lingerMs?: number;
}

/** Replaces Node's bare parser refusals on `server` with problem+json answers. */
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

/** The raw HTTP/1.1 answer (status line, headers, problem+json body) for a parser error code. */
export function clientErrorAnswer(errorCode: string | undefined, maxHeaderBytes: number): string {
  const answer = problemFor(errorCode, maxHeaderBytes);
  const body = JSON.stringify(answer);
  const { status } = answer;
  return [
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}`,
    `Content-Type: ${PROBLEM_CONTENT_TYPE}`,
    `Content-Length: ${Buffer.byteLength(body)}`,
    'Cache-Control: no-store',
    'Connection: close',
    '',
    body,
  ].join('\r\n');
}

function problemFor(errorCode: string | undefined, maxHeaderBytes: number): Problem {
  switch (errorCode) {
    case 'HPE_HEADER_OVERFLOW':
      return problem(
        'headers_too_large',
        `The request line and headers exceed ${maxHeaderBytes} bytes. Send fewer or shorter headers (often: clear old cookies for this site).`,
      );
    case 'HPE_CHUNK_EXTENSIONS_OVERFLOW':
      return problem(
        'payload_too_large',
        'The chunk extensions of the chunked body are too large. Send the body without chunk extensions.',
      );
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return problem(
        'request_timeout',
        'The request did not arrive in full in time. Send the headers and body without pausing.',
      );
    default: {
      // Node's parser codes (HPE_*) are fixed identifiers, safe to show; anything else is not.
      const parserCode =
        errorCode && /^[A-Z][A-Z0-9_]{0,63}$/.test(errorCode) ? errorCode : undefined;
      return problem(
        'malformed_request',
        `The request is not valid HTTP/1.1${parserCode ? ` (${parserCode})` : ''}: check for CR, LF or other control characters in header names or values, folded header lines, Content-Length together with Transfer-Encoding or given twice, and the method name. The connection is closed.`,
        parserCode ? { parserCode } : {},
      );
    }
  }
}
