/**
 * RFC 9457 problem details: every error this server answers is
 * `application/problem+json` with `{type, title, status, detail, code}`.
 *
 * `code` is stable (clients branch on it); `detail` is for people and may change.
 * Each code is declared once here with its status and title, so the catalogue of
 * failures a client can meet is readable in one place.
 */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export const PROBLEMS = {
  invalid_body: { status: 400, title: 'The request body is not valid' },
  invalid_query: { status: 400, title: 'The query string is not valid' },
  malformed_request: { status: 400, title: 'The request is not valid HTTP' },
  invalid_host: { status: 400, title: 'The Host header is missing or not valid' },
  invalid_request_target: { status: 400, title: 'The request path is not valid' },
  not_signed_in: { status: 401, title: 'Sign in first' },
  invalid_credentials: { status: 401, title: 'Wrong email or password' },
  cross_site_request: { status: 403, title: 'Cross-site request refused' },
  no_seat: { status: 403, title: 'This user has no TCCC seat' },
  not_found: { status: 404, title: 'Not found' },
  method_not_allowed: { status: 405, title: 'Method not allowed' },
  request_timeout: { status: 408, title: 'The request did not arrive in time' },
  payload_too_large: { status: 413, title: 'Request body too large' },
  unsupported_media_type: { status: 415, title: 'Unsupported content type' },
  expectation_failed: { status: 417, title: 'Expectation not supported' },
  rate_limited: { status: 429, title: 'Too many requests' },
  headers_too_large: { status: 431, title: 'Request headers too large' },
  // nginx's 499: the browser went away before the answer. Only the request log sees it.
  client_closed_request: { status: 499, title: 'The client closed the request' },
  internal_error: { status: 500, title: 'Internal server error' },
  tccc_config_error: { status: 502, title: 'TCCC rejected the server configuration' },
  tccc_seat_not_found: { status: 502, title: 'The seat does not exist in TCCC' },
  tccc_unreachable: { status: 502, title: 'TCCC could not be reached' },
  tccc_bad_response: { status: 502, title: 'TCCC answered with an error' },
  tccc_unavailable: { status: 503, title: 'TCCC is busy' },
  web_app_not_built: { status: 503, title: 'The web app is not built' },
  transfer_unavailable: { status: 503, title: 'Transfers are not configured' },
  not_ready: { status: 503, title: 'Not ready' },
  shutting_down: { status: 503, title: 'The server is shutting down' },
  tccc_timeout: { status: 504, title: 'TCCC did not answer in time' },
} as const satisfies Record<string, { status: ContentfulStatusCode | 499; title: string }>;

export type ProblemCode = keyof typeof PROBLEMS;

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ProblemCode;
  /** Extension members (RFC 9457 §3.2), e.g. `tcccCode`, `tcccRequestId`. */
  [extension: string]: unknown;
}

/** Problem type URIs are URNs: stable identifiers that do not pretend to be web pages. */
export function problemType(code: ProblemCode): string {
  return `urn:tccc-kit:problem:${code.replaceAll('_', '-')}`;
}

export function problem(
  code: ProblemCode,
  detail: string,
  extensions: Record<string, unknown> = {},
): Problem {
  const { status, title } = PROBLEMS[code];
  return { ...extensions, type: problemType(code), title, status, detail, code };
}

/**
 * A failure a handler throws to answer with a problem. `headers` carries e.g. Retry-After.
 * The global error handler turns it into the response; anything else becomes a 500.
 */
export class ProblemError extends Error {
  override readonly name = 'ProblemError';
  readonly problem: Problem;
  readonly headers: Record<string, string>;

  constructor(
    code: ProblemCode,
    detail: string,
    options: {
      extensions?: Record<string, unknown>;
      headers?: Record<string, string>;
      /** The underlying failure, logged by the error handler for 5xx problems. */
      cause?: unknown;
    } = {},
  ) {
    super(detail, options.cause === undefined ? undefined : { cause: options.cause });
    this.problem = problem(code, detail, options.extensions);
    this.headers = options.headers ?? {};
  }
}

export function problemResponse(
  c: Context,
  body: Problem,
  headers: Record<string, string> = {},
): Response {
  return c.body(JSON.stringify(body), body.status as ContentfulStatusCode, {
    ...headers,
    'Content-Type': PROBLEM_CONTENT_TYPE,
    'Cache-Control': 'no-store',
  });
}
