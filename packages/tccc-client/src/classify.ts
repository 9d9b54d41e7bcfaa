/**
 * Turns whatever tencentcloud-sdk-nodejs threw into a `TcccApiError`.
 *
 * The SDK's own error class is not exported from its root (and its ESM build has a second
 * copy), so errors are recognised by shape, as the SDK 4.1.x produces them:
 * - TCCC error envelope: `{ code, message, requestId, traceId }`;
 * - HTTP status other than 200: `{ httpCode, message: statusText, traceId }`;
 * - transport failure: `{ message: <node-fetch message>, requestId: '', traceId }`, e.g.
 *   "request to https://.../ failed, reason: socket hang up" or "network timeout at: ...";
 * - 200 with a body that is not JSON: a raw node-fetch `FetchError` of type `invalid-json`;
 * - 200 JSON without `Response`: a `TypeError` from reading `data.Response.Error`.
 * Aborts are classified by the caller, who knows whether its timeout or its user fired.
 */
import { TcccApiError } from './errors.js';
import { type HintContext, hintFor, isRetryableHttpStatus, isRetryableTcccCode } from './hints.js';

interface SdkErrorShape {
  message?: unknown;
  code?: unknown;
  httpCode?: unknown;
  requestId?: unknown;
  traceId?: unknown;
  type?: unknown;
  name?: unknown;
}

export interface ClassifyContext extends HintContext {
  scrub: (text: string) => string;
  /** The X-TC-TraceId the request was sent with, for errors that do not carry one. */
  traceId?: string;
}

const stringOrUndefined = (value: unknown) =>
  typeof value === 'string' && value !== '' ? value : undefined;

/** The useful part of a node-fetch message, without the URL it names. */
function transportReason(message: string): string {
  const match = /failed, reason: (.*)$/s.exec(message);
  return (match?.[1] ?? message).trim() || 'unknown network error';
}

export function classifySdkError(error: unknown, context: ClassifyContext): TcccApiError {
  const shape: SdkErrorShape = typeof error === 'object' && error !== null ? error : {};
  const message = context.scrub(typeof shape.message === 'string' ? shape.message : String(error));
  const requestId = stringOrUndefined(shape.requestId);
  const traceId = stringOrUndefined(shape.traceId) ?? context.traceId;
  const { seatUserId, action } = context;

  if (typeof shape.code === 'string' && shape.code !== '') {
    const code = shape.code;
    const hint = hintFor(code, context);
    return new TcccApiError({
      code,
      message: `TCCC rejected ${action} with ${code}: ${message}${hint ? ` ${hint}` : ''}`,
      retryable: isRetryableTcccCode(code),
      action,
      requestId,
      traceId,
      seatUserId,
    });
  }

  if (typeof shape.httpCode === 'number') {
    const status = shape.httpCode;
    return new TcccApiError({
      code: 'HttpError',
      message:
        `TCCC answered HTTP ${status}${message ? ` (${message})` : ''} instead of 200: the API or a ` +
        'proxy in front of it failed; check the endpoint and any HTTP proxy (env http_proxy).',
      retryable: isRetryableHttpStatus(status),
      action,
      httpStatus: status,
      requestId,
      traceId,
      seatUserId,
    });
  }

  if (shape.type === 'invalid-json' || error instanceof TypeError || error instanceof SyntaxError) {
    return new TcccApiError({
      code: 'InvalidResponse',
      message:
        'TCCC answered HTTP 200 with a body that is not the cloud API JSON envelope: check that ' +
        'endpoint points at the TCCC cloud API and that no proxy rewrites the response.',
      retryable: false,
      action,
      requestId,
      traceId,
      seatUserId,
    });
  }

  if (
    shape.type === 'request-timeout' ||
    shape.type === 'body-timeout' ||
    /network timeout|Response timeout/.test(message)
  ) {
    return new TcccApiError({
      code: 'Timeout',
      message:
        'TCCC did not answer in time: check connectivity to the endpoint; retrying may help.',
      retryable: true,
      action,
      traceId,
      seatUserId,
    });
  }

  return new TcccApiError({
    code: 'NetworkError',
    message:
      `Could not reach TCCC (${transportReason(message)}): check DNS, firewall and proxy settings ` +
      'for the endpoint; retrying may help.',
    retryable: true,
    action,
    traceId,
    seatUserId,
  });
}
