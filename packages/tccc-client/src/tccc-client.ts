/**
 * `createTcccClient(config)`: the app's client of the TCCC cloud API, one object per
 * process holding the signed SDK client and the rate limiter.
 *
 *   createSdkUrl({ seatUserId })        CreateSDKLoginToken: a one-time Web SDK URL
 *   describeTelCdr({ from, to, ... })   DescribeTelCdr: one 0-based page of call records
 *   listSkillGroups()                   DescribeSkillGroupInfoList: every skill group (all pages)
 *   listStaff()                         DescribeStaffInfoList: every agent (all pages)
 *
 * Every method goes through one call policy (call.ts): a rate-limit slot per SecretId and
 * action, a timeout that really aborts, bounded retries of retryable failures, named errors
 * and redacted logs. A new action is one entry in `CccActions` (ccc-sdk.ts), one operation
 * file like tel-cdr.ts, and one line here.
 */
import { createCall } from './call.js';
import type { SkillGroupInfoItem, StaffInfo } from './ccc-sdk.js';
import { createCccApi } from './ccc-sdk.js';
import { resolveConfig, type TcccClientConfig } from './config.js';
import { type ListDirectoryRequest, listSkillGroupsMethod, listStaffMethod } from './directory.js';
import { type CreateSdkUrlRequest, createSdkUrlMethod, type SdkUrl } from './sdk-url.js';
import { type DescribeTelCdrRequest, describeTelCdrMethod, type TelCdrPage } from './tel-cdr.js';

export interface TcccClient {
  /** A one-time Web SDK URL for the seat (CreateSDKLoginToken). */
  createSdkUrl(request: CreateSdkUrlRequest): Promise<SdkUrl>;
  /** One page of call-detail records of a time window (DescribeTelCdr). */
  describeTelCdr(request: DescribeTelCdrRequest): Promise<TelCdrPage>;
  /** Every skill group of the app (DescribeSkillGroupInfoList, all pages). */
  listSkillGroups(request?: ListDirectoryRequest): Promise<SkillGroupInfoItem[]>;
  /** Every agent of the app with their skill groups (DescribeStaffInfoList, all pages). */
  listStaff(request?: ListDirectoryRequest): Promise<StaffInfo[]>;
}

export function createTcccClient(config: TcccClientConfig): TcccClient {
  const resolved = resolveConfig(config);
  const call = createCall(resolved, createCccApi(resolved));
  return {
    createSdkUrl: createSdkUrlMethod(call, resolved.sdkAppId),
    describeTelCdr: describeTelCdrMethod(call, resolved.sdkAppId, resolved.clock),
    listSkillGroups: listSkillGroupsMethod(call, resolved.sdkAppId),
    listStaff: listStaffMethod(call, resolved.sdkAppId),
  };
}
