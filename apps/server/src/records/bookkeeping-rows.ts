/**
 * The store's bookkeeping: leases (one instance of several reconciles per interval) and the
 * log of reconciliation runs.
 */
import type { Kysely } from 'kysely';
import type { RecordsDatabase } from './schema.js';
import type { ReconcileRun } from './store.js';

type Db = Kysely<RecordsDatabase>;

/** Takes or renews lease `name` for `holder`, unless another holder has it unexpired. */
export async function acquireLease(
  db: Db,
  name: string,
  holder: string,
  at: number,
  ttlMs: number,
) {
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
          or([eb('leases.expires_at', '<=', at), eb('leases.holder', '=', ref('excluded.holder'))]),
        ),
    )
    .returning('holder')
    .executeTakeFirst();
  return row?.holder === holder;
}

export async function releaseLease(db: Db, name: string, holder: string) {
  await db.deleteFrom('leases').where('name', '=', name).where('holder', '=', holder).execute();
}

export async function insertReconcileRun(db: Db, run: ReconcileRun) {
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
}

/** The latest runs, newest window first. */
export async function latestReconcileRuns(db: Db, limit: number): Promise<ReconcileRun[]> {
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
}
