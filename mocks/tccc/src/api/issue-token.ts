/**
 * Issuing an SDK login token, shared by the signed CreateSDKLoginToken action and the
 * unsigned control-plane shortcut POST /__tccc/tokens, so both answer the same way.
 */
import type { MockContext } from '../context.js';
import type { TokenRecord } from '../state/tokens.js';
import { CloudApiError, messages, TcccErrorCode } from './errors.js';

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

/**
 * Throws CloudApiError (InstanceNotExist / AccountNotExist) for an app or seat the store does
 * not have.
 */
export function issueSdkToken(ctx: MockContext, input: IssueSdkTokenInput): IssuedSdkToken {
  const { store } = ctx;
  if (!store.apps.get(input.sdkAppId)) {
    throw new CloudApiError(
      TcccErrorCode.InstanceNotExist,
      messages.instanceNotExist(input.sdkAppId),
    );
  }
  if (!store.staff.has(input.sdkAppId, input.seatUserId)) {
    throw new CloudApiError(
      TcccErrorCode.AccountNotExist,
      messages.accountNotExist(input.seatUserId, input.sdkAppId),
    );
  }
  const record = store.tokens.issue({
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
