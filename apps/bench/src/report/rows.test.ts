import { describe, expect, it } from 'vitest';
import type { LoadResult } from '../lib/load.js';
import type { ScaleRun } from '../phases/scale-out.js';
import type { Side, SideRuns } from '../phases/throughput.js';
import { readSettings } from '../settings.js';
import { recordsFixture } from './records-rows.test.js';
import type { BenchResults } from './results.js';
import { buildRows, MINIMAL_P50_TARGET, pushRows, type Row, scaleOutRows } from './rows.js';

const run = (p50: number, serverCpuMicros?: number): LoadResult => ({
  rps: 1000,
  p50,
  p99: p50 * 3,
  ok: 1000,
  failed: 0,
  ...(serverCpuMicros === undefined ? {} : { serverCpuMicros }),
});

/** One round: ours and the minimal server at the given p50 and CPU µs per request. */
function round(ours: { p50: number; cpu: number }, minimal: { p50: number; cpu: number }) {
  const sides = (): SideRuns => ({
    baseline: run(ours.p50),
    ours: run(ours.p50, ours.cpu * 1000),
    minimal: run(minimal.p50, minimal.cpu * 1000),
    floor: run(0.5),
  });
  const order: Side[] = ['baseline', 'ours', 'minimal', 'floor'];
  return { order, loaded: sides(), single: sides() };
}

function results(rounds: ReturnType<typeof round>[]): BenchResults {
  const size = { minified: 2000, gzipped: 900 };
  const burst = { agents: 200, succeeded: 200, failed: 0, totalMs: 10_500 };
  return {
    settings: readSettings({}),
    startedAt: new Date(0),
    durationMs: 1,
    loadAverage: { start: [0.5, 0.5, 0.5], end: [0.5, 0.5, 0.5] },
    sizes: { loader: size, loaderAll: size, fakeSdk: size },
    browser: { withLoader: 100, bare: 100, withLoaderRuns: [100], bareRuns: [100] },
    console: {
      initialJs: { minified: 200_000, gzipped: 70_000 },
      lazyJs: { minified: 150_000, gzipped: 50_000 },
      console: 110,
      bare: 100,
      consoleRuns: [110],
      bareRuns: [100],
    },
    coldStart: { baseline: 900, ours: 450, baselineRuns: [900], oursRuns: [450] },
    throughput: { rounds },
    shiftStart: {
      baseline: { ...burst, succeeded: 20, failed: 180 },
      ours: burst,
      floorMs: 10_000,
    },
    scaleOut: { skipped: 'BENCH_SCALE_AGENTS=0' },
    cdrPages: {
      storedCdrs: 100_000,
      rounds: [{ order: ['token', 'page'], token: run(1), page: run(3) }],
    },
    push: { skipped: 'BENCH_PUSH_SECONDS=0' },
    records: recordsFixture(),
  };
}

const row = (rows: Row[], measure: string): Row => {
  const found = rows.find((r) => r.measure === measure);
  if (!found) throw new Error(`no row "${measure}" in ${rows.map((r) => r.measure).join('; ')}`);
  return found;
};

describe('the token route rows', () => {
  it('judge our p50 at one connection against 1.25x the minimal server, on the median round', () => {
    expect(MINIMAL_P50_TARGET).toBe(1.25);
    const within = buildRows(
      results([
        round({ p50: 1.2, cpu: 80 }, { p50: 1.0, cpu: 40 }),
        round({ p50: 1.4, cpu: 80 }, { p50: 1.0, cpu: 40 }), // one slow round does not decide
        round({ p50: 1.1, cpu: 80 }, { p50: 1.0, cpu: 40 }),
      ]),
    );
    expect(row(within, 'Token p50 vs minimal server, 1 connection')).toMatchObject({
      ratio: '1.20x minimal',
      target: '<= 1.25x minimal',
      met: true,
    });
    const beyond = buildRows(results([round({ p50: 1.3, cpu: 80 }, { p50: 1.0, cpu: 40 })]));
    expect(row(beyond, 'Token p50 vs minimal server, 1 connection').met).toBe(false);
  });

  it('report CPU per request for ours and the minimal server, without a target', () => {
    const rows = buildRows(results([round({ p50: 1.2, cpu: 72 }, { p50: 1.0, cpu: 36 })]));
    expect(row(rows, 'Token CPU per request, 1 connection')).toEqual({
      measure: 'Token CPU per request, 1 connection',
      ours: '72 µs',
      baseline: 'minimal 36 µs',
      ratio: '2.00x minimal',
      target: '-',
      met: undefined,
    });
    expect(row(rows, 'Token CPU per request, 10 connections').ratio).toBe('2.00x minimal');
  });

  it('keep the floor rows as information only', () => {
    const rows = buildRows(results([round({ p50: 3, cpu: 72 }, { p50: 2, cpu: 36 })]));
    const floorRows = rows.filter((r) => r.measure.includes('vs floor'));
    expect(floorRows.map((r) => r.measure)).toEqual([
      'Token p50 vs floor, 1 connection',
      'Minimal server p50 vs floor, 1 connection',
      'Token p50 vs floor, 10 connections',
      'Minimal server p50 vs floor, 10 connections',
    ]);
    for (const floorRow of floorRows)
      expect(floorRow).toMatchObject({ target: '-', met: undefined });
  });
});

describe('the scale-out rows', () => {
  const scaleRun = (overrides: Partial<ScaleRun> = {}): ScaleRun => ({
    instances: 3,
    agents: 600,
    succeeded: 600,
    failed: 0,
    totalMs: 32_000,
    retries: 400,
    failovers: 0,
    lateRetries: 0,
    mock: { requests: 600, limited: 0, busiestSecond: 20 },
    ...overrides,
  });
  const measured = (killed: Partial<ScaleRun>) =>
    scaleOutRows({
      floorMs: 30_000,
      killAtMs: 15_000,
      shared: scaleRun(),
      killed: scaleRun({ failovers: 190, ...killed }),
      unshared: scaleRun({ mock: { requests: 2400, limited: 1800, busiestSecond: 20 } }),
    });

  it('judge the shared and killed runs on all ok, nothing limited at the mock, 1.15x the floor', () => {
    const [shared, killed, unshared] = measured({ totalMs: 34_000 });
    expect(shared).toMatchObject({
      ours: '600/600 ok in 32.0 s; mock: 0 RequestLimitExceeded, busiest 1 s 20; 400 retried 503s',
      ratio: '1.07x floor',
      target: 'all ok, 0 limited, <= 1.15x floor',
      met: true,
    });
    expect(killed?.met).toBe(true);
    expect(unshared).toMatchObject({ target: '- (what Redis fixes)', met: undefined });
    expect(unshared?.ours).toContain('mock: 1800 RequestLimitExceeded');
  });

  it('miss the target on one limited request, one failed agent, or past 1.15x', () => {
    expect(measured({ totalMs: 35_000 })[1]?.met).toBe(false);
    expect(measured({ failed: 1, succeeded: 599 })[1]?.met).toBe(false);
    expect(measured({ mock: { requests: 601, limited: 1, busiestSecond: 21 } })[1]?.met).toBe(
      false,
    );
  });

  it('say why the runs were skipped', () => {
    expect(scaleOutRows({ skipped: 'redis-server is not installed' })[0]?.ours).toBe(
      'skipped: redis-server is not installed',
    );
  });
});

describe('the console rows', () => {
  const base = () => results([round({ p50: 1.2, cpu: 80 }, { p50: 1.0, cpu: 40 })]);

  it('judge initial JavaScript against the 100 KB budget and Connect to Ready within 1.2x', () => {
    const rows = buildRows(base());
    expect(row(rows, 'Console: initial JavaScript, min+gzip')).toMatchObject({
      ours: '70000 B',
      baseline: 'budget 102400 B',
      met: true,
    });
    expect(row(rows, 'Console: Connect to Ready (median of 11)')).toMatchObject({
      ratio: '1.10x bare page',
      target: '<= 1.2x',
      met: true,
    });
  });

  it('say NO over the budget and beyond 1.2x the bare page', () => {
    const over = base();
    over.console = {
      ...over.console,
      initialJs: { minified: 400_000, gzipped: 110_000 },
      console: 130,
    };
    const rows = buildRows(over);
    expect(row(rows, 'Console: initial JavaScript, min+gzip').met).toBe(false);
    expect(row(rows, 'Console: Connect to Ready (median of 11)').met).toBe(false);
  });
});

describe('the Data Push rows', () => {
  const memory = (heapUsed: number, rss: number) => ({ heapUsed, rss });
  const measured = (after: number, missing = 0) =>
    pushRows({
      seconds: 60,
      agents: 8,
      calls: 6000,
      pushesDelivered: 12_000,
      receivedUnique: 12_000,
      missing,
      pendingAtEnd: 0,
      memory: {
        start: memory(20e6, 80e6),
        before: memory(40e6, 100e6),
        after: memory(after, 100e6),
      },
      readings: { before: [memory(40e6, 100e6)], after: [memory(after, 100e6)] },
    });

  it('report pushes per second and judge memory flat within 10% of the warmed-up mock', () => {
    const [rate, heap, rss] = measured(43e6);
    expect(rate).toMatchObject({
      ours: '200 pushes/s (100 calls/s)',
      ratio: '1.00x expected',
      met: true,
    });
    expect(heap).toMatchObject({ ratio: '1.07x before', met: true });
    expect(rss).toMatchObject({ ratio: '1.00x before', met: true });
    expect(measured(45e6)[1]?.met).toBe(false);
  });

  it('miss the delivery target when a push was lost, and say when the phase was skipped', () => {
    expect(measured(40e6, 1)[0]?.met).toBe(false);
    expect(pushRows({ skipped: 'BENCH_PUSH_SECONDS=0' })).toMatchObject([
      { ours: 'skipped (BENCH_PUSH_SECONDS=0)', met: undefined },
    ]);
  });
});
