/**
 * Validating the skill groups of a seed; every bad field is named, a group with one is left
 * out. Defaults ([unconfirmed]): type "TEL", skillGroupType 0, routePolicy "fifo",
 * usingLastSeat 0, maxConcurrency 1, ringAll false, alias "".
 */
import { quote } from '../quote.js';
import type { SkillGroupSeed } from '../state/skill-groups.js';
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

/** The app an entry belongs to: its own sdkAppId if it names a configured app, else the first. */
export function appOf(
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
