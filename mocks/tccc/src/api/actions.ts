/** The cloud API actions the mock implements, by X-TC-Action name. */
import type { MockContext } from '../context.js';
import { issueSdkToken } from './issue-token.js';
import { type Params, paramReader, rejectUnknown } from './params.js';

export interface ActionCall {
  ctx: MockContext;
  params: Params;
  /** GET requests carry params as query-string text. */
  fromQuery: boolean;
  requestId: string;
  requestOrigin: string;
}

/** Returns the action's Response fields (RequestId is added by the envelope). */
export type ActionHandler = (call: ActionCall) => Record<string, unknown>;

export const CCC_API_VERSION = '2020-02-10';

export const actions: Readonly<Record<string, ActionHandler>> = {
  CreateSDKLoginToken({ ctx, params, fromQuery, requestId, requestOrigin }) {
    rejectUnknown(params, 'CreateSDKLoginToken', ['SdkAppId', 'SeatUserId', 'OnlyOnce']);
    const read = paramReader(params, fromQuery);
    const sdkAppId = read.integer('SdkAppId');
    const seatUserId = read.string('SeatUserId');
    const onlyOnce = read.optionalBoolean('OnlyOnce');
    const issued = issueSdkToken(ctx, {
      sdkAppId,
      seatUserId,
      onlyOnce: onlyOnce ?? false,
      requestId,
      requestOrigin,
    });
    return {
      Token: issued.record.token,
      ExpiredTime: issued.expiredTime,
      SdkURL: issued.sdkUrl,
    };
  },
};
