import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../log/logger.js';
import { openCallRecordStore } from './open-store.js';
import { startReconcileSchedule } from './reconcile-schedule.js';
import type { ReconcileReport, ReconcileRequest, Reconciler } from './reconciler.js';
import type { CallRecordStore } from './store.js';
import { cdrFixture } from './testing/cdr-fixtures.js';

const HOUR = 3600_000;
const NOW = Date.UTC(2026, 10, 30, 12);
let store: CallRecordStore;
let dir: string;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tccc-schedule-'));
  store = (await openCallRecordStore({ kind: 'sqlite', dataDir: dir }, { now: () => NOW })).store;
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A reconciler that records its requests and saves a run as the real one does. */
function recordingReconciler(hold?: Promise<void>) {
  const requests: ReconcileRequest[] = [];
  const reconciler: Reconciler = {
    async reconcile(request) {
      requests.push(request);
      if (hold) {
        await Promise.race([
          hold,
          new Promise((_, reject) =>
            request.signal?.addEventListener('abort', () => reject(request.signal?.reason)),
          ),
        ]).catch(() => {});
      }
      const report: ReconcileReport = {
        id: `run-${requests.length}`,
        trigger: request.trigger,
        windowFrom: request.from.getTime(),
        windowTo: request.to.getTime(),
        startedAt: NOW,
        finishedAt: NOW,
        pages: 1,
        found: 0,
        inserted: 0,
        updated: 0,
        unchanged: 0,
        invalid: 0,
        ...(request.signal?.aborted ? { error: 'aborted' } : {}),
        fixedSessionIds: [],
        dryRun: false,
      };
      const { fixedSessionIds: _f, dryRun: _d, ...run } = report;
      await store.saveReconcileRun(run);
      return report;
    },
  };
  return { requests, reconciler };
}

const base = {
  logger: silentLogger,
  intervalMs: 5 * 60_000,
  windowMs: 2 * HOUR,
  lagMs: 60_000,
  firstRunMs: 3_600_000,
  now: () => NOW,
};

describe('startReconcileSchedule', () => {
  it('reconciles the last window, ending a minute ago', async () => {
    const { requests, reconciler } = recordingReconciler();
    const schedule = startReconcileSchedule({ ...base, reconciler, store });
    await schedule.runOnce();
    await schedule.stop();
    expect(requests.map((r) => [r.from.getTime(), r.to.getTime(), r.trigger])).toEqual([
      [NOW - 60_000 - 2 * HOUR, NOW - 60_000, 'schedule'],
    ]);
  });

  it('reaches back to the end of the last successful run after downtime, at most 7 days', async () => {
    await store.saveReconcileRun({
      id: 'earlier',
      trigger: 'schedule',
      windowFrom: NOW - 7 * HOUR,
      windowTo: NOW - 5 * HOUR,
      startedAt: 0,
      finishedAt: 0,
      pages: 1,
      found: 0,
      inserted: 0,
      updated: 0,
      unchanged: 0,
      invalid: 0,
    });
    const { requests, reconciler } = recordingReconciler();
    const schedule = startReconcileSchedule({ ...base, reconciler, store });
    await schedule.runOnce();
    await schedule.stop();
    expect(requests[0]?.from.getTime()).toBe(NOW - 5 * HOUR - 60_000);
  });

  it('lets one of two instances on one database run per interval', async () => {
    const first = recordingReconciler();
    const second = recordingReconciler();
    const a = startReconcileSchedule({ ...base, reconciler: first.reconciler, store, holder: 'a' });
    const b = startReconcileSchedule({
      ...base,
      reconciler: second.reconciler,
      store,
      holder: 'b',
    });
    expect(await a.runOnce()).toBeDefined();
    expect(await b.runOnce()).toBeUndefined();
    await Promise.all([a.stop(), b.stop()]);
    expect([first.requests.length, second.requests.length]).toEqual([1, 0]);
  });

  it('prunes push receipts older than the retention after a run', async () => {
    await store.saveCdr(cdrFixture(), {
      source: 'push',
      receipt: { uuid: 'old-receipt', action: 'cdr' },
    });
    const { reconciler } = recordingReconciler();
    const schedule = startReconcileSchedule({
      ...base,
      reconciler,
      store,
      receiptRetentionMs: 1_000,
      now: () => NOW + 2_000,
    });
    await schedule.runOnce();
    await schedule.stop();
    expect(await store.findReceipt('old-receipt')).toBeUndefined();
  });

  it('runs by itself on its timer, and stop() aborts a run in progress', async () => {
    let release: () => void = () => {};
    const { requests, reconciler } = recordingReconciler(
      new Promise<void>((resolve) => {
        release = resolve;
      }),
    );
    const schedule = startReconcileSchedule({ ...base, reconciler, store, firstRunMs: 10 });
    await expect.poll(() => requests.length, { timeout: 5_000 }).toBe(1);
    await schedule.stop();
    release();
    expect(requests[0]?.signal?.aborted).toBe(true);
    expect((await store.reconcileRuns(1))[0]?.error).toBe('aborted');
  });
});
