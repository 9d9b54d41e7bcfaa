/**
 * Agent statuses, one truth with the SDK half (the status lives on the staff record):
 *
 * - DescribeStaffStatusMetrics: every agent of the app (optionally only `StaffList` mails,
 *   members of a `GroupIdList` group, agents in a `StatusList` status), in the order added,
 *   with the current status, the seconds spent in each status on the current status day
 *   (midnight UTC+8 [unconfirmed], see state/staff.ts), when it last came online and last
 *   changed status, and its logged-in clients.
 * - SetStaffStatus: up to 10 agents to `free`, `notReady` or `rest` (with a Reason). The
 *   change reaches the agent's page as `statusChanged`, as a change made in the page does.
 *   An agent that cannot change is reported in its item's ErrorCode and the others still
 *   change: unknown (`InvalidParameterValue.AccountNotExist`), offline (no SDK logged in:
 *   `FailedOperation` [unconfirmed]), in a call (`FailedOperation.SeatStatusBusy`).
 *
 * The cloud API names the SDK's `arrange` (after-call work) `afterCallWork`.
 */
import type { WireAgentStatus } from '@tccc-kit/fake-sdk';
import { excerpt } from '../../quote.js';
import { changeStatus, seatCalls } from '../../sdk/seats.js';
import { type StaffRecord, type StaffStatus, statusTimeOn } from '../../state/staff.js';
import { TcccErrorCode } from '../errors.js';
import { type ActionCall, paramsOf } from './call.js';
import { checkCount, invalidValue, requireApp } from './checks.js';
import { API_LIMITS } from './limits.js';

/** Statuses as the cloud API names them. */
export const API_STATUSES = [
  'free',
  'busy',
  'rest',
  'notReady',
  'afterCallWork',
  'offline',
] as const;
export type ApiStatus = (typeof API_STATUSES)[number];

/** What SetStaffStatus can set. */
export const SETTABLE_STATUSES = ['free', 'notReady', 'rest'] as const;
type SettableStatus = (typeof SETTABLE_STATUSES)[number];

export function apiStatusOf(status: StaffStatus): ApiStatus {
  return status === 'arrange' ? 'afterCallWork' : status;
}

const seconds = (ms: number) => Math.floor(ms / 1000);

interface DescribeStaffStatusMetricsParams {
  SdkAppId: number;
  StaffList?: string[];
  GroupIdList?: number[];
  StatusList?: string[];
}

function checkStatusList(list: readonly string[]): void {
  list.forEach((status, i) => {
    if (!(API_STATUSES as readonly string[]).includes(status)) {
      throw invalidValue(
        `\`StatusList.${i}\` is \`${excerpt(status)}\`; a status is one of ${API_STATUSES.map((s) => `\`${s}\``).join(', ')}.`,
      );
    }
  });
}

export function describeStaffStatusMetrics(call: ActionCall) {
  const params = paramsOf<DescribeStaffStatusMetricsParams>(call);
  const max = API_LIMITS.staffMetricsFilterItems;
  if (params.StaffList) checkCount('StaffList', params.StaffList, max);
  if (params.GroupIdList) checkCount('GroupIdList', params.GroupIdList, max);
  if (params.StatusList) {
    checkCount('StatusList', params.StatusList, max);
    checkStatusList(params.StatusList);
  }
  requireApp(call.ctx, params.SdkAppId);
  const { store, clock } = call.ctx;
  const now = clock.now();
  const mails = params.StaffList?.length ? new Set(params.StaffList) : undefined;
  const groups = params.GroupIdList?.length ? new Set(params.GroupIdList) : undefined;
  const statuses = params.StatusList?.length ? new Set(params.StatusList) : undefined;
  const metrics = store.staff
    .list(params.SdkAppId)
    .filter(
      (member) =>
        (!mails || mails.has(member.mail)) &&
        (!groups || member.skillGroups.some((group) => groups.has(group.skillGroupId))) &&
        (!statuses || statuses.has(apiStatusOf(member.status))),
    )
    .map((member) => metricsOf(call, member, now));
  return { Metrics: metrics };
}

function metricsOf(call: ActionCall, member: StaffRecord, now: number) {
  const { store } = call.ctx;
  const seat = { sdkAppId: member.sdkAppId, seatUserId: member.mail };
  const time = statusTimeOn(member, now);
  const spent = (status: StaffStatus) => seconds(time[status] ?? 0);
  const inCall = member.status === 'busy' ? seatCalls(store, seat)[0] : undefined;
  return {
    Email: member.mail,
    Status: apiStatusOf(member.status),
    StatusExtra: inCall
      ? { Type: 'tel', Direct: inCall.direction === 'inbound' ? 'in' : 'out' }
      : { Type: '', Direct: '' },
    OnlineDuration:
      spent('free') + spent('busy') + spent('rest') + spent('notReady') + spent('arrange'),
    FreeDuration: spent('free'),
    BusyDuration: spent('busy'),
    NotReadyDuration: spent('notReady'),
    RestDuration: spent('rest'),
    AfterCallWorkDuration: spent('arrange'),
    Reason: member.restReason ?? '',
    ReserveRest: false,
    ReserveNotReady: false,
    UseMobileAccept: 0,
    UseMobileCallOut: false,
    LastOnlineTimestamp: member.lastOnlineAt === undefined ? null : seconds(member.lastOnlineAt),
    LastStatusTimestamp: seconds(member.statusSince),
    ClientInfo: store.sessions
      .ofSeat(member.sdkAppId, member.mail)
      .map((session) => ({ ClientType: 'Web', IsConnected: session.sinks.size > 0 })),
  };
}

interface SetStaffStatusParams {
  SdkAppId: number;
  StaffStatusList: { StaffUserId: string; Status: string; Reason?: string }[];
}

interface SetStaffStatusResult {
  StaffUserId: string;
  ErrorCode: string;
  ErrorMessage: string;
  Status: string;
  Reason: string;
  PreviousStatus: string;
  PreviousReason: string;
}

const WIRE: Record<SettableStatus, WireAgentStatus> = {
  free: 'free',
  notReady: 'notReady',
  rest: 'rest',
};

export function setStaffStatus(call: ActionCall) {
  const params = paramsOf<SetStaffStatusParams>(call);
  checkCount('StaffStatusList', params.StaffStatusList, API_LIMITS.setStaffStatusPerCall, 1);
  params.StaffStatusList.forEach((item, i) => {
    if (!(SETTABLE_STATUSES as readonly string[]).includes(item.Status)) {
      throw invalidValue(
        `\`StaffStatusList.${i}.Status\` is \`${excerpt(item.Status)}\`; SetStaffStatus sets ${SETTABLE_STATUSES.map((s) => `\`${s}\``).join(', ')} (the others follow calls and logins).`,
      );
    }
  });
  requireApp(call.ctx, params.SdkAppId);
  return {
    StaffStatusList: params.StaffStatusList.map((item) =>
      setOne(call, params.SdkAppId, item.StaffUserId, item.Status as SettableStatus, item.Reason),
    ),
  };
}

function setOne(
  call: ActionCall,
  sdkAppId: number,
  staffUserId: string,
  status: SettableStatus,
  reason: string | undefined,
): SetStaffStatusResult {
  const { store } = call.ctx;
  const before = store.staff.get(sdkAppId, staffUserId);
  const result = (error?: { code: string; message: string }): SetStaffStatusResult => {
    const after = store.staff.get(sdkAppId, staffUserId);
    return {
      StaffUserId: staffUserId,
      ErrorCode: error?.code ?? '',
      ErrorMessage: error?.message ?? '',
      Status: after ? apiStatusOf(after.status) : '',
      Reason: after?.restReason ?? '',
      PreviousStatus: before ? apiStatusOf(before.status) : '',
      PreviousReason: before?.restReason ?? '',
    };
  };
  const who = `\`${excerpt(staffUserId)}\``;
  if (!before) {
    return result({
      code: TcccErrorCode.AccountNotExist,
      message: `${who} is not an agent of SDKAppID \`${sdkAppId}\`.`,
    });
  }
  if (before.status === 'offline') {
    return result({
      code: TcccErrorCode.FailedOperation,
      message: `${who} is offline; a status can be set once the agent's SDK has logged in.`,
    });
  }
  const seat = { sdkAppId, seatUserId: staffUserId };
  const active = seatCalls(store, seat)[0];
  if (active) {
    return result({
      code: TcccErrorCode.SeatStatusBusy,
      message: `${who} is in call \`${active.sessionId}\`; the status changes back when the call ends.`,
    });
  }
  changeStatus(store, seat, WIRE[status], status === 'rest' ? reason : undefined);
  return result();
}
