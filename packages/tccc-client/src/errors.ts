/**
 * Error values thrown by the TCCC client.
 *
 * Every failure of a call (`createSdkUrl`, `describeTelCdr`, ...) is a `TcccApiError`; a bad
 * configuration is a `TcccConfigError` thrown by `createTcccClient`. Neither ever carries the SecretId,
 * the SecretKey, a token or an SDK URL: not in `message`, not in `toJSON()`, not in
 * `util.inspect` output (the original SDK error is deliberately not kept as `cause`).
 */

/** Codes the client produces itself, next to the codes TCCC returns (`AuthFailure.*`, ...). */
export const LOCAL_ERROR_CODES = [
  /** The request took longer than `timeoutMs` and was aborted. */
  'Timeout',
  /** The connection failed or was cut (ECONNRESET, socket hang up, DNS, refused). */
  'NetworkError',
  /** The call waited in the rate-limit queue past `queueTimeoutMs`. */
  'QueueTimeout',
  /** TCCC (or a proxy in front of it) answered with an HTTP status other than 200. */
  'HttpError',
  /** The answer was not the JSON envelope TCCC sends, or lacked what the action returns. */
  'InvalidResponse',
  /** The caller's AbortSignal fired. */
  'Aborted',
  /** A method was called with bad arguments (no request was sent). */
  'InvalidArgument',
  /** A custom rate limiter threw something other than a TcccApiError. */
  'LimiterError',
] as const;

export type LocalErrorCode = (typeof LOCAL_ERROR_CODES)[number];

/** A TCCC error code such as `AuthFailure.SignatureFailure`, or one of `LOCAL_ERROR_CODES`. */
export type TcccErrorCode = LocalErrorCode | (string & {});

export interface TcccApiErrorInit {
  code: TcccErrorCode;
  message: string;
  retryable: boolean;
  action?: string | undefined;
  requestId?: string | undefined;
  traceId?: string | undefined;
  httpStatus?: number | undefined;
  attempts?: number | undefined;
  seatUserId?: string | undefined;
}

/** A failed call. Branch on `code` and `retryable`, never on `message`. */
export class TcccApiError extends Error {
  declare readonly name: 'TcccApiError';
  /** TCCC's error code (`Response.Error.Code`) or one of `LOCAL_ERROR_CODES`. */
  readonly code: TcccErrorCode;
  /** The cloud API action of the failed call, e.g. `DescribeTelCdr`. */
  readonly action: string | undefined;
  /** TCCC's RequestId when the request reached TCCC; quote it to Tencent support. */
  readonly requestId: string | undefined;
  /** The X-TC-TraceId of the request, when known. */
  readonly traceId: string | undefined;
  /** True when asking again later may succeed (network, timeout, rate limit, 5xx, InternalError). */
  readonly retryable: boolean;
  /** HTTP status, only when it was not 200. */
  readonly httpStatus: number | undefined;
  /** How many HTTP requests were sent for this call (0 if it never left the queue). */
  readonly attempts: number;
  /** The seat an SDK URL was requested for (not a secret); `undefined` for other actions. */
  readonly seatUserId: string | undefined;

  constructor(init: TcccApiErrorInit) {
    super(init.message);
    this.code = init.code;
    this.action = init.action;
    this.retryable = init.retryable;
    this.requestId = init.requestId || undefined;
    this.traceId = init.traceId || undefined;
    this.httpStatus = init.httpStatus;
    this.attempts = init.attempts ?? 0;
    this.seatUserId = init.seatUserId;
  }

  /** A copy with other attempt/seat details (errors are immutable values). */
  with(changes: Partial<Pick<TcccApiErrorInit, 'attempts' | 'seatUserId' | 'action' | 'message'>>) {
    const copy = new TcccApiError({ ...this.toJSON(), ...changes });
    // Keep the stack of the original failure unless the message changed.
    if (changes.message === undefined) copy.stack = this.stack;
    return copy;
  }

  toJSON() {
    return {
      name: this.name,
      code: this.code,
      action: this.action,
      message: this.message,
      retryable: this.retryable,
      requestId: this.requestId,
      traceId: this.traceId,
      httpStatus: this.httpStatus,
      attempts: this.attempts,
      seatUserId: this.seatUserId,
    };
  }
}
Object.defineProperty(TcccApiError.prototype, 'name', { value: 'TcccApiError' });

export interface ConfigIssue {
  /** The option at fault, e.g. `sdkAppId` or `secretKey`. */
  field: string;
  /** What is wrong and what to do; never contains the value of a secret. */
  problem: string;
}

/** `createTcccClient` was given a bad configuration. Lists every bad field at once. */
export class TcccConfigError extends Error {
  declare readonly name: 'TcccConfigError';
  readonly issues: readonly ConfigIssue[];

  constructor(issues: readonly ConfigIssue[]) {
    super(
      `Invalid TCCC client configuration:\n${issues
        .map((issue) => `  - ${issue.field}: ${issue.problem}`)
        .join('\n')}`,
    );
    this.issues = issues;
  }

  toJSON() {
    return { name: this.name, message: this.message, issues: this.issues };
  }
}
Object.defineProperty(TcccConfigError.prototype, 'name', { value: 'TcccConfigError' });

export function isTcccApiError(value: unknown): value is TcccApiError {
  return value instanceof TcccApiError;
}
