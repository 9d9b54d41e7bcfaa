/**
 * `createSdkUrl({ seatUserId })`: a one-time TCCC Web SDK URL (CreateSDKLoginToken).
 *
 * Checks the seat before sending, and the answer before handing it out: a response without
 * a usable SdkURL, Token or ExpiredTime fails now, on the server, rather than later in a
 * browser.
 */
import type { Call, Operation } from './call.js';
import type { CreateSDKLoginTokenResponse } from './ccc-sdk.js';
import { TcccApiError } from './errors.js';
import { LOG_EVENTS } from './logger.js';

export interface CreateSdkUrlRequest {
  /** The agent's TCCC account, usually an e-mail. Take it from the signed-in session. */
  seatUserId: string;
  /** Ask TCCC for a token that can be verified only once. */
  onlyOnce?: boolean;
  /** Abort the call (queue wait, request and backoff); it then fails with code `Aborted`. */
  signal?: AbortSignal;
}

export interface SdkUrl {
  /** Load this script in the browser. One use, about 10 minutes. Do not log it. */
  sdkUrl: string;
  /** The login token inside the URL. Do not log it. */
  token: string;
  expiresAt: Date;
  requestId: string;
}

const MAX_SEAT_LENGTH = 128;

/** One parse per answer: this runs for every SDK URL handed out. */
function isHttpUrl(text: string): boolean {
  try {
    const { protocol } = new URL(text);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

export function parseSdkLoginToken(response: CreateSDKLoginTokenResponse, traceId: string): SdkUrl {
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

const SDK_URL: Operation<'CreateSDKLoginToken', SdkUrl> = {
  action: 'CreateSDKLoginToken',
  noun: 'SDK URL request',
  busyAdvice: 'ask the user to retry in a few seconds.',
  events: { ...LOG_EVENTS.sdkUrl, succeeded: LOG_EVENTS.sdkUrl.issued },
  succeededMessage: 'TCCC SDK URL issued',
  parse: (response, { traceId }) => parseSdkLoginToken(response, traceId),
  describe: (result) => ({
    requestId: result.requestId,
    expiresAt: result.expiresAt.toISOString(),
  }),
};

function checkSeat(request: CreateSdkUrlRequest): string | undefined {
  if (typeof request !== 'object' || request === null) return 'pass an object { seatUserId }';
  const { seatUserId, onlyOnce, signal } = request;
  if (typeof seatUserId !== 'string' || seatUserId === '') {
    return 'seatUserId is required: the TCCC account of the signed-in agent (usually an e-mail)';
  }
  if (seatUserId.trim() !== seatUserId) return 'seatUserId has leading or trailing whitespace';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting control characters is the point
  if (/[\u0000-\u001f\u007f]/.test(seatUserId)) return 'seatUserId contains control characters';
  if (seatUserId.length > MAX_SEAT_LENGTH) {
    return `seatUserId is longer than ${MAX_SEAT_LENGTH} characters`;
  }
  if (onlyOnce !== undefined && typeof onlyOnce !== 'boolean') return 'onlyOnce must be a boolean';
  if (signal !== undefined && !(signal instanceof AbortSignal))
    return 'signal must be an AbortSignal';
  return undefined;
}

export function createSdkUrlMethod(call: Call, sdkAppId: number) {
  return async function createSdkUrl(request: CreateSdkUrlRequest): Promise<SdkUrl> {
    const problem = checkSeat(request);
    if (problem) {
      throw new TcccApiError({
        code: 'InvalidArgument',
        retryable: false,
        action: SDK_URL.action,
        message: `createSdkUrl: ${problem}.`,
      });
    }
    const { seatUserId, onlyOnce, signal } = request;
    return call(
      SDK_URL,
      {
        SdkAppId: sdkAppId,
        SeatUserId: seatUserId,
        ...(onlyOnce === undefined ? {} : { OnlyOnce: onlyOnce }),
      },
      { signal, seatUserId },
    );
  };
}
