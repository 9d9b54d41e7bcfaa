/**
 * The cloud API actions the mock emulates, by X-TC-Action name: its action registry. Every
 * other action of Tencent's structure gets its parameters checked, then
 * `UnsupportedOperation`; a name the structure does not have gets `InvalidAction`
 * (../index.ts). The README's coverage table is generated from this registry and the
 * structure (../coverage.ts).
 */
import type { ActionHandler } from './call.js';
import { describeSessionDetail, describeTelCdr } from './cdrs.js';
import { describePstnActiveSessionList, describeTelSession, hangUpCall } from './sessions.js';
import { describeSkillGroupInfoList } from './skill-groups.js';
import { createStaff, describeStaffInfoList } from './staff.js';
import { describeStaffStatusMetrics, setStaffStatus } from './staff-status.js';
import { createSdkLoginToken } from './token.js';

export type { ActionCall, ActionHandler, CallControl } from './call.js';
export { API_LIMITS } from './limits.js';

export const CCC_API_VERSION = '2020-02-10';

export const implementedActions: Readonly<Record<string, ActionHandler>> = Object.freeze({
  CreateSDKLoginToken: createSdkLoginToken,
  DescribeTelCdr: describeTelCdr,
  DescribeSessionDetail: describeSessionDetail,
  DescribeTelSession: describeTelSession,
  DescribePSTNActiveSessionList: describePstnActiveSessionList,
  HangUpCall: hangUpCall,
  DescribeStaffInfoList: describeStaffInfoList,
  CreateStaff: createStaff,
  DescribeSkillGroupInfoList: describeSkillGroupInfoList,
  DescribeStaffStatusMetrics: describeStaffStatusMetrics,
  SetStaffStatus: setStaffStatus,
});

/** The handler of an emulated action (own names only: `constructor` is no action). */
export function handlerOf(action: string): ActionHandler | undefined {
  return Object.hasOwn(implementedActions, action) ? implementedActions[action] : undefined;
}

/** Names of the emulated actions, sorted. */
export function implementedActionNames(): string[] {
  return Object.keys(implementedActions).sort();
}
