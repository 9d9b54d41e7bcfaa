/**
 * Malformed HTTP answered as problem+json, like every other error of this server.
 *
 * What Node's HTTP parser refuses, and what it accepts but no route should see, is decided
 * by `@tccc-kit/http-refusals` (when to answer, when to close without a word, how to close
 * without losing the answer); this file only says it in problem+json:
 *
 *   400 malformed_request         the parser refused the bytes (`parserCode`), also in the
 *                                 middle of a chunked body; the connection is closed
 *   400 invalid_host              Host missing (HTTP/1.1), given twice, or not host[:port]
 *   400 invalid_request_target    a backslash in the path, or a target that is not a path
 *   405 method_not_allowed        CONNECT (this server is not a proxy), with Allow
 *   408 request_timeout           the request did not arrive in full in time
 *   413 payload_too_large         chunk extensions over Node's limit
 *   417 expectation_failed        an Expect other than 100-continue
 *   431 headers_too_large         request line and headers over the limit
 */
import type { Server } from 'node:http';
import { RequestError } from '@hono/node-server';
import {
  adviceFor,
  answerMalformedHttp,
  type Refusal,
  type RefusalBody,
} from '@tccc-kit/http-refusals';
import { PROBLEM_CONTENT_TYPE, type Problem, type ProblemCode, problem } from './problem.js';

/** The methods some route of this server answers (Allow of CONNECT and OPTIONS *). */
export const ALLOWED_METHODS = 'GET, HEAD, POST, DELETE';

const CODES: Record<Refusal['kind'], ProblemCode> = {
  headers_too_large: 'headers_too_large',
  chunk_extensions_too_large: 'payload_too_large',
  request_timeout: 'request_timeout',
  malformed_request: 'malformed_request',
  invalid_host: 'invalid_host',
  invalid_target: 'invalid_request_target',
  expectation_failed: 'expectation_failed',
  method_not_allowed: 'method_not_allowed',
};

export function refusalProblem(refusal: Refusal): Problem {
  const extensions =
    refusal.kind === 'malformed_request' && refusal.parserCode
      ? { parserCode: refusal.parserCode }
      : {};
  return problem(CODES[refusal.kind], adviceFor(refusal), extensions);
}

export function renderRefusal(refusal: Refusal): RefusalBody {
  return { contentType: PROBLEM_CONTENT_TYPE, body: JSON.stringify(refusalProblem(refusal)) };
}

/** Replaces Node's bare refusals and silent closes on `server` with problem+json answers. */
export function answerClientErrors(server: Server): void {
  answerMalformedHttp(server, { render: renderRefusal, allow: ALLOWED_METHODS });
}

/**
 * The answer to a request @hono/node-server could not turn into a `Request` (its own
 * checks of Host and URL, behind the guard above): problem+json, not its bare 400.
 */
export function requestErrorResponse(error: unknown): Response {
  const detail =
    error instanceof RequestError && /host/i.test(error.message)
      ? adviceFor({ kind: 'invalid_host', status: 400, problem: 'invalid' })
      : adviceFor({ kind: 'invalid_target', status: 400, problem: 'not_a_path' });
  const body = problem(
    error instanceof RequestError && /host/i.test(error.message)
      ? 'invalid_host'
      : 'invalid_request_target',
    detail,
  );
  return new Response(JSON.stringify(body), {
    status: body.status,
    headers: { 'Content-Type': PROBLEM_CONTENT_TYPE, 'Cache-Control': 'no-store' },
  });
}
