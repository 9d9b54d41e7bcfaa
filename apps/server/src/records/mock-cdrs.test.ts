/**
 * CDRs as a real mock TCCC produces them (calls placed and ended on it, listed by
 * DescribeTelCdr through the real signed client) validate and are stored whole: the
 * validator accepts what TCCC sends when a call has no recording (RecordId: '') and every
 * other empty member Tencent's own example answer sends.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_SECRET_ID, DEFAULT_SECRET_KEY } from '@tccc-kit/mock-tccc';
import { createTcccClient, type TelCdrInfo } from '@tccc-kit/tccc-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureLogger } from '../../test/harness.js';
import type { Cdr } from './cdr.js';
import { CDR_PUSH, TEL_CDR_INFO } from './cdr-schema.js';
import { openCallRecordStore } from './open-store.js';
import { startReconcileSchedule } from './reconcile-schedule.js';
import { createReconciler } from './reconciler.js';
import type { CallRecordStore } from './store.js';
import { type MockWithCalls, placeVariedCalls, startMockWithCalls } from './testing/mock-calls.js';
import { validateRecord } from './validate.js';

let target: MockWithCalls;
let sessionIds: string[];
let listed: TelCdrInfo[];
let store: CallRecordStore;
let dir: string;

const client = () =>
  createTcccClient({
    sdkAppId: 1400000000,
    secretId: DEFAULT_SECRET_ID,
    secretKey: DEFAULT_SECRET_KEY,
    endpoint: target.server.url,
    retries: 0,
  });

beforeAll(async () => {
  target = await startMockWithCalls();
  sessionIds = await placeVariedCalls(target);
  const page = await client().describeTelCdr({
    from: new Date(Date.now() - 3600_000),
    to: new Date(Date.now() + 60_000),
    pageSize: 100,
  });
  listed = page.cdrs;
  dir = mkdtempSync(join(tmpdir(), 'tccc-mock-cdrs-'));
  store = (await openCallRecordStore({ kind: 'sqlite', dataDir: dir })).store;
}, 60_000);

afterAll(async () => {
  await store?.close();
  await target?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("the mock TCCC's CDRs", () => {
  it('are listed by DescribeTelCdr, one per call placed', () => {
    expect(listed.map((cdr) => cdr.SessionId).sort()).toEqual([...sessionIds].sort());
    // The shapes the calls were chosen for are really there.
    const statuses = listed.map((cdr) => cdr.EndStatusString).sort();
    expect(statuses).toEqual(['busy', 'noSeatOnline', 'ok', 'ok', 'ok', 'ringingGiveUp']);
    expect(listed.some((cdr) => cdr.RecordId === '')).toBe(true);
    expect(listed.some((cdr) => (cdr.ServeParticipants ?? []).length === 2)).toBe(true);
    expect(listed.some((cdr) => cdr.ServeParticipants?.some((leg) => leg.RecordId === ''))).toBe(
      true,
    );
  });

  it('validate as TelCdrInfo and as a push body, every member known, nothing dropped', () => {
    for (const cdr of listed) {
      expect(validateRecord<Cdr>(cdr, TEL_CDR_INFO), cdr.SessionId).toEqual({
        ok: true,
        value: cdr,
        unknownMembers: [],
      });
      const push = { ...cdr, SdkAppId: 1400000000, UserRemark: '' };
      expect(validateRecord<Cdr>(push, CDR_PUSH), cdr.SessionId).toMatchObject({
        ok: true,
        value: push,
      });
    }
  });

  it('are stored whole by one reconciliation, and a second finds nothing to fix', async () => {
    const reconciler = createReconciler({ store, tccc: client(), logger: captureLogger([]) });
    const window = {
      from: new Date(Date.now() - 3600_000),
      to: new Date(Date.now() + 60_000),
      trigger: 'command' as const,
    };
    const first = await reconciler.reconcile(window);
    expect(first).toMatchObject({ found: 6, inserted: 6, invalid: 0 });
    expect(first.error).toBeUndefined();
    for (const cdr of listed) {
      const stored = await store.getCall(cdr.SessionId as string);
      expect(stored?.cdr).toEqual(cdr);
    }
    const second = await reconciler.reconcile(window);
    expect(second).toMatchObject({ found: 6, inserted: 0, updated: 0, unchanged: 6, invalid: 0 });
  });

  it("the server's scheduled reconciliation runs against the mock without a warning", async () => {
    const lines: string[] = [];
    const logger = captureLogger(lines);
    const schedule = startReconcileSchedule({
      reconciler: createReconciler({ store, tccc: client(), logger }),
      store,
      logger,
      intervalMs: 3600_000,
      windowMs: 3600_000,
      lagMs: 0,
      firstRunMs: 3600_000,
    });
    try {
      const report = await schedule.runOnce();
      expect(report).toMatchObject({ trigger: 'schedule', found: 6, invalid: 0 });
      expect(report?.error).toBeUndefined();
    } finally {
      await schedule.stop();
    }
    const levels = lines.map((line) => JSON.parse(line) as { level: string; msg: string });
    expect(levels.filter((line) => line.level !== 'info' && line.level !== 'debug')).toEqual([]);
    expect(lines.join('\n')).not.toMatch(/InvalidAction|UnsupportedOperation/);
  });
});
