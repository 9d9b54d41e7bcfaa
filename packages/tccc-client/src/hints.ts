/**
 * What to check for each TCCC error code, and which codes are worth retrying.
 *
 * Kept in one table so the advice is easy to review and change. Hints may name the seat
 * and the SdkAppId (neither is a secret) but never the SecretId, the SecretKey, a token
 * or an SDK URL.
 */

export interface HintContext {
  /** The cloud API action that failed, e.g. `DescribeTelCdr`. */
  action: string;
  sdkAppId: number;
  /** The seat of a CreateSDKLoginToken call; absent for other actions. */
  seatUserId?: string | undefined;
}

type Hint = (context: HintContext) => string;

const HINTS: Record<string, Hint> = {
  'AuthFailure.SecretIdNotFound': () =>
    'TCCC does not know this SecretId: check that secretId is a current API key of the Tencent Cloud ' +
    'account that owns the TCCC app (CAM console > API keys), and that your configuration passes it ' +
    'under the key `secretId` (a `SecretId` key is ignored by the Tencent SDK and sends none).',
  'AuthFailure.SignatureFailure': () =>
    'The request signature did not verify: check that secretKey is the key paired with this ' +
    'secretId, copied in full without quotes, spaces or a trailing newline.',
  'AuthFailure.SignatureExpire': () =>
    "The request timestamp is more than 5 minutes away from TCCC's clock: check this server's " +
    'clock (enable NTP time sync).',
  'AuthFailure.InvalidSecretId': () =>
    'The SecretId is not a cloud API key: create an API key in the CAM console and use that.',
  'AuthFailure.InvalidAuthorization': () =>
    'TCCC could not parse the Authorization header: check that nothing (a proxy, custom headers) ' +
    'rewrites the request.',
  'AuthFailure.TokenFailure': () =>
    'The temporary credential token is invalid or expired: refresh the STS credentials.',
  'AuthFailure.UnauthorizedOperation': ({ action }) =>
    `This API key may not call ccc:${action}: grant the CAM user a policy that allows ` +
    'it (for example QcloudCCCFullAccess).',
  UnauthorizedOperation: ({ action }) =>
    `This API key may not call ccc:${action}: grant the CAM user a policy that allows it.`,
  'InvalidParameterValue.AccountNotExist': ({ seatUserId, sdkAppId }) =>
    seatUserId === undefined
      ? `An account named in the request does not exist in TCCC app ${sdkAppId}.`
      : `Seat "${seatUserId}" does not exist in TCCC app ${sdkAppId}: add the agent in the TCCC ` +
        'console (Agent management) or fix the seat id the user signs in with.',
  'InvalidParameterValue.InstanceNotExist': ({ sdkAppId }) =>
    `TCCC app (SdkAppId) ${sdkAppId} does not exist for this API key: check sdkAppId in the TCCC ` +
    'console and that the API key belongs to the same Tencent Cloud account.',
  'InvalidParameter.InstanceNotExist': ({ sdkAppId }) =>
    `TCCC app (SdkAppId) ${sdkAppId} does not exist for this API key: check sdkAppId in the TCCC ` +
    'console and that the API key belongs to the same Tencent Cloud account.',
  'OperationDenied.UinDisabled': () =>
    'The Tencent Cloud account is disabled for TCCC: check its status and billing in the console.',
  RequestLimitExceeded: ({ action }) =>
    `TCCC allows 20 ${action} calls per second per account: if several server ` +
    'processes share this account, give them one shared rate limiter (option `limiter`).',
  InternalError: () =>
    'TCCC failed internally: try again shortly; if it persists, quote the RequestId to Tencent support.',
  InvalidParameter: ({ seatUserId }) =>
    seatUserId === undefined
      ? 'TCCC rejected a parameter: check sdkAppId and the arguments of the call.'
      : 'TCCC rejected a parameter: check sdkAppId and the seat id format.',
  MissingParameter: ({ seatUserId }) =>
    seatUserId === undefined
      ? 'TCCC says a required parameter is missing: check sdkAppId and the arguments of the call.'
      : 'TCCC says a required parameter is missing: check sdkAppId and seatUserId.',
};

/** Advice for a TCCC code; families (`RequestLimitExceeded.UinLimitExceeded`) use their root's. */
export function hintFor(code: string, context: HintContext): string | undefined {
  const hint = HINTS[code] ?? HINTS[code.split('.')[0] ?? ''];
  return hint?.(context);
}

/**
 * Codes for which sending the same request again may succeed. Authentication and
 * parameter errors are final: retrying them only burns the rate limit.
 */
export function isRetryableTcccCode(code: string): boolean {
  return (
    code === 'InternalError' ||
    code.startsWith('InternalError.') ||
    code === 'RequestLimitExceeded' ||
    code.startsWith('RequestLimitExceeded.')
  );
}

/** HTTP statuses worth retrying: gateway and server failures, and proxies' 429. */
export function isRetryableHttpStatus(status: number): boolean {
  return status >= 500 || status === 429;
}
