/**
 * Reconciliation on a schedule inside the server: every `intervalMs`, reconcile the last
 * `windowMs` (ending `lagMs` ago, so calls that just ended get their push first). The
 * window overlaps the previous run's by `windowMs - intervalMs`, so a record that one run
 * could not see (a page shifted, TCCC failed) is seen by the next ones.
 *
 * - After downtime the window reaches back to where the last successful scheduled run
 *   ended (at most `maxCatchUpMs`), so the calls of the gap are checked.
 * - With several instances on one database, a lease (store.acquireLease) lets one instance
 *   run per interval; the others skip.
 * - Old push receipts (older than `receiptRetentionMs`) are pruned after each run: TCCC
 *   retries a push within minutes, so a week is ample.
 * - `stop()` cancels the timer and aborts a run in progress (the TCCC client's signal).
 */
import { randomUUID } from 'node:crypto';
import type { Logger } from '../log/logger.js';
import type { ReconcileReport, Reconciler } from './reconciler.js';
import type { CallRecordStore } from './store.js';

export const RECONCILE_LEASE = 'reconcile';

export interface ReconcileScheduleOptions {
  reconciler: Reconciler;
  store: CallRecordStore;
  logger: Logger;
  intervalMs: number;
  windowMs: number;
  /** The window ends this long ago (default 60 s). */
  lagMs?: number;
  /** Farthest back a catch-up reaches (default 7 days). */
  maxCatchUpMs?: number;
  /** Delay before the first run (default min(intervalMs, 10 s)). */
  firstRunMs?: number;
  receiptRetentionMs?: number;
  /** Names this instance in the lease (default a random id). */
  holder?: string;
  now?: () => number;
}

export interface ReconcileSchedule {
  /** Runs once now (if this instance gets the lease); undefined when another holds it. */
  runOnce(): Promise<ReconcileReport | undefined>;
  stop(): Promise<void>;
}

export function startReconcileSchedule(options: ReconcileScheduleOptions): ReconcileSchedule {
  const { reconciler, store, logger, intervalMs, windowMs } = options;
  const now = options.now ?? Date.now;
  const lagMs = options.lagMs ?? 60_000;
  const maxCatchUpMs = options.maxCatchUpMs ?? 7 * 24 * 3600_000;
  const retentionMs = options.receiptRetentionMs ?? 7 * 24 * 3600_000;
  const holder = options.holder ?? randomUUID();
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<ReconcileReport | undefined> | undefined;
  let stopped = false;

  async function windowStart(to: number): Promise<number> {
    const usual = to - windowMs;
    const [last] = (await store.reconcileRuns(20)).filter(
      (run) => run.trigger === 'schedule' && run.error === undefined,
    );
    if (!last || last.windowTo >= usual) return usual;
    return Math.max(last.windowTo - lagMs, to - maxCatchUpMs);
  }

  async function run(): Promise<ReconcileReport | undefined> {
    if (!(await store.acquireLease(RECONCILE_LEASE, holder, intervalMs))) {
      logger.debug(
        { event: 'tccc.reconcile.skipped' },
        'another instance reconciles this interval',
      );
      return undefined;
    }
    const to = now() - lagMs;
    const from = await windowStart(to);
    const report = await reconciler.reconcile({
      from: new Date(from),
      to: new Date(to),
      trigger: 'schedule',
      signal: controller.signal,
    });
    const pruned = await store.pruneReceipts(now() - retentionMs);
    if (pruned > 0)
      logger.info({ event: 'tccc.push.receipts_pruned', pruned }, 'old push receipts pruned');
    return report;
  }

  function runOnce(): Promise<ReconcileReport | undefined> {
    running ??= run()
      .catch((error: unknown) => {
        logger.error(
          { event: 'tccc.reconcile.failed', err: error },
          'scheduled reconciliation failed',
        );
        return undefined;
      })
      .finally(() => {
        running = undefined;
      });
    return running;
  }

  function schedule(delayMs: number) {
    if (stopped) return;
    timer = setTimeout(async () => {
      await runOnce();
      schedule(intervalMs);
    }, delayMs);
    timer.unref?.();
  }

  schedule(options.firstRunMs ?? Math.min(intervalMs, 10_000));

  return {
    runOnce,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      controller.abort(new Error('the server is shutting down'));
      await running;
    },
  };
}
