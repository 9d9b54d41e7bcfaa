import type { SdkErrorBody, SdkErrorCode } from '@tccc-kit/fake-sdk';

/**
 * A failure the SDK host reports to its caller. Routes answer it as JSON
 * `{"error": {"code", "message"}}` (the shape of every mock error); the fake SDK turns it
 * into `{status:'error', errorMsg: message}`. Messages never contain tokens or credentials.
 */
export class SdkError extends Error {
  override readonly name = 'SdkError';

  constructor(
    readonly status: 400 | 401 | 404 | 409 | 413 | 500,
    readonly code: SdkErrorCode,
    message: string,
  ) {
    super(message);
  }

  toBody(): SdkErrorBody {
    return { error: { code: this.code, message: this.message } };
  }
}

/** The JSON Response for an error thrown by the SDK runtime or a route. */
export function errorResponse(error: SdkError): Response {
  return Response.json(error.toBody(), { status: error.status });
}
