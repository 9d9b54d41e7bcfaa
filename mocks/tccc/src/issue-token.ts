/**
 * Issuing an SDK login token, shared by the signed CreateSDKLoginToken action and the
 * unsigned control-plane shortcut POST /__tccc/tokens, so both answer the same way.
 */
import { messages, TcccApiError, TcccErrorCode } from './api/errors.js';
import type { MockContext } from './context.js';
import type { TokenRecord } from './state/tokens.js';

export interface IssueSdkTokenInput {
  sdkAppId: number;
  seatUserId: string;
  onlyOnce?: boolean;
  requestId: string;
  /** Origin of the request that asked, used when no sdkOrigin is configured. */
  requestOrigin: string;
}

export interface IssuedSdkToken {
  record: TokenRecord;
  /** `<sdkOrigin>/sdk/tccc.js?token=<Token>` */
  sdkUrl: string;
  /** Expiry in Unix seconds, as CreateSDKLoginToken's ExpiredTime. */
  expiredTime: number;
}

/** Where the SDK script for a token lives. The SDK host (src/sdk/) serves this path. */
export function sdkUrlFor(origin: string, token: string): string {
  return `${origin.replace(/\/+$/, '')}/sdk/tccc.js?token=${encodeURIComponent(token)}`;
}

/** Throws TcccApiError (InstanceNotExist / AccountNotExist) for an unknown app or seat. */
export function issueSdkToken(ctx: MockContext, input: IssueSdkTokenInput): IssuedSdkToken {
  const app = ctx.options.apps.find((candidate) => candidate.sdkAppId === input.sdkAppId);
  if (!app) {
    throw new TcccApiError(
      TcccErrorCode.InstanceNotExist,
      messages.instanceNotExist(input.sdkAppId),
    );
  }
  if (!app.seats.includes(input.seatUserId)) {
    throw new TcccApiError(
      TcccErrorCode.AccountNotExist,
      messages.accountNotExist(input.seatUserId, input.sdkAppId),
    );
  }
  const record = ctx.tokens.issue({
    sdkAppId: input.sdkAppId,
    seatUserId: input.seatUserId,
    onlyOnce: input.onlyOnce ?? false,
    requestId: input.requestId,
  });
  return {
    record,
    sdkUrl: sdkUrlFor(ctx.options.sdkOrigin ?? input.requestOrigin, record.token),
    expiredTime: Math.floor(Date.parse(record.expiresAt) / 1000),
  };
}
