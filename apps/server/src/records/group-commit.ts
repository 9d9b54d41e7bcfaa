/**
 * Group commit for the SQLite store: pushes that arrive while a write transaction is being
 * committed wait, and then go together in the next transaction, so N concurrent pushes cost
 * one disk sync instead of N. With `synchronous=FULL` the sync is the price of each commit
 * (a few to tens of milliseconds); SQLite writes one transaction at a time anyway, so
 * queueing costs nothing extra, and no timer delays the first push.
 *
 * Durability is unchanged: a job's promise settles only after the COMMIT of its batch.
 * Each job runs under its own SAVEPOINT, so a job that fails is rolled back alone and the
 * others of its batch are still committed. If the COMMIT itself fails, every job of the batch
 * fails (nothing of it was stored).
 *
 * PostgreSQL does not need it: pooled connections write in parallel and the server groups
 * commits itself.
 */
import { type Kysely, sql, type Transaction } from 'kysely';

export type Job<DB, T> = (trx: Transaction<DB>) => Promise<T>;

export interface GroupCommit<DB> {
  /** Runs `job` in the next batch's transaction; resolves after that transaction commits. */
  run<T>(job: Job<DB, T>): Promise<T>;
  /** Transactions committed so far (each one disk sync). */
  readonly commits: number;
}

interface Queued<DB> {
  job: Job<DB, unknown>;
  resolve: (value: unknown) => void;
  reject: (reason: unknown) => void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/** Jobs per transaction at most, so one batch never holds the writer for long. */
export const MAX_BATCH = 100;

export function createGroupCommit<DB>(db: Kysely<DB>): GroupCommit<DB> {
  const queue: Queued<DB>[] = [];
  let flushing = false;
  let commits = 0;

  async function runBatch(batch: Queued<DB>[]) {
    let outcomes: Outcome[];
    try {
      outcomes = await db.transaction().execute(async (trx) => {
        const results: Outcome[] = [];
        for (const [index, { job }] of batch.entries()) {
          const savepoint = sql.id(`job_${index}`);
          await sql`savepoint ${savepoint}`.execute(trx);
          try {
            results.push({ ok: true, value: await job(trx) });
            await sql`release savepoint ${savepoint}`.execute(trx);
          } catch (error) {
            await sql`rollback to savepoint ${savepoint}`.execute(trx);
            await sql`release savepoint ${savepoint}`.execute(trx);
            results.push({ ok: false, error });
          }
        }
        return results;
      });
    } catch (error) {
      for (const item of batch) item.reject(error);
      return;
    }
    commits += 1;
    outcomes.forEach((outcome, index) => {
      const item = batch[index] as Queued<DB>;
      if (outcome.ok) item.resolve(outcome.value);
      else item.reject(outcome.error);
    });
  }

  async function flush() {
    flushing = true;
    try {
      while (queue.length > 0) await runBatch(queue.splice(0, MAX_BATCH));
    } finally {
      flushing = false;
    }
  }

  return {
    get commits() {
      return commits;
    },
    run<T>(job: Job<DB, T>) {
      return new Promise<T>((resolve, reject) => {
        queue.push({ job, resolve: resolve as (value: unknown) => void, reject });
        if (!flushing) void flush();
      });
    },
  };
}
