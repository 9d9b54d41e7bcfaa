/**
 * The table: one row per measure, with our figure, the baseline's figure, the ratio (and
 * what it is a ratio of), the target, and whether the target was met. Targets are
 * reported, never enforced: a benchmark is not a test.
 */
import { LOADER_BUDGET_BYTES } from '../phases/sizes.js';
import {
  type BenchResults,
  formatBytes,
  formatMs,
  formatRatio,
  formatRps,
  formatSeconds,
} from './results.js';
import { summariseThroughput, TCCC_TOKENS_PER_SECOND } from './throughput-summary.js';

/** Most a server's p50 under load may be, as a multiple of the floor's. */
export const FLOOR_P50_TARGET = 1.5;
/** Most the shift start may take, as a multiple of its floor (agents / 20 per second). */
export const SHIFT_START_TARGET = 1.2;

export interface Row {
  measure: string;
  ours: string;
  baseline: string;
  ratio: string;
  target: string;
  /** undefined: no target, context only. */
  met: boolean | undefined;
}

export const TABLE_HEADER = ['Measure', 'tccc-kit', 'Baseline', 'Ratio', 'Target', 'Met'];

export const rowCells = (row: Row): string[] => [
  row.measure,
  row.ours,
  row.baseline,
  row.ratio,
  row.target,
  row.met === undefined ? '-' : row.met ? 'yes' : 'NO',
];

export function buildRows(results: BenchResults): Row[] {
  const { coldStart, shiftStart: shift, sizes, browser, settings } = results;
  const { loaded, single } = summariseThroughput(results.throughput);
  const shiftRatio = shift.ours.totalMs / shift.floorMs;
  const agents = shift.ours.agents;
  const conns = `${settings.connections} connections`;
  return [
    {
      measure: `Token endpoint throughput, ${conns}`,
      ours: formatRps(loaded.sides.ours.rps.median),
      baseline: formatRps(loaded.sides.baseline.rps.median),
      ratio: formatRatio(loaded.rps.median, 'baseline'),
      target: '>= 1x baseline',
      met: loaded.rps.median >= 1,
    },
    {
      measure: `Token latency p50, ${conns}`,
      ours: formatMs(loaded.sides.ours.p50.median),
      baseline: formatMs(loaded.sides.baseline.p50.median),
      ratio: formatRatio(loaded.p50.median, 'baseline'),
      target: '-',
      met: undefined,
    },
    {
      measure: `Token latency p99, ${conns}`,
      ours: formatMs(loaded.sides.ours.p99.median),
      baseline: formatMs(loaded.sides.baseline.p99.median),
      ratio: formatRatio(loaded.p99.median, 'baseline'),
      target: '-',
      met: undefined,
    },
    {
      measure: `Token p50 vs floor, ${conns}`,
      ours: formatMs(loaded.sides.ours.p50.median),
      baseline: `floor ${formatMs(loaded.sides.floor.p50.median)}`,
      ratio: formatRatio(loaded.p50VsFloor.median, 'floor'),
      target: `<= ${FLOOR_P50_TARGET}x floor`,
      met: loaded.p50VsFloor.median <= FLOOR_P50_TARGET,
    },
    {
      measure: `Minimal server p50 vs floor, ${conns}`,
      ours: `minimal ${formatMs(loaded.sides.minimal.p50.median)}`,
      baseline: `floor ${formatMs(loaded.sides.floor.p50.median)}`,
      ratio: formatRatio(loaded.minimalVsFloor.median, 'floor'),
      target: '-',
      met: undefined,
    },
    {
      measure: `Token p50 vs minimal server, ${conns}`,
      ours: formatMs(loaded.sides.ours.p50.median),
      baseline: `minimal ${formatMs(loaded.sides.minimal.p50.median)}`,
      ratio: formatRatio(loaded.oursVsMinimal.median, 'minimal'),
      target: '-',
      met: undefined,
    },
    {
      measure: 'Token latency p50, 1 connection',
      ours: formatMs(single.sides.ours.p50.median),
      baseline: formatMs(single.sides.baseline.p50.median),
      ratio: formatRatio(single.p50.median, 'baseline'),
      target: '-',
      met: undefined,
    },
    {
      measure: 'Token p50 vs floor, 1 connection',
      ours: formatMs(single.sides.ours.p50.median),
      baseline: `floor ${formatMs(single.sides.floor.p50.median)}`,
      ratio: formatRatio(single.p50VsFloor.median, 'floor'),
      target: `<= ${FLOOR_P50_TARGET}x floor`,
      met: single.p50VsFloor.median <= FLOOR_P50_TARGET,
    },
    {
      measure: `Cold start to first token (median of ${settings.coldStartRuns})`,
      ours: formatMs(coldStart.ours),
      baseline: formatMs(coldStart.baseline),
      ratio: formatRatio(coldStart.ours / coldStart.baseline, 'baseline'),
      target: '-',
      met: undefined,
    },
    {
      measure: `Shift start: ${agents} agents in 1 s, TCCC at 20/s`,
      ours: `${shift.ours.succeeded}/${agents} ok in ${formatSeconds(shift.ours.totalMs)}`,
      baseline: `${shift.baseline.failed}/${agents} failed, ${formatSeconds(shift.baseline.totalMs)}`,
      ratio: formatRatio(shiftRatio, `floor ${formatSeconds(shift.floorMs)}`),
      target: `all ok, <= ${SHIFT_START_TARGET}x floor`,
      met: shift.ours.failed === 0 && shiftRatio <= SHIFT_START_TARGET,
    },
    {
      measure: 'Loader (loadTccc, unloadTccc) min+gzip',
      ours: formatBytes(sizes.loader.gzipped),
      baseline: `budget ${formatBytes(LOADER_BUDGET_BYTES)}`,
      ratio: formatRatio(sizes.loader.gzipped / LOADER_BUDGET_BYTES, 'budget'),
      target: '<= budget',
      met: sizes.loader.gzipped <= LOADER_BUDGET_BYTES,
    },
    {
      measure: 'Loader, every export, min+gzip',
      ours: formatBytes(sizes.loaderAll.gzipped),
      baseline: `budget ${formatBytes(LOADER_BUDGET_BYTES)}`,
      ratio: formatRatio(sizes.loaderAll.gzipped / LOADER_BUDGET_BYTES, 'budget'),
      target: '-',
      met: undefined,
    },
    {
      measure: 'Fake SDK script, min+gzip',
      ours: formatBytes(sizes.fakeSdk.gzipped),
      baseline: '-',
      ratio: '-',
      target: '-',
      met: undefined,
    },
    {
      measure: `Browser: load to ready (median of ${settings.browserRuns})`,
      ours: formatMs(browser.withLoader),
      baseline: formatMs(browser.bare),
      ratio: formatRatio(browser.withLoader / browser.bare, 'baseline'),
      target: '-',
      met: undefined,
    },
    {
      measure: `Mock TCCC: signed tokens, ${settings.connections} callers`,
      ours: formatRps(loaded.sides.floor.rps.median),
      baseline: `TCCC limit ${TCCC_TOKENS_PER_SECOND} req/s`,
      ratio: formatRatio(loaded.sides.floor.rps.median / TCCC_TOKENS_PER_SECOND, 'TCCC limit'),
      target: '> our server req/s',
      met: loaded.mockOverOurs.median > 1,
    },
  ];
}
