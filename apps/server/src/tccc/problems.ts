/**
 * Maps a failed `createSdkUrl` (a `TcccApiError`) to the problem the browser gets.
 *
 *   Timeout                                  -> 504 tccc_timeout
 *   RequestLimitExceeded*, QueueTimeout      -> 503 tccc_unavailable + Retry-After
 *   HttpError 429/503                        -> 503 tccc_unavailable + Retry-After
 *   NetworkError                             -> 502 tccc_unreachable
 *   Aborted (the browser went away)          -> 499 client_closed_request
 *   InvalidParameterValue.AccountNotExist    -> 502 tccc_seat_not_found
 *   AuthFailure.*, *InstanceNotExist, ...    -> 502 tccc_config_error
 *   anything else (InternalError, HttpError) -> 502 tccc_bad_response
 *
 * The problem carries TCCC's code (`tcccCode`) and RequestId (`tcccRequestId`) so a user
 * can quote them, but not the error message: that one is advice for the operator (it can
 * name the seat and what to fix in the configuration) and goes to the server log.
 */
import { TcccApiError } from '@tccc-kit/tccc-client';
import { type ProblemCode, ProblemError } from '../http/problem.js';

/** [unconfirmed] How long to tell clients to wait after TCCC's rate limit (it counts per second). */
export const TCCC_BUSY_RETRY_AFTER_SECONDS = 2;

const CONFIG_CODES = [
  /^AuthFailure(\.|$)/,
  /^UnauthorizedOperation(\.|$)/,
  /^InvalidParameter(Value)?\.InstanceNotExist$/,
  /^OperationDenied(\.|$)/,
  /^(InvalidParameter|InvalidParameterValue|MissingParameter|UnknownParameter)$/,
  /^(InvalidAction|NoSuchVersion|NoSuchProduct|UnsupportedRegion|InvalidArgument)$/,
];

export interface TcccFailure {
  code: ProblemCode;
  /** For people in the browser. */
  detail: string;
  retryAfterSeconds?: number;
}

export function classifyTcccFailure(error: TcccApiError): TcccFailure {
  const code = error.code;
  if (code === 'Timeout') {
    return { code: 'tccc_timeout', detail: 'TCCC did not answer in time. Try again in a moment.' };
  }
  if (
    code === 'QueueTimeout' ||
    code === 'RequestLimitExceeded' ||
    code.startsWith('RequestLimitExceeded.') ||
    (code === 'HttpError' && (error.httpStatus === 429 || error.httpStatus === 503))
  ) {
    return {
      code: 'tccc_unavailable',
      detail: `TCCC is busy right now. Try again in ${TCCC_BUSY_RETRY_AFTER_SECONDS} seconds.`,
      retryAfterSeconds: TCCC_BUSY_RETRY_AFTER_SECONDS,
    };
  }
  if (code === 'Aborted') {
    // The route passes the request's signal, so only a browser that left aborts the call.
    return {
      code: 'client_closed_request',
      detail: 'The request was closed before TCCC answered; nothing was issued to it.',
    };
  }
  if (code === 'NetworkError') {
    return {
      code: 'tccc_unreachable',
      detail: 'The server could not reach TCCC. Try again; if it keeps failing, tell the operator.',
    };
  }
  if (code === 'InvalidParameterValue.AccountNotExist') {
    return {
      code: 'tccc_seat_not_found',
      detail:
        'Your account has no agent seat in this TCCC app. Ask the operator to add the seat in the TCCC console or fix the seat mapping.',
    };
  }
  if (CONFIG_CODES.some((pattern) => pattern.test(code))) {
    return {
      code: 'tccc_config_error',
      detail:
        'TCCC rejected the server configuration. Operator: check TCCC_SECRET_ID, TCCC_SECRET_KEY and TCCC_SDK_APP_ID; the server log has the details under this request id.',
    };
  }
  return {
    code: 'tccc_bad_response',
    detail: 'TCCC could not issue an SDK URL. Try again; if it keeps failing, tell the operator.',
  };
}

/** The ProblemError for a failed `createSdkUrl`; rethrows anything that is not a TcccApiError. */
export function tcccProblem(error: unknown): ProblemError {
  if (!(error instanceof TcccApiError)) throw error;
  const failure = classifyTcccFailure(error);
  const extensions: Record<string, unknown> = { tcccCode: error.code, retryable: error.retryable };
  if (error.requestId) extensions.tcccRequestId = error.requestId;
  return new ProblemError(failure.code, failure.detail, {
    extensions,
    cause: error,
    headers:
      failure.retryAfterSeconds === undefined
        ? {}
        : { 'Retry-After': String(failure.retryAfterSeconds) },
  });
}
