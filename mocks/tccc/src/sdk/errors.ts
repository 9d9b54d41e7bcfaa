import type { SdkErrorCode, SdkProblem } from '@tccc-kit/fake-sdk';

/**
 * A failure the SDK host reports to its caller. Routes turn it into an
 * `application/problem+json` answer; the fake SDK turns it into `{status:'error', errorMsg}`.
 */
export class SdkError extends Error {
  override readonly name = 'SdkError';

  constructor(
    readonly status: 400 | 401 | 404 | 409 | 500 | 503,
    readonly code: SdkErrorCode,
    message: string,
  ) {
    super(message);
  }

  toProblem(): SdkProblem {
    return {
      type: `https://tccc-kit.dev/problems/sdk/${this.code}`,
      title: titles[this.code],
      status: this.status,
      detail: this.message,
      code: this.code,
    };
  }
}

const titles: Record<SdkErrorCode, string> = {
  TokenMissing: 'SDK login token missing',
  TokenUnknown: 'SDK login token unknown',
  TokenExpired: 'SDK login token expired',
  TokenUsed: 'SDK login token already used',
  SessionInvalid: 'SDK session invalid',
  BadRequest: 'Bad request',
  CallNotFound: 'Call not found',
  CallStateConflict: 'Call state does not allow this action',
  SeatBusy: 'Seat cannot take a call now',
  InjectedFault: 'Fault injected by the mock control plane',
};

export const problemHeaders = { 'content-type': 'application/problem+json' } as const;

/** The problem+json Response for an error thrown by the SDK runtime or a route. */
export function problemResponse(error: SdkError): Response {
  return new Response(JSON.stringify(error.toProblem()), {
    status: error.status,
    headers: problemHeaders,
  });
}
