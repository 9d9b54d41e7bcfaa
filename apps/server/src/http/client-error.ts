/**
 * Malformed HTTP answered as problem+json, like every other error of this server.
 *
 * Node's HTTP parser refuses some bytes before the app runs (a bad request line, CR/LF/NUL
 * in a header value, headers over the size limit, a request that arrives too slowly) and
 * would write a bare 400/408/431. Installed with `answerClientErrors(server)`, the same
 * refusals carry `{type, title, status, detail, code}`:
 *
 *   431 headers_too_large   HPE_HEADER_OVERFLOW (request line + headers over the limit)
 *   413 payload_too_large   HPE_CHUNK_EXTENSIONS_OVERFLOW
 *   408 request_timeout     ERR_HTTP_REQUEST_TIMEOUT (server.requestTimeout/headersTimeout)
 *   400 malformed_request   anything else the parser refuses (its code is in `parserCode`)
 *
 * When to answer, and when to close the socket without a word, is
 * `@tccc-kit/http-refusals`; this file only says it in problem+json.
 */
import type { Server } from 'node:http';
import {
  answerClientErrors as answerRefusals,
  malformedAdvice,
  type ParserRefusal,
  type RefusalBody,
} from '@tccc-kit/http-refusals';
import { PROBLEM_CONTENT_TYPE, type Problem, problem } from './problem.js';

/** Replaces Node's bare parser refusals on `server` with problem+json answers. */
export function answerClientErrors(server: Server): void {
  answerRefusals(server, { render: asProblem });
}

function asProblem(refusal: ParserRefusal): RefusalBody {
  return { contentType: PROBLEM_CONTENT_TYPE, body: JSON.stringify(problemFor(refusal)) };
}

function problemFor(refusal: ParserRefusal): Problem {
  switch (refusal.kind) {
    case 'headers_too_large':
      return problem(
        'headers_too_large',
        `The request line and headers exceed ${refusal.maxHeaderBytes} bytes. Send fewer or shorter headers (often: clear old cookies for this site).`,
      );
    case 'chunk_extensions_too_large':
      return problem(
        'payload_too_large',
        'The chunk extensions of the chunked body are too large. Send the body without chunk extensions.',
      );
    case 'request_timeout':
      return problem(
        'request_timeout',
        'The request did not arrive in full in time. Send the headers and body without pausing.',
      );
    case 'malformed_request':
      return problem(
        'malformed_request',
        malformedAdvice(refusal.parserCode),
        refusal.parserCode ? { parserCode: refusal.parserCode } : {},
      );
  }
}
