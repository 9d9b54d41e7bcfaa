/**
 * Staff (seats): the agents of each app, with the fields of TCCC's `StaffInfo`, their skill
 * groups, and their status. A seat's `mail` is its SeatUserId: the account CreateSDKLoginToken
 * issues for and the SDK logs in as. Status lives here, not on an SDK session, so the SDK,
 * SetStaffStatus and DescribeStaffStatusMetrics all read one truth.
 */
import type { WireAgentStatus } from '@tccc-kit/fake-sdk';

/** An agent's status: what the SDK reports, or `offline` while no SDK session is logged in. */
export type StaffStatus = WireAgentStatus | 'offline';

export interface StaffSkillGroup {
  readonly skillGroupId: number;
  /** 1 is the highest priority ([unconfirmed] scale; the spec only says Priority). */
  readonly priority: number;
}

/** A member of staff as seeded (config, options) or created (CreateStaff): every field set. */
export interface StaffSeed {
  readonly sdkAppId: number;
  /** The SeatUserId, usually an e-mail address. */
  readonly mail: string;
  readonly name: string;
  readonly staffNumber: string;
  readonly phone: string;
  readonly nick: string;
  readonly extensionNumber: string;
  /** RoleList. */
  readonly roles: readonly number[];
  readonly skillGroups: readonly StaffSkillGroup[];
}

export interface StaffRecord extends StaffSeed {
  /** LastModifyTimestamp: Unix seconds by the mock clock. */
  readonly lastModified: number;
  readonly status: StaffStatus;
  /** When the status last changed, epoch ms by the mock clock. */
  readonly statusSince: number;
  /** Reason given with the `rest` status, if any. */
  readonly restReason: string | undefined;
  /**
   * Milliseconds spent in each status on the status day that began at `statusDay`, the
   * stretch in progress (since `statusSince`) not included: see `statusTimeOn`.
   */
  readonly statusTotals: Readonly<Partial<Record<StaffStatus, number>>>;
  /** Start of the status day `statusTotals` counts (epoch ms, see `statusDayStart`). */
  readonly statusDay: number;
  /** When the seat last left `offline` (epoch ms, mock clock); undefined if it never did. */
  readonly lastOnlineAt: number | undefined;
}

/**
 * Status days start at midnight UTC+8 (Beijing), the day TCCC's per-day agent metrics
 * (DescribeStaffStatusMetrics: "today's" durations) most plausibly count [unconfirmed].
 */
export const STATUS_DAY_UTC_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

/** Start (epoch ms) of the status day that contains `t`. */
export function statusDayStart(t: number): number {
  return Math.floor((t + STATUS_DAY_UTC_OFFSET_MS) / DAY_MS) * DAY_MS - STATUS_DAY_UTC_OFFSET_MS;
}

/** Milliseconds the member spent in each status on the status day of `now`, up to `now`. */
export function statusTimeOn(
  record: StaffRecord,
  now: number,
): Partial<Record<StaffStatus, number>> {
  const day = statusDayStart(now);
  const totals: Partial<Record<StaffStatus, number>> =
    record.statusDay === day ? { ...record.statusTotals } : {};
  const from = Math.max(record.statusSince, day);
  if (now > from) totals[record.status] = (totals[record.status] ?? 0) + (now - from);
  return totals;
}

/** Fields a later change may set (CreateStaff re-run, an admin edit). */
export type StaffChanges = Partial<Omit<StaffSeed, 'sdkAppId' | 'mail'>>;

export interface StaffTable {
  /** Every member of an app, in the order they were added; every app's when omitted. */
  list(sdkAppId?: number): StaffRecord[];
  get(sdkAppId: number, mail: string): StaffRecord | undefined;
  has(sdkAppId: number, mail: string): boolean;
  /** Adds a member, `offline`; returns undefined (and changes nothing) if the mail exists. */
  add(seed: StaffSeed): StaffRecord | undefined;
  /** Changes fields of a member; returns the new record, undefined if unknown. */
  update(sdkAppId: number, mail: string, changes: StaffChanges): StaffRecord | undefined;
  remove(sdkAppId: number, mail: string): boolean;
  /** Sets the status (and rest reason); returns the new record, undefined if unknown. */
  setStatus(
    sdkAppId: number,
    mail: string,
    status: StaffStatus,
    restReason?: string,
  ): StaffRecord | undefined;
  /** Members of an app in a skill group. */
  inSkillGroup(sdkAppId: number, skillGroupId: number): StaffRecord[];
  readonly size: number;
  clear(): void;
}

export function createStaffTable(now: () => number): StaffTable {
  const byApp = new Map<number, Map<string, StaffRecord>>();
  const appOf = (sdkAppId: number) => {
    let members = byApp.get(sdkAppId);
    if (!members) {
      members = new Map();
      byApp.set(sdkAppId, members);
    }
    return members;
  };
  const seconds = () => Math.floor(now() / 1000);
  const put = (record: StaffRecord) => {
    appOf(record.sdkAppId).set(record.mail, Object.freeze(record));
    return record;
  };

  return {
    list: (sdkAppId) =>
      sdkAppId === undefined
        ? [...byApp.values()].flatMap((members) => [...members.values()])
        : [...(byApp.get(sdkAppId)?.values() ?? [])],
    get: (sdkAppId, mail) => byApp.get(sdkAppId)?.get(mail),
    has: (sdkAppId, mail) => byApp.get(sdkAppId)?.has(mail) ?? false,
    add(seed) {
      if (byApp.get(seed.sdkAppId)?.has(seed.mail)) return undefined;
      return put({
        ...seed,
        roles: Object.freeze([...seed.roles]),
        skillGroups: Object.freeze(seed.skillGroups.map((group) => Object.freeze({ ...group }))),
        lastModified: seconds(),
        status: 'offline',
        statusSince: now(),
        restReason: undefined,
        statusTotals: Object.freeze({}),
        statusDay: statusDayStart(now()),
        lastOnlineAt: undefined,
      });
    },
    update(sdkAppId, mail, changes) {
      const record = byApp.get(sdkAppId)?.get(mail);
      if (!record) return undefined;
      return put({ ...record, ...changes, lastModified: seconds() });
    },
    remove: (sdkAppId, mail) => byApp.get(sdkAppId)?.delete(mail) ?? false,
    setStatus(sdkAppId, mail, status, restReason) {
      const record = byApp.get(sdkAppId)?.get(mail);
      if (!record) return undefined;
      if (record.status === status && record.restReason === restReason) return record;
      if (record.status === status) {
        return put({ ...record, restReason: status === 'rest' ? restReason : undefined });
      }
      const at = now();
      return put({
        ...record,
        status,
        restReason: status === 'rest' ? restReason : undefined,
        statusSince: at,
        statusTotals: Object.freeze(statusTimeOn(record, at)),
        statusDay: statusDayStart(at),
        lastOnlineAt: record.status === 'offline' ? at : record.lastOnlineAt,
      });
    },
    inSkillGroup: (sdkAppId, skillGroupId) =>
      [...(byApp.get(sdkAppId)?.values() ?? [])].filter((member) =>
        member.skillGroups.some((group) => group.skillGroupId === skillGroupId),
      ),
    get size() {
      let count = 0;
      for (const members of byApp.values()) count += members.size;
      return count;
    },
    clear: () => byApp.clear(),
  };
}
