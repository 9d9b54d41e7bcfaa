/**
 * The `CallRecordStore` over Kysely: one set of queries for SQLite and PostgreSQL. Only SQL
 * both engines run alike is used: INSERT ... ON CONFLICT ... DO UPDATE ... WHERE, RETURNING,
 * row-value comparison for keyset paging, transactions.
 *
 * Idempotent by SessionId: the upsert replaces a stored CDR only when the new version ranks
 * strictly higher (cdr.ts), decided by the database in the same statement, so two instances
 * storing two versions of one call at once end with the newer one, whatever the order. The
 * push receipt is written in the same transaction as the record.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { type Cdr, columnsOf, seatsOf, sortTimeOf } from './cdr.js';
import type { RecordsDatabase } from './schema.js';
import type {
  CallRecordStore,
  PushAction,
  PushReceipt,
  ReconcileRun,
  RecordSource,
  SaveOutcome,
  StoredCall,
} from './store.js';

type Db = Kysely<RecordsDatabase>;
type Tx = Transaction<RecordsDatabase>;

export interface KyselyStoreOptions {
  engine: CallRecordStore['engine'];
  db: Db;
  /** Milliseconds; default Date.now. */
  now?: () => number;
  /** Called once by close(), after the Kysely instance is destroyed. */
  onClose?: () => Promise<void> | void;
}

const LIST_COLUMNS = [
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

function toStoredCall(row: ListRow): StoredCall {
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

export function createKyselyStore(options: KyselyStoreOptions): CallRecordStore {
  const { db, engine } = options;
  const now = options.now ?? Date.now;
  let closed: Promise<void> | undefined;

  /** Runs `work` in a transaction, first checking for an earlier push of the same UUID. */
  async function withReceipt(
    receipt: PushReceipt | undefined,
    sessionId: string,
    work: (trx: Tx) => Promise<Exclude<SaveOutcome, 'duplicate'>>,
  ): Promise<SaveOutcome> {
    return db.transaction().execute(async (trx) => {
      if (receipt) {
        const earlier = await trx
          .selectFrom('push_receipts')
          .select('outcome')
          .where('push_uuid', '=', receipt.uuid)
          .executeTakeFirst();
        if (earlier) return 'duplicate';
      }
      const outcome = await work(trx);
      if (receipt) {
        await trx
          .insertInto('push_receipts')
          .values({
            push_uuid: receipt.uuid,
            action: receipt.action,
            session_id: sessionId,
            outcome,
            received_at: now(),
          })
          .onConflict((conflict) => conflict.column('push_uuid').doNothing())
          .execute();
      }
      return outcome;
    });
  }

  async function upsertCdr(trx: Tx, cdr: Cdr, source: RecordSource) {
    const writeId = randomUUID();
    const at = now();
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

  const store: CallRecordStore = {
    engine,

    saveCdr(cdr, { source, receipt }) {
      return withReceipt(receipt, cdr.SessionId, (trx) => upsertCdr(trx, cdr, source));
    },

    async saveCdrs(cdrs, { source }) {
      if (cdrs.length === 0) return [];
      return db.transaction().execute(async (trx) => {
        const outcomes: SaveOutcome[] = [];
        for (const cdr of cdrs) outcomes.push(await upsertCdr(trx, cdr, source));
        return outcomes;
      });
    },

    saveRecording(push, { receipt } = {}) {
      return withReceipt(receipt, push.SessionId, async (trx) => {
        const at = now();
        const time = push.Timestamp ?? 0;
        const written = await trx
          .insertInto('call_recordings')
          .values({
            session_id: push.SessionId,
            record_id: push.RecordId,
            endpoint_user: push.EndpointUser ?? null,
            record_url: push.RecordURL ?? null,
            custom_record_url: push.CustomRecordURL ?? null,
            time,
            stored_at: at,
            updated_at: at,
          })
          .onConflict((conflict) =>
            conflict
              .columns(['session_id', 'record_id'])
              .doUpdateSet((eb) => ({
                endpoint_user: eb.ref('excluded.endpoint_user'),
                record_url: eb.ref('excluded.record_url'),
                custom_record_url: eb.ref('excluded.custom_record_url'),
                time: eb.ref('excluded.time'),
                updated_at: eb.ref('excluded.updated_at'),
              }))
              .where(({ eb, ref }) => eb('excluded.time', '>', ref('call_recordings.time'))),
          )
          .returning('stored_at')
          .executeTakeFirst();
        if (!written) return 'unchanged';
        // An update keeps the first stored_at (an update within the same millisecond as the
        // first store is reported as an insert: the label is for reports, the data is right).
        return written.stored_at === at ? 'inserted' : 'updated';
      });
    },

    saveVoicemail(push, { receipt } = {}) {
      return withReceipt(receipt, push.SessionId, async (trx) => {
        const written = await trx
          .insertInto('call_voicemails')
          .values({
            session_id: push.SessionId,
            record_url: push.RecordURL,
            endpoint_user: push.EndpointUser === undefined ? null : String(push.EndpointUser),
            time: push.Timestamp ?? 0,
            stored_at: now(),
          })
          .onConflict((conflict) => conflict.columns(['session_id', 'record_url']).doNothing())
          .returning('session_id')
          .executeTakeFirst();
        return written ? 'inserted' : 'unchanged';
      });
    },

    async findReceipt(uuid) {
      const row = await db
        .selectFrom('push_receipts')
        .select(['action', 'outcome'])
        .where('push_uuid', '=', uuid)
        .executeTakeFirst();
      return row
        ? { action: row.action as PushAction, outcome: row.outcome as SaveOutcome }
        : undefined;
    },

    async getCall(sessionId) {
      const row = await db
        .selectFrom('call_records')
        .select([...LIST_COLUMNS, 'call_records.cdr'])
        .where('session_id', '=', sessionId)
        .executeTakeFirst();
      return row ? { ...toStoredCall(row), cdr: JSON.parse(row.cdr) as Cdr } : undefined;
    },

    async listCalls(seatUserId, { limit, after }) {
      let query = db
        .selectFrom('call_record_seats')
        .innerJoin('call_records', 'call_records.session_id', 'call_record_seats.session_id')
        .select([...LIST_COLUMNS, 'call_record_seats.sort_time'])
        .where('call_record_seats.seat_user_id', '=', seatUserId.toLowerCase());
      if (after) {
        query = query.where(({ eb, refTuple, tuple }) =>
          eb(
            refTuple('call_record_seats.sort_time', 'call_record_seats.session_id'),
            '<',
            tuple(after.sortTime, after.sessionId),
          ),
        );
      }
      const rows = await query
        .orderBy('call_record_seats.sort_time', 'desc')
        .orderBy('call_record_seats.session_id', 'desc')
        .limit(limit + 1)
        .execute();
      const page = rows.slice(0, limit);
      const last = page.at(-1);
      return {
        calls: page.map(toStoredCall),
        ...(rows.length > limit && last
          ? { next: { sortTime: last.sort_time, sessionId: last.session_id } }
          : {}),
      };
    },

    async sessionIdsBetween(from, to) {
      const rows = await db
        .selectFrom('call_records')
        .select('session_id')
        .where('start_time', '>=', from)
        .where('start_time', '<=', to)
        .orderBy('session_id')
        .execute();
      return rows.map((row) => row.session_id);
    },

    async recordingsOf(sessionId) {
      const rows = await db
        .selectFrom('call_recordings')
        .selectAll()
        .where('session_id', '=', sessionId)
        .orderBy('record_id')
        .execute();
      return rows.map((row) => ({
        SessionId: row.session_id,
        RecordId: row.record_id,
        Timestamp: row.time,
        ...(row.endpoint_user === null ? {} : { EndpointUser: row.endpoint_user }),
        ...(row.record_url === null ? {} : { RecordURL: row.record_url }),
        ...(row.custom_record_url === null ? {} : { CustomRecordURL: row.custom_record_url }),
      }));
    },

    async voicemailsOf(sessionId) {
      const rows = await db
        .selectFrom('call_voicemails')
        .selectAll()
        .where('session_id', '=', sessionId)
        .orderBy('time')
        .execute();
      return rows.map((row) => ({
        SessionId: row.session_id,
        RecordURL: row.record_url,
        Timestamp: row.time,
        ...(row.endpoint_user === null ? {} : { EndpointUser: row.endpoint_user }),
      }));
    },

    async acquireLease(name, holder, ttlMs) {
      const at = now();
      const row = await db
        .insertInto('leases')
        .values({ name, holder, expires_at: at + ttlMs })
        .onConflict((conflict) =>
          conflict
            .column('name')
            .doUpdateSet((eb) => ({
              holder: eb.ref('excluded.holder'),
              expires_at: eb.ref('excluded.expires_at'),
            }))
            .where(({ eb, or, ref }) =>
              or([
                eb('leases.expires_at', '<=', at),
                eb('leases.holder', '=', ref('excluded.holder')),
              ]),
            ),
        )
        .returning('holder')
        .executeTakeFirst();
      return row?.holder === holder;
    },

    async releaseLease(name, holder) {
      await db.deleteFrom('leases').where('name', '=', name).where('holder', '=', holder).execute();
    },

    async saveReconcileRun(run: ReconcileRun) {
      await db
        .insertInto('reconcile_runs')
        .values({
          id: run.id,
          trigger: run.trigger,
          window_from: run.windowFrom,
          window_to: run.windowTo,
          started_at: run.startedAt,
          finished_at: run.finishedAt,
          pages: run.pages,
          found: run.found,
          inserted: run.inserted,
          updated: run.updated,
          unchanged: run.unchanged,
          invalid: run.invalid,
          error: run.error ?? null,
        })
        .execute();
    },

    async reconcileRuns(limit) {
      const rows = await db
        .selectFrom('reconcile_runs')
        .selectAll()
        .orderBy('window_to', 'desc')
        .orderBy('finished_at', 'desc')
        .limit(limit)
        .execute();
      return rows.map((row) => ({
        id: row.id,
        trigger: row.trigger as ReconcileRun['trigger'],
        windowFrom: row.window_from,
        windowTo: row.window_to,
        startedAt: row.started_at,
        finishedAt: row.finished_at,
        pages: row.pages,
        found: row.found,
        inserted: row.inserted,
        updated: row.updated,
        unchanged: row.unchanged,
        invalid: row.invalid,
        ...(row.error === null ? {} : { error: row.error }),
      }));
    },

    async pruneReceipts(before) {
      const result = await db
        .deleteFrom('push_receipts')
        .where('received_at', '<', before)
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },

    close() {
      closed ??= (async () => {
        await db.destroy();
        await options.onClose?.();
      })();
      return closed;
    },
  };
  return store;
}
