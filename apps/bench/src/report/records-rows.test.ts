import { describe, expect, it } from 'vitest';
import type { LoadResult } from '../lib/load.js';
import type { PushAckRound } from '../phases/push-ack.js';
import type { ReconcileRun } from '../phases/reconcile.js';
import type { RecordsResults } from '../phases/records.js';
import { RECONCILE_TARGET, recordsMethod, recordsRows } from './records-rows.js';

const run = (p50: number, failed = 0): LoadResult => ({
  rps: 400,
  p50,
  p99: p50 * 4,
  ok: 1000,
  failed,
});

const reconcileRun = (change: Partial<ReconcileRun> = {}): ReconcileRun => ({
  store: 'SQLite',
  pages: 101,
  found: 10_000,
  inserted: 10_000,
  error: undefined,
  reconcileMs: 5_200,
  wallMs: 5_900,
  mock: { requests: 101, limited: 0, busiestSecond: 20 },
  ...change,
});

/** Three rounds: ack-only 2 ms, SQLite 8/6/10 ms, PostgreSQL 12 ms. */
export function recordsFixture(change: Partial<RecordsResults> = {}): RecordsResults {
  const rounds: PushAckRound[] = [8, 6, 10].map((sqlite) => ({
    order: ['ackOnly', 'sqlite', 'postgres'],
    runs: { ackOnly: run(2), sqlite: run(sqlite), postgres: run(12) },
  }));
  return {
    pushAck: { concurrency: 50, bodyBytes: 1500, rounds, postgres: { where: 'db:5432/test' } },
    reconcile: {
      cdrs: 10_000,
      floorMs: 5_000,
      runs: [reconcileRun(), reconcileRun({ store: 'PostgreSQL', reconcileMs: 6_100 })],
      postgresSkipped: undefined,
    },
    ...change,
  };
}

describe('the call-record rows', () => {
  it('give push p50 and p99 per store as the median of per-round ratios to the ack-only receiver', () => {
    const rows = recordsRows(recordsFixture());
    expect(rows.map((row) => row.measure)).toEqual([
      'Push acknowledgement p50, 50 concurrent, SQLite',
      'Push acknowledgement p99, 50 concurrent, SQLite',
      'Push acknowledgement p50, 50 concurrent, PostgreSQL',
      'Push acknowledgement p99, 50 concurrent, PostgreSQL',
      'Reconciliation: 10 000 CDRs, DescribeTelCdr at 20/s, SQLite',
      'Reconciliation: 10 000 CDRs, DescribeTelCdr at 20/s, PostgreSQL',
    ]);
    expect(rows[0]).toMatchObject({
      ours: '8.0 ms (400 pushes/s)',
      baseline: 'ack-only 2.0 ms',
      ratio: '4.00x ack-only',
      met: undefined,
    });
    expect(rows[3]).toMatchObject({ ours: '48.0 ms (400 pushes/s)', ratio: '6.00x ack-only' });
  });

  it(`judge reconciliation: all stored, none limited, within ${RECONCILE_TARGET}x the floor`, () => {
    const rows = recordsRows(recordsFixture());
    expect(rows[4]).toMatchObject({
      ours: '10000/10000 stored in 5.2 s (101 pages; mock: 0 RequestLimitExceeded, busiest 1 s 20)',
      baseline: 'floor 5.0 s',
      ratio: '1.04x floor',
      met: true,
    });
    // 6.1 s is 1.22x: missed.
    expect(rows[5]).toMatchObject({ ratio: '1.22x floor', met: false });
    const judged = (change: Partial<ReconcileRun>) =>
      recordsRows(
        recordsFixture({
          reconcile: {
            cdrs: 10_000,
            floorMs: 5_000,
            runs: [reconcileRun(change)],
            postgresSkipped: 'x',
          },
        }),
      )[4]?.met;
    expect(judged({ inserted: 9_999 })).toBe(false);
    expect(judged({ mock: { requests: 102, limited: 1, busiestSecond: 21 } })).toBe(false);
    expect(judged({ error: 'TCCC failed' })).toBe(false);
  });

  it('say why the PostgreSQL rows are missing', () => {
    const rows = recordsRows(
      recordsFixture({
        pushAck: {
          ...recordsFixture().pushAck,
          rounds: recordsFixture().pushAck.rounds.map((round) => ({
            order: ['ackOnly', 'sqlite'],
            runs: { ackOnly: round.runs.ackOnly, sqlite: round.runs.sqlite },
          })),
          postgres: { skipped: 'no PostgreSQL at 127.0.0.1:5432/test' },
        },
        reconcile: {
          cdrs: 10_000,
          floorMs: 5_000,
          runs: [reconcileRun()],
          postgresSkipped: 'no PostgreSQL at 127.0.0.1:5432/test',
        },
      }),
    );
    expect(rows.filter((row) => row.ours.startsWith('skipped: no PostgreSQL'))).toHaveLength(2);
    expect(rows.some((row) => row.measure.includes('PostgreSQL') && row.met !== undefined)).toBe(
      false,
    );
  });

  it('write the method with every per-round ratio and the raw reconciliation figures', () => {
    const text = recordsMethod(recordsFixture(), 3, 3);
    expect(text).toContain('per-round p50 ratios 4.00x, 3.00x, 5.00x');
    expect(text).toContain('101 pages, 101 requests at the mock, 0 RequestLimitExceeded');
  });
});
