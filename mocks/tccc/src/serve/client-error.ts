/**
 * Malformed HTTP answered in the mock's error shape, `{"error": {"code", "message"}}`.
 *
 * Node's HTTP parser refuses some bytes before the mock's app runs (a bad request line,
 * CR/LF/NUL in a header value, headers over the size limit, a request that arrives too
 * slowly) and would write a bare 400/408/431; `startMockTcccServer` installs this instead:
 *
 *   431 headers_too_large   HPE_HEADER_OVERFLOW (request line + headers over the limit)
 *   413 body_too_large      HPE_CHUNK_EXTENSIONS_OVERFLOW
 *   408 request_timeout     ERR_HTTP_REQUEST_TIMEOUT
 *   400 malformed_request   anything else the parser refuses (its code in the message)
 *
 * The same shape on every surface: which surface (cloud API, /sdk, /__tccc) a request meant
 * cannot be known once its bytes are not HTTP. When to answer, and when to close the socket
 * without a word (a reset peer, a held `hang` in flight), is `@tccc-kit/http-refusals`.
 */
import type { Server } from 'node:http';
import {
  answerClientErrors as answerRefusals,
  malformedAdvice,
  type ParserRefusal,
  type RefusalBody,
} from '@tccc-kit/http-refusals';

/** Replaces Node's bare parser refusals on `server` with JSON answers. */
export function answerClientErrors(server: Server): void {
  answerRefusals(server, { render: asMockError });
}

function asMockError(refusal: ParserRefusal): RefusalBody {
  return {
    contentType: 'application/json',
    body: JSON.stringify({ error: { code: codeOf(refusal), message: messageOf(refusal) } }),
  };
}

const codeOf = (refusal: ParserRefusal) =>
  refusal.kind === 'chunk_extensions_too_large' ? 'body_too_large' : refusal.kind;

function messageOf(refusal: ParserRefusal): string {
  switch (refusal.kind) {
    case 'headers_too_large':
      return `The request line and headers exceed ${refusal.maxHeaderBytes} bytes; send fewer or shorter headers.`;
    case 'chunk_extensions_too_large':
      return 'The chunk extensions of the chunked body are too large; send the body without them.';
    case 'request_timeout':
      return 'The request did not arrive in full in time; send the headers and body without pausing.';
    case 'malformed_request':
      return malformedAdvice(refusal.parserCode);
  }
}
