/**
 * Validating the staff of a seed, and filling in the defaults of a member given only as a
 * seat (`apps[].seats`). Every bad field is named; a member with a bad field is left out.
 *
 * Defaults ([unconfirmed]: TCCC's console fills these in, the API docs do not say how):
 * name = the part of the mail before "@", nick = name, staffNumber = the member's 1-based
 * position in its app, phone and extensionNumber empty, roles [1] (the value in Tencent's
 * example), no skill groups.
 */
import { quote } from '../quote.js';
import type { SkillGroupSeed } from '../state/skill-groups.js';
import type { StaffSeed, StaffSkillGroup } from '../state/staff.js';
import type { ReadApp } from './directory.js';
import { array, checkKeys, integer, isRecord, type Problems, trimmedString } from './read.js';
import { appOf } from './skill-groups.js';

export interface MockStaffConfig {
  /** Defaults to the first app. */
  sdkAppId?: number;
  /** The SeatUserId. */
  mail: string;
  name?: string;
  staffNumber?: string;
  phone?: string;
  nick?: string;
  extensionNumber?: string;
  roles?: readonly number[];
  /** Skill group ids (priority 1), or `{ skillGroupId, priority }`. */
  skillGroups?: readonly (number | { skillGroupId: number; priority?: number })[];
}

const STAFF_FIELDS = [
  'sdkAppId',
  'mail',
  'name',
  'staffNumber',
  'phone',
  'nick',
  'extensionNumber',
  'roles',
  'skillGroups',
] as const;

function readMemberGroups(
  value: unknown,
  at: string,
  sdkAppId: number | undefined,
  groups: readonly SkillGroupSeed[],
  problems: Problems,
): StaffSkillGroup[] {
  const list = array(value, at, problems, 'skill group ids or { skillGroupId, priority }');
  if (!list) return [];
  const seen = new Set<number>();
  return list.flatMap((item, j) => {
    const where = `${at}[${j}]`;
    const entry = typeof item === 'number' ? { skillGroupId: item } : item;
    if (!isRecord(entry)) {
      problems.push(`${where} must be a skill group id or { skillGroupId, priority }`);
      return [];
    }
    checkKeys(entry, ['skillGroupId', 'priority'], `${where}.`, problems);
    const id = integer(entry.skillGroupId, `${where}.skillGroupId`, problems, {
      min: 1,
      what: 'a positive integer',
    });
    const priority =
      entry.priority === undefined
        ? 1
        : integer(entry.priority, `${where}.priority`, problems, {
            min: 1,
            max: 100,
            what: 'an integer from 1 (highest) to 100',
          });
    if (id === undefined || priority === undefined || sdkAppId === undefined) return [];
    if (!groups.some((group) => group.sdkAppId === sdkAppId && group.skillGroupId === id)) {
      problems.push(`${where} names skill group ${id}, which app ${sdkAppId} does not have`);
      return [];
    }
    if (seen.has(id)) {
      problems.push(`${where} repeats skill group ${id}`);
      return [];
    }
    seen.add(id);
    return [{ skillGroupId: id, priority }];
  });
}

function readRoles(value: unknown, at: string, problems: Problems): number[] | undefined {
  const list = array(value, at, problems, 'role ids (positive integers)');
  if (!list) return undefined;
  const roles = list.map((role, j) =>
    integer(role, `${at}[${j}]`, problems, { min: 1, what: 'a positive integer' }),
  );
  return roles.every((role) => role !== undefined) ? (roles as number[]) : undefined;
}

type StaffFields = Omit<StaffSeed, 'staffNumber'> & { staffNumber: string | undefined };

/** Explicit staff entries; defaults for seats and staff numbers are filled by `completeStaff`. */
export function readStaff(
  value: unknown,
  apps: readonly ReadApp[],
  groups: readonly SkillGroupSeed[],
  problems: Problems,
): StaffFields[] {
  const list = array(value, 'staff', problems, '{ mail, name?, skillGroups?, … }');
  if (!list) return [];
  const seen = new Set<string>(
    apps.flatMap((app) => app.seats.map((seat) => `${app.sdkAppId}/${seat}`)),
  );
  return list.flatMap((entry, i) => {
    const at = `staff[${i}]`;
    if (!isRecord(entry)) {
      problems.push(`${at} must be an object { mail, name?, skillGroups?, … }`);
      return [];
    }
    const before = problems.length;
    checkKeys(entry, STAFF_FIELDS, `${at}.`, problems);
    const sdkAppId = appOf(entry, at, apps, problems);
    const mail = trimmedString(entry.mail, `${at}.mail`, problems);
    const text = (key: string, allowEmpty: boolean) =>
      entry[key] === undefined
        ? undefined
        : trimmedString(entry[key], `${at}.${key}`, problems, { allowEmpty });
    const name = text('name', false);
    const staffNumber = text('staffNumber', false);
    const phone = text('phone', true);
    const nick = text('nick', true);
    const extensionNumber = text('extensionNumber', true);
    const roles = entry.roles === undefined ? [1] : readRoles(entry.roles, `${at}.roles`, problems);
    const skillGroups =
      entry.skillGroups === undefined
        ? []
        : readMemberGroups(entry.skillGroups, `${at}.skillGroups`, sdkAppId, groups, problems);
    if (sdkAppId !== undefined && mail !== undefined && seen.has(`${sdkAppId}/${mail}`)) {
      problems.push(
        `${at}.mail ${quote(mail)} is already a seat or member of app ${sdkAppId}: list each seat once, in apps[].seats or in staff`,
      );
    }
    if (problems.length > before || sdkAppId === undefined || !mail || !roles) return [];
    seen.add(`${sdkAppId}/${mail}`);
    const display = name ?? mail.split('@')[0] ?? mail;
    return [
      {
        sdkAppId,
        mail,
        name: display,
        staffNumber,
        phone: phone ?? '',
        nick: nick ?? display,
        extensionNumber: extensionNumber ?? '',
        roles,
        skillGroups,
      },
    ];
  });
}

/**
 * Every member of staff: each app's seats first (default fields), then the explicit entries;
 * a missing staffNumber becomes the member's 1-based position in its app.
 */
export function completeStaff(apps: readonly ReadApp[], explicit: StaffFields[]): StaffSeed[] {
  const fromSeats: StaffFields[] = apps.flatMap((app) =>
    app.seats.map((mail) => {
      const name = mail.split('@')[0] || mail;
      return {
        sdkAppId: app.sdkAppId,
        mail,
        name,
        staffNumber: undefined,
        phone: '',
        nick: name,
        extensionNumber: '',
        roles: [1],
        skillGroups: [],
      };
    }),
  );
  const position = new Map<number, number>();
  return [...fromSeats, ...explicit].map((member) => {
    const n = (position.get(member.sdkAppId) ?? 0) + 1;
    position.set(member.sdkAppId, n);
    return { ...member, staffNumber: member.staffNumber ?? String(n) };
  });
}
