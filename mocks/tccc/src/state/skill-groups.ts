/**
 * Skill groups of each app, with the fields of TCCC's `SkillGroupInfoItem`. Staff name the
 * groups they belong to (StaffRecord.skillGroups); this table holds the groups themselves.
 */

export interface SkillGroupSeed {
  readonly sdkAppId: number;
  readonly skillGroupId: number;
  readonly name: string;
  /** `Type`, e.g. "TEL" or "IM" ([unconfirmed] value set; default "TEL"). */
  readonly type: string;
  /** `SkillGroupType` ([unconfirmed]: 0 phone, 1 online, 3 audio, 4 video; default 0). */
  readonly skillGroupType: number;
  /** `RoutePolicy` ([unconfirmed] value set; default "fifo", the spec's example). */
  readonly routePolicy: string;
  /** `UsingLastSeat`: 1 routes a returning customer to the agent they had last. */
  readonly usingLastSeat: number;
  readonly maxConcurrency: number;
  readonly ringAll: boolean;
  readonly alias: string;
}

export interface SkillGroupRecord extends SkillGroupSeed {
  /** LastModifyTimestamp: Unix seconds by the mock clock. */
  readonly lastModified: number;
}

export interface SkillGroupTable {
  /** Every group of an app, in the order added; every app's when omitted. */
  list(sdkAppId?: number): SkillGroupRecord[];
  get(sdkAppId: number, skillGroupId: number): SkillGroupRecord | undefined;
  byName(sdkAppId: number, name: string): SkillGroupRecord | undefined;
  /** Adds a group; returns undefined (and changes nothing) if its id exists in the app. */
  add(seed: SkillGroupSeed): SkillGroupRecord | undefined;
  remove(sdkAppId: number, skillGroupId: number): boolean;
  readonly size: number;
  clear(): void;
}

export function createSkillGroupTable(now: () => number): SkillGroupTable {
  const byApp = new Map<number, Map<number, SkillGroupRecord>>();
  return {
    list: (sdkAppId) =>
      sdkAppId === undefined
        ? [...byApp.values()].flatMap((groups) => [...groups.values()])
        : [...(byApp.get(sdkAppId)?.values() ?? [])],
    get: (sdkAppId, skillGroupId) => byApp.get(sdkAppId)?.get(skillGroupId),
    byName: (sdkAppId, name) =>
      [...(byApp.get(sdkAppId)?.values() ?? [])].find((group) => group.name === name),
    add(seed) {
      let groups = byApp.get(seed.sdkAppId);
      if (!groups) {
        groups = new Map();
        byApp.set(seed.sdkAppId, groups);
      }
      if (groups.has(seed.skillGroupId)) return undefined;
      const record = Object.freeze({ ...seed, lastModified: Math.floor(now() / 1000) });
      groups.set(seed.skillGroupId, record);
      return record;
    },
    remove: (sdkAppId, skillGroupId) => byApp.get(sdkAppId)?.delete(skillGroupId) ?? false,
    get size() {
      let count = 0;
      for (const groups of byApp.values()) count += groups.size;
      return count;
    },
    clear: () => byApp.clear(),
  };
}
