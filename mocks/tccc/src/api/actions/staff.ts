/**
 * The agents of an app, from `store.staff`:
 *
 * - DescribeStaffInfoList: a 0-based page (PageSize <= 9999) of the app's staff in the order
 *   they were added, optionally only `StaffMail`, members of `SkillGroupId`, or those
 *   modified at or after `ModifiedTime` (Unix seconds); TotalCount counts every page.
 * - CreateStaff: adds up to 10 agents (offline until their SDK logs in). An agent that cannot
 *   be added is reported in `ErrorStaffList` and the others are still added: a Mail the app
 *   has (or the request repeats) is `FailedOperation.DuplicatedAccount`; a Mail that is not
 *   an e-mail address is `InvalidParameterValue`; a `SkillGroupNameList` name the app does
 *   not have is `InvalidParameterValue.SkillGroupError` [unconfirmed codes and texts].
 */
import { excerpt } from '../../quote.js';
import { toStaffInfo } from '../../state/shapes.js';
import type { StaffSeed } from '../../state/staff.js';
import type { SeatUserInfo } from '../../state/tencent-types.js';
import { TcccErrorCode } from '../errors.js';
import { type ActionCall, paramsOf } from './call.js';
import { checkCount, invalidValue, pageWindow, requireApp } from './checks.js';
import { API_LIMITS } from './limits.js';

interface DescribeStaffInfoListParams {
  SdkAppId: number;
  PageSize: number;
  PageNumber: number;
  StaffMail?: string;
  ModifiedTime?: number;
  SkillGroupId?: number;
}

export function describeStaffInfoList(call: ActionCall) {
  const params = paramsOf<DescribeStaffInfoListParams>(call);
  const { offset, limit } = pageWindow({
    pageNumber: params.PageNumber,
    pageSize: params.PageSize,
    maxPageSize: API_LIMITS.staffPageSize,
  });
  requireApp(call.ctx, params.SdkAppId);
  const { store } = call.ctx;
  const matching = store.staff
    .list(params.SdkAppId)
    .filter(
      (member) =>
        (params.StaffMail === undefined || member.mail === params.StaffMail) &&
        (params.ModifiedTime === undefined || member.lastModified >= params.ModifiedTime) &&
        (params.SkillGroupId === undefined ||
          member.skillGroups.some((group) => group.skillGroupId === params.SkillGroupId)),
    );
  return {
    TotalCount: matching.length,
    StaffList: matching
      .slice(offset, offset + limit)
      .map((member) => toStaffInfo(member, store.skillGroups)),
  };
}

interface CreateStaffParams {
  SdkAppId: number;
  Staffs: SeatUserInfo[];
  /** TCCC mails the new agents their passwords; the mock mails nobody. */
  SendPassword?: boolean;
}

interface ErrStaffItem {
  StaffEmail: string;
  Code: string;
  Message: string;
}

/** Loose on purpose: TCCC's own rule is not published [unconfirmed]. */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const MAX_MAIL_CHARS = 254;

export function createStaff(call: ActionCall) {
  const params = paramsOf<CreateStaffParams>(call);
  checkCount('Staffs', params.Staffs, API_LIMITS.createStaffPerCall, 1);
  params.Staffs.forEach((staff, i) => {
    for (const [name, value] of Object.entries({
      Name: staff.Name,
      StaffNumber: staff.StaffNumber,
    })) {
      if (value.trim() === '') throw invalidValue(`\`Staffs.${i}.${name}\` must not be empty.`);
    }
    if (staff.Role !== undefined && staff.Role < 1) {
      throw invalidValue(
        `\`Staffs.${i}.Role\` is a role id, a positive integer (got ${staff.Role}).`,
      );
    }
  });
  requireApp(call.ctx, params.SdkAppId);
  const { store } = call.ctx;
  const errors: ErrStaffItem[] = [];
  const fail = (mail: string, code: string, message: string) => {
    errors.push({ StaffEmail: mail, Code: code, Message: message });
  };
  const added = new Set<string>();
  for (const staff of params.Staffs) {
    const mail = staff.Mail.trim();
    if (mail.length > MAX_MAIL_CHARS || !EMAIL.test(mail)) {
      fail(
        excerpt(staff.Mail),
        TcccErrorCode.InvalidParameterValue,
        `\`${excerpt(staff.Mail)}\` is not an e-mail address (at most ${MAX_MAIL_CHARS} characters); an agent's Mail is its account (SeatUserId).`,
      );
      continue;
    }
    if (added.has(mail)) {
      fail(
        mail,
        TcccErrorCode.DuplicatedAccount,
        `\`${excerpt(mail)}\` appears more than once in \`Staffs\`; the first was added.`,
      );
      continue;
    }
    if (store.staff.has(params.SdkAppId, mail)) {
      fail(
        mail,
        TcccErrorCode.DuplicatedAccount,
        `\`${excerpt(mail)}\` is already an agent of SDKAppID \`${params.SdkAppId}\`.`,
      );
      continue;
    }
    const unknownGroups = (staff.SkillGroupNameList ?? []).filter(
      (name) => !store.skillGroups.byName(params.SdkAppId, name),
    );
    if (unknownGroups.length > 0) {
      fail(
        mail,
        TcccErrorCode.SkillGroupError,
        `SDKAppID \`${params.SdkAppId}\` has no skill group named ${unknownGroups.map((name) => `\`${excerpt(name)}\``).join(', ')}; create it first or leave it out of SkillGroupNameList.`,
      );
      continue;
    }
    const seed: StaffSeed = {
      sdkAppId: params.SdkAppId,
      mail,
      name: staff.Name,
      staffNumber: staff.StaffNumber,
      phone: staff.Phone ?? '',
      nick: staff.Nick ?? staff.Name,
      extensionNumber: staff.ExtensionNumber ?? '',
      roles: [staff.Role ?? 1],
      skillGroups: [...new Set(staff.SkillGroupNameList ?? [])].map((name) => ({
        skillGroupId: store.skillGroups.byName(params.SdkAppId, name)?.skillGroupId ?? 0,
        priority: 1,
      })),
    };
    store.staff.add(seed);
    added.add(mail);
  }
  return { ErrorStaffList: errors };
}
