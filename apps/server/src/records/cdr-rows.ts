/**
 * The call_records rows of the store: the newer-wins upsert of one CDR (with the rewrite of
 * its seats), and the columns a list shows. Used by kysely-store.ts inside its transactions.
 */
import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import { type Cdr, columnsOf, seatsOf, sortTimeOf } from './cdr.js';
import type { RecordsDatabase } from './schema.js';
import type { RecordSource, StoredCall } from './store.js';

export const LIST_COLUMNS = [
  'call_records.session_id',
  'call_records.direction',
  'call_records.call_type',
  'call_records.caller',
  'call_records.callee',
  'call_records.seat_user_id',
  'call_records.start_time',
  'call_records.ended_time',
  'call_records.duration',
  'call_records.end_status',
  'call_records.end_status_string',
  'call_records.hung_up_side',
  'call_records.source',
  'call_records.stored_at',
  'call_records.updated_at',
] as const;

type ListRow = Pick<
  RecordsDatabase['call_records'],
  | 'session_id'
  | 'direction'
  | 'call_type'
  | 'caller'
  | 'callee'
  | 'seat_user_id'
  | 'start_time'
  | 'ended_time'
  | 'duration'
  | 'end_status'
  | 'end_status_string'
  | 'hung_up_side'
  | 'source'
  | 'stored_at'
  | 'updated_at'
>;

export function toStoredCall(row: ListRow): StoredCall {
  return {
    sessionId: row.session_id,
    direction: row.direction,
    callType: row.call_type,
    caller: row.caller,
    callee: row.callee,
    seatUserId: row.seat_user_id,
    startTime: row.start_time,
    endedTime: row.ended_time,
    duration: row.duration,
    endStatus: row.end_status,
    endStatusString: row.end_status_string,
    hungUpSide: row.hung_up_side,
    source: row.source as RecordSource,
    storedAt: row.stored_at,
    updatedAt: row.updated_at,
  };
}

/**
 * Inserts `cdr`, or replaces the stored version of its session when `cdr` ranks strictly
 * higher (cdr.ts), decided by the database in the same statement; rewrites the session's
 * seats when it wrote.
 */
export async function upsertCdr(
  trx: Transaction<RecordsDatabase>,
  cdr: Cdr,
  source: RecordSource,
  at: number,
): Promise<'inserted' | 'updated' | 'unchanged'> {
  const writeId = randomUUID();
  const written = await trx
    .insertInto('call_records')
    .values({
      ...columnsOf(cdr),
      source,
      first_write_id: writeId,
      stored_at: at,
      updated_at: at,
    })
    .onConflict((conflict) =>
      conflict
        .column('session_id')
        .doUpdateSet((eb) => ({
          sdk_app_id: eb.ref('excluded.sdk_app_id'),
          direction: eb.ref('excluded.direction'),
          call_type: eb.ref('excluded.call_type'),
          caller: eb.ref('excluded.caller'),
          callee: eb.ref('excluded.callee'),
          seat_user_id: eb.ref('excluded.seat_user_id'),
          start_time: eb.ref('excluded.start_time'),
          ended_time: eb.ref('excluded.ended_time'),
          duration: eb.ref('excluded.duration'),
          end_status: eb.ref('excluded.end_status'),
          end_status_string: eb.ref('excluded.end_status_string'),
          hung_up_side: eb.ref('excluded.hung_up_side'),
          rank_ended: eb.ref('excluded.rank_ended'),
          rank_legs: eb.ref('excluded.rank_legs'),
          rank_members: eb.ref('excluded.rank_members'),
          cdr: eb.ref('excluded.cdr'),
          source: eb.ref('excluded.source'),
          updated_at: eb.ref('excluded.updated_at'),
        }))
        // Strictly newer only (cdr.ts): ended, then legs, then members.
        .where(({ eb, or, and, ref }) =>
          or([
            eb('excluded.rank_ended', '>', ref('call_records.rank_ended')),
            and([
              eb('excluded.rank_ended', '=', ref('call_records.rank_ended')),
              or([
                eb('excluded.rank_legs', '>', ref('call_records.rank_legs')),
                and([
                  eb('excluded.rank_legs', '=', ref('call_records.rank_legs')),
                  eb('excluded.rank_members', '>', ref('call_records.rank_members')),
                ]),
              ]),
            ]),
          ]),
        ),
    )
    .returning('first_write_id')
    .executeTakeFirst();
  if (!written) return 'unchanged' as const;

  // The row is locked by the upsert until commit, so the seats of one call are rewritten
  // by one writer at a time.
  await trx.deleteFrom('call_record_seats').where('session_id', '=', cdr.SessionId).execute();
  const seats = seatsOf(cdr);
  if (seats.length > 0) {
    const sortTime = sortTimeOf(cdr);
    await trx
      .insertInto('call_record_seats')
      .values(
        seats.map((seat) => ({
          seat_user_id: seat,
          session_id: cdr.SessionId,
          sort_time: sortTime,
        })),
      )
      .execute();
  }
  return written.first_write_id === writeId ? ('inserted' as const) : ('updated' as const);
}
