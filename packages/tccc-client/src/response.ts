/**
 * Checks the CreateSDKLoginToken answer before handing it out: a response without a usable
 * SdkURL, Token or ExpiredTime fails now, on the server, rather than later in a browser.
 */
import type { CreateSDKLoginTokenResponse } from './ccc-sdk.js';
import { TcccApiError } from './errors.js';
import type { SdkUrl } from './token-client.js';

/** One parse per answer: this runs for every SDK URL handed out. */
function isHttpUrl(text: string): boolean {
  try {
    const { protocol } = new URL(text);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

export function parseSdkLoginToken(
  response: CreateSDKLoginTokenResponse,
  seatUserId: string,
  traceId: string,
): SdkUrl {
  const { SdkURL, Token, ExpiredTime, RequestId } = response ?? {};
  const problems: string[] = [];
  if (typeof SdkURL !== 'string' || !isHttpUrl(SdkURL)) {
    problems.push('SdkURL is not an http(s) URL');
  }
  if (typeof Token !== 'string' || Token === '') problems.push('Token is missing');
  if (typeof ExpiredTime !== 'number' || !Number.isFinite(ExpiredTime) || ExpiredTime <= 0) {
    problems.push('ExpiredTime is not a Unix time in seconds');
  }
  if (problems.length > 0) {
    throw new TcccApiError({
      code: 'InvalidResponse',
      retryable: false,
      requestId: typeof RequestId === 'string' ? RequestId : undefined,
      seatUserId,
      traceId,
      message: `TCCC answered CreateSDKLoginToken without a usable login: ${problems.join('; ')}.`,
    });
  }
  return {
    sdkUrl: SdkURL as string,
    token: Token as string,
    expiresAt: new Date((ExpiredTime as number) * 1000),
    requestId: typeof RequestId === 'string' ? RequestId : '',
  };
}
