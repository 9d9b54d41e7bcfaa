/**
 * The `CallRecordStore` over Kysely: one set of queries for SQLite and PostgreSQL. Only SQL
 * both engines run alike is used: INSERT ... ON CONFLICT ... DO UPDATE ... WHERE, RETURNING,
 * row-value comparison for keyset paging, transactions.
 *
 * Idempotent by SessionId: the upsert replaces a stored CDR only when the new version ranks
 * strictly higher (cdr.ts), decided by the database in the same statement, so two instances
 * storing two versions of one call at once end with the newer one, whatever the order. The
 * push receipt is written in the same transaction as the record. The statements themselves
 * live in cdr-rows.ts, media-rows.ts and bookkeeping-rows.ts.
 */
import type { Kysely, Transaction } from 'kysely';
import {
  acquireLease,
  insertReconcileRun,
  latestReconcileRuns,
  releaseLease,
} from './bookkeeping-rows.js';
import type { Cdr } from './cdr.js';
import { LIST_COLUMNS, toStoredCall, upsertCdr, upsertCdrs } from './cdr-rows.js';
import { createGroupCommit } from './group-commit.js';
import { insertVoicemail, recordingsOf, upsertRecording, voicemailsOf } from './media-rows.js';
import type { RecordsDatabase } from './schema.js';
import type { CallRecordStore, PushAction, PushReceipt, SaveOutcome } from './store.js';

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

export function createKyselyStore(options: KyselyStoreOptions): CallRecordStore {
  const { db, engine } = options;
  const now = options.now ?? Date.now;
  let closed: Promise<void> | undefined;

  // SQLite: concurrent pushes share one transaction and one disk sync (group-commit.ts).
  const grouped = engine === 'sqlite' ? createGroupCommit(db) : undefined;
  const write = <T>(job: (trx: Tx) => Promise<T>): Promise<T> =>
    grouped ? grouped.run(job) : db.transaction().execute(job);

  /** Runs `work` in a transaction, first checking for an earlier push of the same UUID. */
  async function withReceipt(
    receipt: PushReceipt | undefined,
    sessionId: string,
    work: (trx: Tx) => Promise<Exclude<SaveOutcome, 'duplicate'>>,
  ): Promise<SaveOutcome> {
    return write(async (trx) => {
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

  const store: CallRecordStore = {
    engine,

    saveCdr(cdr, { source, receipt }) {
      return withReceipt(receipt, cdr.SessionId, (trx) => upsertCdr(trx, cdr, source, now()));
    },

    async saveCdrs(cdrs, { source }) {
      if (cdrs.length === 0) return [];
      return db.transaction().execute((trx) => upsertCdrs(trx, cdrs, source, now()));
    },

    saveRecording(push, { receipt } = {}) {
      return withReceipt(receipt, push.SessionId, (trx) => upsertRecording(trx, push, now()));
    },

    saveVoicemail(push, { receipt } = {}) {
      return withReceipt(receipt, push.SessionId, (trx) => insertVoicemail(trx, push, now()));
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

    recordingsOf: (sessionId) => recordingsOf(db, sessionId),
    voicemailsOf: (sessionId) => voicemailsOf(db, sessionId),
    acquireLease: (name, holder, ttlMs) => acquireLease(db, name, holder, now(), ttlMs),
    releaseLease: (name, holder) => releaseLease(db, name, holder),
    saveReconcileRun: (run) => insertReconcileRun(db, run),
    reconcileRuns: (limit) => latestReconcileRuns(db, limit),

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
