/**
 * The reconciler against DescribeTelCdr on a loopback server (testing/tel-cdr-server.ts),
 * through the real TCCC client (signing, limiter, retries), into a real SQLite store.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTcccClient, type TelCdrInfo } from '@tccc-kit/tccc-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { captureLogger } from '../../test/harness.js';
import type { Cdr } from './cdr.js';
import { openCallRecordStore } from './open-store.js';
import { createReconciler } from './reconciler.js';
import type { CallRecordStore } from './store.js';
import { cdrFixture } from './testing/cdr-fixtures.js';
import { startTelCdrServer, type TelCdrServer } from './testing/tel-cdr-server.js';

const HOUR = 3600;
const NOW_S = Math.floor(Date.now() / 1000);
const T0 = NOW_S - 6 * HOUR;
const window = { from: new Date((T0 - 60) * 1000), to: new Date((T0 + 3 * HOUR) * 1000) };

let api: TelCdrServer;
let store: CallRecordStore;
let dir: string;
let logLines: string[];

beforeEach(async () => {
  api = await startTelCdrServer();
  dir = mkdtempSync(join(tmpdir(), 'tccc-reconcile-'));
  store = (await openCallRecordStore({ kind: 'sqlite', dataDir: dir })).store;
  logLines = [];
});
afterEach(async () => {
  await api.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

function reconciler(options: { retries?: number } = {}) {
  const tccc = createTcccClient({
    sdkAppId: 1400000000,
    secretId: 'AKIDmocktccc000000000000000000000000',
    secretKey: 'mocktcccsecretkey000000000000000',
    endpoint: api.url,
    retries: options.retries ?? 0,
    retryBaseDelayMs: 0,
    retryMaxDelayMs: 0,
  });
  return createReconciler({ store, tccc, logger: captureLogger(logLines) });
}

const calls = (count: number, start = T0) =>
  Array.from({ length: count }, (_, i) => cdrFixture({ start: start + i * 30 }));

describe('reconcile', () => {
  it('stores what pushes missed, updates what they left old, and reports it', async () => {
    const all = calls(250);
    api.records = all;
    for (const cdr of all.slice(0, 150)) await store.saveCdr(cdr, { source: 'push' });
    // 25 records pushed in an older version (before a transfer added a leg).
    for (const cdr of all.slice(150, 175)) {
      await store.saveCdr({ ...cdr, ServeParticipants: [] }, { source: 'push' });
    }
    const report = await reconciler().reconcile({ ...window, trigger: 'command' });
    expect(report).toMatchObject({
      pages: 3,
      found: 250,
      inserted: 75,
      updated: 25,
      unchanged: 150,
      invalid: 0,
      dryRun: false,
    });
    expect(report.error).toBeUndefined();
    expect(report.fixedSessionIds).toHaveLength(100);
    const ids = await store.sessionIdsBetween(T0 - 60, T0 + 3 * HOUR);
    expect(ids).toEqual(all.map((cdr) => cdr.SessionId).sort());
    const [run] = await store.reconcileRuns(1);
    expect(run).toMatchObject({ id: report.id, trigger: 'command', inserted: 75, found: 250 });
    expect(logLines.some((line) => line.includes('"event":"tccc.reconcile.finished"'))).toBe(true);
  });

  it('changes nothing on a second run over the same window', async () => {
    api.records = calls(120);
    await reconciler().reconcile({ ...window, trigger: 'command' });
    const again = await reconciler().reconcile({ ...window, trigger: 'schedule' });
    expect(again).toMatchObject({ found: 120, inserted: 0, updated: 0, unchanged: 120 });
  });

  it('asks for 0-based pages of 100 and one more when the last page is full', async () => {
    api.records = calls(200);
    const report = await reconciler().reconcile({ ...window, trigger: 'command' });
    // Pages 0 and 1 are full, so page 2 is asked for in case records arrived meanwhile.
    expect(report.pages).toBe(3);
    expect(report.found).toBe(200);
  });

  it('queries a long window one day at a time', async () => {
    const days = [0, 1, 2].map((day) => cdrFixture({ start: NOW_S - (3 - day) * 24 * HOUR + 60 }));
    api.records = days;
    const report = await reconciler().reconcile({
      from: new Date((NOW_S - 3 * 24 * HOUR) * 1000),
      to: new Date(NOW_S * 1000),
      trigger: 'command',
    });
    expect(report).toMatchObject({ pages: 3, found: 3, inserted: 3 });
  });

  it('counts and logs a record that is not valid instead of storing it', async () => {
    const bad = { ...cdrFixture({ start: T0 }), Direction: 'in' } as unknown as TelCdrInfo;
    api.records = [bad, ...calls(2, T0 + 60)];
    const report = await reconciler().reconcile({ ...window, trigger: 'command' });
    expect(report).toMatchObject({ found: 2, inserted: 2, invalid: 1 });
    expect(await store.getCall((bad as Cdr).SessionId)).toBeUndefined();
    expect(logLines.find((line) => line.includes('tccc.reconcile.invalid'))).toMatch(
      /Direction: must be a whole number/,
    );
  });

  it('stops at a TCCC failure, reporting how far it got, and saves the run with the error', async () => {
    api.records = calls(250);
    const reconcile = reconciler();
    api.failNext('InternalError'); // page 0 fails: nothing stored
    const failed = await reconcile.reconcile({ ...window, trigger: 'schedule' });
    expect(failed).toMatchObject({ pages: 0, found: 0 });
    expect(failed.error).toMatch(/InternalError/);
    expect((await store.reconcileRuns(1))[0]?.error).toMatch(/InternalError/);
    // Retries are the TCCC client's: with them, one failure is absorbed.
    api.failNext('InternalError');
    const retried = await reconciler({ retries: 2 }).reconcile({ ...window, trigger: 'schedule' });
    expect(retried).toMatchObject({ found: 250, inserted: 250 });
    expect(retried.error).toBeUndefined();
  });

  it('reports what is missing without storing it in a dry run', async () => {
    const all = calls(30);
    api.records = all;
    for (const cdr of all.slice(0, 10)) await store.saveCdr(cdr, { source: 'push' });
    const report = await reconciler().reconcile({ ...window, trigger: 'command', dryRun: true });
    expect(report).toMatchObject({ found: 30, inserted: 20, unchanged: 10, dryRun: true });
    expect(report.fixedSessionIds).toEqual(all.slice(10).map((cdr) => cdr.SessionId));
    expect(await store.sessionIdsBetween(0, NOW_S)).toHaveLength(10);
    expect(await store.reconcileRuns(5)).toEqual([]);
  });

  it('keeps to 20 requests per second: 1,500 records, 15 pages, none refused by TCCC', async () => {
    api.records = calls(1_500, T0 - 2 * HOUR);
    const report = await reconciler().reconcile({
      from: new Date((T0 - 2 * HOUR - 60) * 1000),
      to: new Date((T0 - 2 * HOUR + 1_500 * 30) * 1000),
      trigger: 'command',
    });
    expect(report).toMatchObject({ found: 1_500, inserted: 1_500, pages: 16 });
    expect(api.limited).toBe(0);
    const busiest = Math.max(
      ...api.arrivals.map((end) => api.arrivals.filter((t) => t > end - 1000 && t <= end).length),
    );
    expect(busiest).toBeLessThanOrEqual(20);
  });
});
