/**
 * Validating the skill groups and staff of a seed, and filling in the defaults of a member
 * given only as a seat (`apps[].seats`). Every bad field is named; a member or group with a
 * bad field is left out.
 *
 * Defaults ([unconfirmed]: TCCC's console fills these in, the API docs do not say how):
 * name = the part of the mail before "@", nick = name, staffNumber = the member's 1-based
 * position in its app, phone and extensionNumber empty, roles [1] (the value in Tencent's
 * example), no skill groups. A group: type "TEL", skillGroupType 0, routePolicy "fifo",
 * usingLastSeat 0, maxConcurrency 1, ringAll false, alias "".
 */
import { quote } from '../quote.js';
import type { SkillGroupSeed } from '../state/skill-groups.js';
import type { StaffSeed, StaffSkillGroup } from '../state/staff.js';
import type { ReadApp } from './directory.js';
import {
  array,
  boolean,
  checkKeys,
  integer,
  isRecord,
  type Problems,
  trimmedString,
} from './read.js';

export interface MockSkillGroupConfig {
  /** Defaults to the first app. */
  sdkAppId?: number;
  skillGroupId: number;
  name: string;
  type?: string;
  skillGroupType?: number;
  routePolicy?: string;
  usingLastSeat?: 0 | 1;
  maxConcurrency?: number;
  ringAll?: boolean;
  alias?: string;
}

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

const GROUP_FIELDS = [
  'sdkAppId',
  'skillGroupId',
  'name',
  'type',
  'skillGroupType',
  'routePolicy',
  'usingLastSeat',
  'maxConcurrency',
  'ringAll',
  'alias',
] as const;

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

/** The app an entry belongs to: its own sdkAppId if it names a configured app, else the first. */
function appOf(
  entry: Record<string, unknown>,
  at: string,
  apps: readonly ReadApp[],
  problems: Problems,
): number | undefined {
  if (entry.sdkAppId === undefined) return apps[0]?.sdkAppId;
  const id = entry.sdkAppId;
  if (typeof id !== 'number' || !apps.some((app) => app.sdkAppId === id)) {
    problems.push(
      `${at}.sdkAppId must be one of the configured apps (${apps.map((app) => app.sdkAppId).join(', ') || 'none valid'}), got ${quote(id)}`,
    );
    return undefined;
  }
  return id;
}

export function readSkillGroups(
  value: unknown,
  apps: readonly ReadApp[],
  problems: Problems,
): SkillGroupSeed[] {
  const list = array(value, 'skillGroups', problems, '{ skillGroupId, name, … }');
  if (!list) return [];
  const ids = new Set<string>();
  const names = new Set<string>();
  return list.flatMap((entry, i) => {
    const at = `skillGroups[${i}]`;
    if (!isRecord(entry)) {
      problems.push(`${at} must be an object { skillGroupId, name, … }`);
      return [];
    }
    const before = problems.length;
    checkKeys(entry, GROUP_FIELDS, `${at}.`, problems);
    const sdkAppId = appOf(entry, at, apps, problems);
    const id = integer(entry.skillGroupId, `${at}.skillGroupId`, problems, {
      min: 1,
      what: 'a positive integer',
    });
    const name = trimmedString(entry.name, `${at}.name`, problems);
    const optional = <T>(key: string, read: (v: unknown, where: string) => T | undefined) =>
      entry[key] === undefined ? undefined : read(entry[key], `${at}.${key}`);
    const type = optional('type', (v, w) => trimmedString(v, w, problems, { max: 32 }));
    const skillGroupType = optional('skillGroupType', (v, w) =>
      integer(v, w, problems, { max: 99 }),
    );
    const routePolicy = optional('routePolicy', (v, w) =>
      trimmedString(v, w, problems, { max: 64 }),
    );
    const usingLastSeat = optional('usingLastSeat', (v, w) =>
      integer(v, w, problems, { max: 1, what: '0 or 1' }),
    );
    const maxConcurrency = optional('maxConcurrency', (v, w) =>
      integer(v, w, problems, { min: 1, max: 1000, what: 'an integer from 1 to 1000' }),
    );
    const ringAll = optional('ringAll', (v, w) => boolean(v, w, problems));
    const alias = optional('alias', (v, w) => trimmedString(v, w, problems, { allowEmpty: true }));
    if (sdkAppId !== undefined && id !== undefined && ids.has(`${sdkAppId}/${id}`)) {
      problems.push(`${at}.skillGroupId ${id} repeats an earlier group of app ${sdkAppId}`);
    }
    if (sdkAppId !== undefined && name !== undefined && names.has(`${sdkAppId}/${name}`)) {
      problems.push(`${at}.name ${quote(name)} repeats an earlier group of app ${sdkAppId}`);
    }
    if (problems.length > before || sdkAppId === undefined || id === undefined || !name) {
      return [];
    }
    ids.add(`${sdkAppId}/${id}`);
    names.add(`${sdkAppId}/${name}`);
    return [
      {
        sdkAppId,
        skillGroupId: id,
        name,
        type: type ?? 'TEL',
        skillGroupType: skillGroupType ?? 0,
        routePolicy: routePolicy ?? 'fifo',
        usingLastSeat: usingLastSeat ?? 0,
        maxConcurrency: maxConcurrency ?? 1,
        ringAll: ringAll ?? false,
        alias: alias ?? '',
      },
    ];
  });
}

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
