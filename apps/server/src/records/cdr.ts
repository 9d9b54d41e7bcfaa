/**
 * What the store derives from a call-detail record (CDR, TCCC's `TelCdrInfo`): the columns
 * it lists and sorts by, the agents who served the call, and the rank that decides which of
 * two versions of one session's record is newer.
 *
 * "Newer" (a late or repeated push never overwrites newer data with older): compare
 *   1. EndedTimestamp (absent counts as -1): a record of a call that ended later is newer;
 *      a transfer or a late leg only ever moves the end later;
 *   2. the number of legs (ServeParticipants): at the same end time, more legs means more
 *      of the call is known;
 *   3. the number of members with a value (not null, '', [] or {}): at the same end and legs,
 *      the fuller record (e.g. DescribeTelCdr's, with AsrUrl and EndStatus) wins.
 * A version wins only when strictly greater, so a duplicate or an equal record changes
 * nothing, and two versions arriving in either order leave the same row.
 */
import type { TelCdrInfo } from '@tccc-kit/tccc-client';

/** A validated CDR: TCCC's TelCdrInfo with its SessionId, plus the push-only members. */
export type Cdr = TelCdrInfo & {
  SessionId: string;
  /** Data Push only: the app the record belongs to. */
  SdkAppId?: number;
  /** Data Push only: the remark given for the call. */
  UserRemark?: string;
};

export interface Rank {
  ended: number;
  legs: number;
  members: number;
}

const hasValue = (value: unknown): boolean => {
  if (value === null || value === undefined || value === '') return false;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') return Object.keys(value).length > 0;
  return true;
};

export function rankOf(cdr: Cdr): Rank {
  return {
    ended: typeof cdr.EndedTimestamp === 'number' ? cdr.EndedTimestamp : -1,
    legs: Array.isArray(cdr.ServeParticipants) ? cdr.ServeParticipants.length : 0,
    members: Object.values(cdr).filter(hasValue).length,
  };
}

/** True when `a` is a newer version than `b` (strictly). */
export function isNewer(a: Rank, b: Rank): boolean {
  if (a.ended !== b.ended) return a.ended > b.ended;
  if (a.legs !== b.legs) return a.legs > b.legs;
  return a.members > b.members;
}

const seatId = (value: unknown) =>
  typeof value === 'string' && value.trim() !== '' ? value.trim().toLowerCase() : undefined;

/** The agent the call ended with (SeatUser): its UserId, else its Mail, lower-cased. */
export function lastSeatOf(cdr: Cdr): string | undefined {
  return seatId(cdr.SeatUser?.UserId) ?? seatId(cdr.SeatUser?.Mail);
}

/**
 * Every agent who served the call: SeatUser (UserId and Mail) and the Mail of each leg
 * (ServeParticipants), lower-cased, so an agent who transferred a call still finds it.
 */
export function seatsOf(cdr: Cdr): string[] {
  const seats = new Set<string>();
  for (const value of [cdr.SeatUser?.UserId, cdr.SeatUser?.Mail]) {
    const id = seatId(value);
    if (id) seats.add(id);
  }
  for (const leg of cdr.ServeParticipants ?? []) {
    const id = seatId(leg?.Mail);
    if (id) seats.add(id);
  }
  return [...seats];
}

/** When the call began, for ordering: StartTimestamp, else Time, else EndedTimestamp, else 0. */
export function sortTimeOf(cdr: Cdr): number {
  return cdr.StartTimestamp ?? cdr.Time ?? cdr.EndedTimestamp ?? 0;
}

const orNull = <T>(value: T | undefined): T | null => (value === undefined ? null : value);

/** The listed columns of a CDR (see schema.ts CallRecordsTable). */
export function columnsOf(cdr: Cdr) {
  const rank = rankOf(cdr);
  return {
    session_id: cdr.SessionId,
    sdk_app_id: orNull(cdr.SdkAppId),
    direction: orNull(cdr.Direction),
    call_type: orNull(cdr.CallType),
    caller: orNull(cdr.Caller),
    callee: orNull(cdr.Callee),
    seat_user_id: orNull(lastSeatOf(cdr)),
    start_time: orNull(cdr.StartTimestamp ?? cdr.Time),
    ended_time: orNull(cdr.EndedTimestamp),
    duration: orNull(cdr.Duration),
    end_status: orNull(cdr.EndStatus),
    end_status_string: orNull(cdr.EndStatusString),
    hung_up_side: orNull(cdr.HungUpSide),
    rank_ended: rank.ended,
    rank_legs: rank.legs,
    rank_members: rank.members,
    cdr: JSON.stringify(cdr),
  };
}
