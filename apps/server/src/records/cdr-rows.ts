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

type Outcome = 'inserted' | 'updated' | 'unchanged';

/** Rows per multi-row statement: 21 parameters each, far under either engine's limit. */
const BATCH_ROWS = 200;

/**
 * Inserts the rows, or replaces stored versions whose CDR ranks strictly lower (cdr.ts),
 * decided by the database in the same statement. Returns the session ids it wrote, with
 * whether the row is new (its first_write_id is this write's).
 */
async function upsertRows(
  trx: Transaction<RecordsDatabase>,
  cdrs: readonly Cdr[],
  source: RecordSource,
  at: number,
): Promise<Map<string, Outcome>> {
  const writeIds = new Map(cdrs.map((cdr) => [cdr.SessionId, randomUUID()]));
  const written = await trx
    .insertInto('call_records')
    .values(
      cdrs.map((cdr) => ({
        ...columnsOf(cdr),
        source,
        first_write_id: writeIds.get(cdr.SessionId) as string,
        stored_at: at,
        updated_at: at,
      })),
    )
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
    .returning(['session_id', 'first_write_id'])
    .execute();
  return new Map(
    written.map((row) => [
      row.session_id,
      row.first_write_id === writeIds.get(row.session_id) ? 'inserted' : 'updated',
    ]),
  );
}

/**
 * Rewrites the seats of the calls just written. Their rows are locked by the upsert until
 * commit, so the seats of one call are rewritten by one writer at a time.
 */
async function rewriteSeats(trx: Transaction<RecordsDatabase>, cdrs: readonly Cdr[]) {
  if (cdrs.length === 0) return;
  await trx
    .deleteFrom('call_record_seats')
    .where(
      'session_id',
      'in',
      cdrs.map((cdr) => cdr.SessionId),
    )
    .execute();
  const rows = cdrs.flatMap((cdr) => {
    const sortTime = sortTimeOf(cdr);
    return seatsOf(cdr).map((seat) => ({
      seat_user_id: seat,
      session_id: cdr.SessionId,
      sort_time: sortTime,
    }));
  });
  for (let start = 0; start < rows.length; start += BATCH_ROWS) {
    await trx
      .insertInto('call_record_seats')
      .values(rows.slice(start, start + BATCH_ROWS))
      .execute();
  }
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
): Promise<Outcome> {
  const outcome = (await upsertRows(trx, [cdr], source, at)).get(cdr.SessionId) ?? 'unchanged';
  if (outcome !== 'unchanged') await rewriteSeats(trx, [cdr]);
  return outcome;
}

/**
 * `upsertCdr` for many records with a few statements per 200 (a reconciled page costs three
 * round trips, not three hundred). Outcomes in the order of `cdrs`. A session listed twice
 * is stored one record at a time, in order, so the outcomes are those of saving each in turn
 * (one statement cannot upsert a row twice).
 */
export async function upsertCdrs(
  trx: Transaction<RecordsDatabase>,
  cdrs: readonly Cdr[],
  source: RecordSource,
  at: number,
): Promise<Outcome[]> {
  const sessions = new Set(cdrs.map((cdr) => cdr.SessionId));
  if (sessions.size < cdrs.length) {
    const outcomes: Outcome[] = [];
    for (const cdr of cdrs) outcomes.push(await upsertCdr(trx, cdr, source, at));
    return outcomes;
  }
  const outcomes = new Map<string, Outcome>();
  for (let start = 0; start < cdrs.length; start += BATCH_ROWS) {
    const batch = cdrs.slice(start, start + BATCH_ROWS);
    const written = await upsertRows(trx, batch, source, at);
    await rewriteSeats(
      trx,
      batch.filter((cdr) => written.has(cdr.SessionId)),
    );
    for (const [sessionId, outcome] of written) outcomes.set(sessionId, outcome);
  }
  return cdrs.map((cdr) => outcomes.get(cdr.SessionId) ?? 'unchanged');
}
