/** CreateSDKLoginToken: an SDK login token and the SdkURL that uses it (../issue-token.ts). */
import { issueSdkToken } from '../issue-token.js';
import { type ActionCall, paramsOf } from './call.js';

interface CreateSdkLoginTokenParams {
  SdkAppId: number;
  SeatUserId: string;
  OnlyOnce?: boolean;
}

export function createSdkLoginToken(call: ActionCall) {
  const params = paramsOf<CreateSdkLoginTokenParams>(call);
  const issued = issueSdkToken(call.ctx, {
    sdkAppId: params.SdkAppId,
    seatUserId: params.SeatUserId,
    onlyOnce: params.OnlyOnce ?? false,
    requestId: call.requestId,
    requestOrigin: call.requestOrigin,
  });
  return {
    Token: issued.record.token,
    ExpiredTime: issued.expiredTime,
    SdkURL: issued.sdkUrl,
  };
}
