/**
 * How the Data Push receiver refuses a push: TCCC's answer shape, `{"ErrCode": n, "ErrMsg":
 * "..."}` with a non-zero ErrCode so that TCCC pushes again, and an HTTP status that says
 * the same. The body is also an RFC 9457 problem (`type`, `title`, `status`, `detail`,
 * `code`: the server's error shape), with ErrCode and ErrMsg as its extension members, so
 * TCCC and people reading the server's logs and docs both get their format.
 *
 * ErrCode is the HTTP status; `code` names the failure exactly. Each is declared once here.
 */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export const PUSH_ERRORS = {
  push_invalid_request: { status: 400, title: 'The push request is not valid' },
  push_invalid_body: { status: 400, title: 'The pushed record is not valid' },
  push_unauthorized: { status: 401, title: 'The push is not authenticated' },
  push_not_found: { status: 404, title: 'No such push endpoint' },
  push_payload_too_large: { status: 413, title: 'The pushed record is too large' },
  push_unsupported_media_type: { status: 415, title: 'Pushes must be JSON' },
  push_rate_limited: { status: 429, title: 'Too many pushes from this source' },
  push_store_failed: { status: 503, title: 'The record could not be stored' },
  push_auth_not_configured: { status: 503, title: 'The push receiver has no authentication' },
} as const satisfies Record<string, { status: ContentfulStatusCode; title: string }>;

export type PushErrorCode = keyof typeof PUSH_ERRORS;

/** A refusal a push handler throws; the routes' error handler renders it. */
export class PushError extends Error {
  override readonly name = 'PushError';
  readonly code: PushErrorCode;
  readonly headers: Record<string, string>;

  constructor(
    code: PushErrorCode,
    detail: string,
    options: { headers?: Record<string, string>; cause?: unknown } = {},
  ) {
    super(detail, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.headers = options.headers ?? {};
  }
}

/** TCCC's success answer: send it only once the record is durably stored. */
export const PUSH_ACCEPTED = { ErrCode: 0, ErrMsg: '' } as const;

export function pushErrorResponse(c: Context, error: PushError): Response {
  const { status, title } = PUSH_ERRORS[error.code];
  const body = {
    ErrCode: status,
    ErrMsg: `${title}: ${error.message}`,
    type: `urn:tccc-kit:problem:${error.code.replaceAll('_', '-')}`,
    title,
    status,
    detail: error.message,
    code: error.code,
  };
  return c.body(JSON.stringify(body), status, {
    ...error.headers,
    'Content-Type': 'application/problem+json',
    'Cache-Control': 'no-store',
  });
}
