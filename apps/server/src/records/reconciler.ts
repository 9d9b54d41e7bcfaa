/**
 * Reconciliation: TCCC says pushes can be lost and tells integrators who need every record
 * to compare with `DescribeTelCdr`. `reconcile({ from, to })` pages DescribeTelCdr over the
 * window (0-based pages of 100, at most 1 day per query window) and stores what the store
 * lacks or holds an older version of, through the same idempotent `saveCdr` as pushes.
 *
 * Rate: the TCCC client's limiter spaces DescribeTelCdr calls to 20 per second for the
 * SecretId, in a queue of their own (sign-ins are not delayed). After page 0 says how many
 * pages there are, the rest are requested `concurrency` at a time so the limiter, not the
 * round trip, sets the pace.
 *
 * Records are validated as pushes are (TelCdrInfo structure); an invalid one is counted and
 * logged, not stored. A failure of TCCC stops the run: the report says how far it got, and
 * the next run (its window overlaps) tries again. [unconfirmed] DescribeTelCdr's order
 * within a window is undocumented; records added while a window is paged may shift pages,
 * which the overlap of the next scheduled window covers.
 */
import { randomUUID } from 'node:crypto';
import type { TcccClient, TelCdrInfo } from '@tccc-kit/tccc-client';
import type { Logger } from '../log/logger.js';
import type { Cdr } from './cdr.js';
import { TEL_CDR_INFO } from './cdr-schema.js';
import type { CallRecordStore, ReconcileRun } from './store.js';
import { validateRecord } from './validate.js';

export const RECONCILE_PAGE_SIZE = 100;
/** Longest query window: DescribeTelCdr allows < 90 days; a day keeps pages few and stable. */
export const RECONCILE_CHUNK_MS = 24 * 3600_000;

export interface ReconcilerDeps {
  store: CallRecordStore;
  tccc: Pick<TcccClient, 'describeTelCdr'>;
  logger: Logger;
  /** Milliseconds (default Date.now). */
  now?: () => number;
  /** Pages requested at once after the first of a window (default 4). */
  concurrency?: number;
}

export interface ReconcileRequest {
  from: Date;
  to: Date;
  trigger: ReconcileRun['trigger'];
  /** Report what is missing without storing anything. */
  dryRun?: boolean;
  signal?: AbortSignal;
}

export interface ReconcileReport extends ReconcileRun {
  /** Session ids stored (or, dry, missing) by this run, at most 100. */
  fixedSessionIds: string[];
  dryRun: boolean;
}

const MAX_LISTED = 100;

export interface Reconciler {
  reconcile(request: ReconcileRequest): Promise<ReconcileReport>;
}

export function createReconciler(deps: ReconcilerDeps): Reconciler {
  const now = deps.now ?? Date.now;
  const concurrency = deps.concurrency ?? 4;

  async function reconcile(request: ReconcileRequest): Promise<ReconcileReport> {
    const { from, to, trigger, dryRun = false, signal } = request;
    const report: ReconcileReport = {
      id: randomUUID(),
      trigger,
      windowFrom: from.getTime(),
      windowTo: to.getTime(),
      startedAt: now(),
      finishedAt: 0,
      pages: 0,
      found: 0,
      inserted: 0,
      updated: 0,
      unchanged: 0,
      invalid: 0,
      fixedSessionIds: [],
      dryRun,
    };
    /** Sessions already handled in this run: pages may repeat a record when they shift. */
    const seen = new Set<string>();

    /** Validates and stores one page's records in one transaction. */
    async function take(cdrs: readonly TelCdrInfo[]) {
      const fresh: Cdr[] = [];
      for (const cdr of cdrs) {
        const checked = validateRecord<Cdr>(cdr, TEL_CDR_INFO);
        if (!checked.ok) {
          report.invalid += 1;
          deps.logger.warn(
            {
              event: 'tccc.reconcile.invalid',
              sessionId: cdr?.SessionId,
              problems: checked.problems,
            },
            'DescribeTelCdr listed a record that is not valid; not stored',
          );
        } else if (!seen.has(checked.value.SessionId)) {
          seen.add(checked.value.SessionId);
          fresh.push(checked.value);
        }
      }
      report.found += fresh.length;
      const outcomes = dryRun
        ? await Promise.all(
            fresh.map(async (cdr) =>
              (await deps.store.getCall(cdr.SessionId)) ? 'unchanged' : 'inserted',
            ),
          )
        : await deps.store.saveCdrs(fresh, { source: 'reconcile' });
      outcomes.forEach((outcome, index) => {
        if (outcome === 'inserted' || outcome === 'updated') {
          report[outcome] += 1;
          const sessionId = fresh[index]?.SessionId;
          if (sessionId && report.fixedSessionIds.length < MAX_LISTED)
            report.fixedSessionIds.push(sessionId);
        } else {
          report.unchanged += 1;
        }
      });
    }

    async function page(chunkFrom: Date, chunkTo: Date, pageNumber: number) {
      const result = await deps.tccc.describeTelCdr({
        from: chunkFrom,
        to: chunkTo,
        pageNumber,
        pageSize: RECONCILE_PAGE_SIZE,
        ...(signal ? { signal } : {}),
      });
      report.pages += 1;
      await take(result.cdrs);
      return result;
    }

    async function chunk(chunkFrom: Date, chunkTo: Date) {
      const first = await page(chunkFrom, chunkTo, 0);
      let pages = Math.ceil(first.totalCount / RECONCILE_PAGE_SIZE);
      let next = 1;
      let lastSize = first.cdrs.length;
      // Pages 1..pages-1, `concurrency` in flight; the limiter sets the pace.
      const worker = async () => {
        while (next < pages) {
          const number = next++;
          const result = await page(chunkFrom, chunkTo, number);
          pages = Math.max(pages, Math.ceil(result.totalCount / RECONCILE_PAGE_SIZE));
          if (number === pages - 1) lastSize = result.cdrs.length;
        }
      };
      await Promise.all(
        Array.from({ length: Math.min(concurrency, Math.max(0, pages - 1)) }, worker),
      );
      // Records added while paging: keep going while the last page came back full.
      while (pages > 0 && lastSize === RECONCILE_PAGE_SIZE) {
        const result = await page(chunkFrom, chunkTo, pages);
        pages += 1;
        lastSize = result.cdrs.length;
      }
    }

    try {
      for (let start = report.windowFrom; start < report.windowTo; start += RECONCILE_CHUNK_MS) {
        const end = Math.min(start + RECONCILE_CHUNK_MS, report.windowTo);
        await chunk(new Date(start), new Date(end));
      }
    } catch (error) {
      report.error = error instanceof Error ? error.message : String(error);
    }
    report.finishedAt = now();
    const { fixedSessionIds: _listed, dryRun: _dry, ...run } = report;
    if (!dryRun) {
      try {
        await deps.store.saveReconcileRun(run);
      } catch (error) {
        deps.logger.error(
          { event: 'tccc.reconcile.save_failed', err: error },
          'could not record the reconcile run',
        );
      }
    }
    const level = report.error ? 'warn' : 'info';
    deps.logger[level](
      { event: 'tccc.reconcile.finished', ...run, dryRun },
      report.error
        ? `reconciliation stopped early: ${report.error}`
        : `reconciliation found ${report.found} records: ${report.inserted} missing ${dryRun ? 'not stored (dry run)' : 'stored'}, ${report.updated} updated`,
    );
    return report;
  }

  return { reconcile };
}
