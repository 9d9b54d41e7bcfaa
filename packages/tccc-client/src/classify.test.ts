import { createRequire } from 'node:module';
import type SdkExceptionModule from 'tencentcloud-sdk-nodejs/tencentcloud/common/exception/tencent_cloud_sdk_exception.js';
import { describe, expect, it } from 'vitest';
import { classifySdkError } from './classify.js';
import { createScrubber } from './redact.js';

// The SDK's own error class (CJS, not exported from the package root), so these errors are
// built exactly as the SDK builds them. require() sidesteps ESM/CJS default-export interop.
const SdkException: typeof SdkExceptionModule.default = createRequire(import.meta.url)(
  'tencentcloud-sdk-nodejs/tencentcloud/common/exception/tencent_cloud_sdk_exception.js',
).default;
const SECRET_KEY = 'classifytestsecretkey00000000000';
const context = {
  action: 'CreateSDKLoginToken',
  seatUserId: 'agent@example.com',
  sdkAppId: 1400000000,
  scrub: createScrubber([SECRET_KEY]),
};

function envelopeError(code: string, message: string) {
  const error = new SdkException(message, 'req-1', 'trace-1');
  (error as unknown as { code: string }).code = code;
  return error;
}

describe('classifySdkError', () => {
  it.each([
    ['AuthFailure.SecretIdNotFound', false, /key `secretId`/],
    ['AuthFailure.SignatureFailure', false, /secretKey is the key paired .* trailing newline/],
    ['AuthFailure.SignatureExpire', false, /clock/],
    [
      'InvalidParameterValue.AccountNotExist',
      false,
      /Seat "agent@example.com" does not exist in TCCC app 1400000000/,
    ],
    ['InvalidParameterValue.InstanceNotExist', false, /SdkAppId\) 1400000000 does not exist/],
    ['RequestLimitExceeded', true, /shared rate limiter/],
    ['RequestLimitExceeded.UinLimitExceeded', true, /shared rate limiter/],
    ['InternalError', true, /RequestId/],
    ['InternalError.DBError', true, /TCCC failed internally/],
    [
      'FailedOperation.Unknown',
      false,
      /^TCCC rejected CreateSDKLoginToken with FailedOperation.Unknown: boom$/,
    ],
  ])('maps the TCCC code %s (retryable: %s) and says what to check', (code, retryable, hint) => {
    const error = classifySdkError(envelopeError(code, 'boom'), context);
    expect(error).toMatchObject({
      name: 'TcccApiError',
      code,
      retryable,
      requestId: 'req-1',
      traceId: 'trace-1',
    });
    expect(error.message).toMatch(hint);
  });

  it.each([
    [502, true],
    [503, true],
    [429, true],
    [404, false],
  ])('maps HTTP %i to HttpError with retryable %s', (status, retryable) => {
    const sdkError = new SdkException('Bad Gateway', '', 'trace-2');
    (sdkError as unknown as { httpCode: number }).httpCode = status;
    expect(classifySdkError(sdkError, context)).toMatchObject({
      code: 'HttpError',
      httpStatus: status,
      retryable,
      traceId: 'trace-2',
    });
  });

  it('maps a wrapped connection failure to a retryable NetworkError without the URL', () => {
    const sdkError = new SdkException(
      'request to https://ccc.tencentcloudapi.com/ failed, reason: socket hang up',
      '',
      'trace-3',
    );
    const error = classifySdkError(sdkError, context);
    expect(error).toMatchObject({ code: 'NetworkError', retryable: true, traceId: 'trace-3' });
    expect(error.message).toMatch(/^Could not reach TCCC \(socket hang up\)/);
  });

  it("maps node-fetch's own timeout to Timeout", () => {
    const sdkError = new SdkException(
      'network timeout at: https://ccc.tencentcloudapi.com/',
      '',
      't',
    );
    expect(classifySdkError(sdkError, context)).toMatchObject({ code: 'Timeout', retryable: true });
  });

  it('maps a non-JSON 200 body (raw FetchError) and JSON without Response (TypeError) to InvalidResponse', () => {
    const fetchError = Object.assign(
      new Error('invalid json response body at https://x/ reason: Unexpected token <'),
      {
        type: 'invalid-json',
      },
    );
    const typeError = new TypeError("Cannot read properties of undefined (reading 'Error')");
    for (const raw of [fetchError, typeError]) {
      expect(classifySdkError(raw, context)).toMatchObject({
        code: 'InvalidResponse',
        retryable: false,
      });
    }
  });

  it('scrubs a secret that a dependency put into its message', () => {
    const error = classifySdkError(
      envelopeError('InvalidParameter', `bad key ${SECRET_KEY}`),
      context,
    );
    expect(error.message).not.toContain(SECRET_KEY);
    expect(error.message).toContain('[REDACTED]');
  });

  it('names the action and gives advice without a seat for other actions', () => {
    const error = classifySdkError(envelopeError('InvalidParameterValue.AccountNotExist', 'no'), {
      ...context,
      action: 'DescribeTelCdr',
      seatUserId: undefined,
    });
    expect(error).toMatchObject({ action: 'DescribeTelCdr', seatUserId: undefined });
    expect(error.message).toMatch(/^TCCC rejected DescribeTelCdr with/);
    expect(error.message).toMatch(/An account named in the request does not exist/);
    expect(error.message).not.toMatch(/Seat "/);
  });
});
