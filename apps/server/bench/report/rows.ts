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
  const { throughput: t, coldStart, shiftStart: shift, sizes, browser, settings } = results;
  const shiftRatio = shift.ours.totalMs / shift.floorMs;
  const agents = shift.ours.agents;
  return [
    {
      measure: `Token endpoint throughput, ${settings.connections} connections`,
      ours: formatRps(t.ours.rps),
      baseline: formatRps(t.baseline.rps),
      ratio: formatRatio(t.ours.rps / t.baseline.rps, 'baseline'),
      target: '>= 1x baseline',
      met: t.ours.rps >= t.baseline.rps,
    },
    {
      measure: `Token latency p50, ${settings.connections} connections`,
      ours: formatMs(t.ours.p50),
      baseline: formatMs(t.baseline.p50),
      ratio: formatRatio(t.ours.p50 / t.baseline.p50, 'baseline'),
      target: '-',
      met: undefined,
    },
    {
      measure: `Token latency p99, ${settings.connections} connections`,
      ours: formatMs(t.ours.p99),
      baseline: formatMs(t.baseline.p99),
      ratio: formatRatio(t.ours.p99 / t.baseline.p99, 'baseline'),
      target: '-',
      met: undefined,
    },
    {
      measure: `Token p50 vs floor, ${settings.connections} connections`,
      ours: formatMs(t.ours.p50),
      baseline: `floor ${formatMs(t.floor.p50)}`,
      ratio: formatRatio(t.ours.p50 / t.floor.p50, 'floor'),
      target: `<= ${FLOOR_P50_TARGET}x floor`,
      met: t.ours.p50 <= FLOOR_P50_TARGET * t.floor.p50,
    },
    {
      measure: 'Token latency p50, 1 connection',
      ours: formatMs(t.single.ours.p50),
      baseline: formatMs(t.single.baseline.p50),
      ratio: formatRatio(t.single.ours.p50 / t.single.baseline.p50, 'baseline'),
      target: '-',
      met: undefined,
    },
    {
      measure: 'Token p50 vs floor, 1 connection',
      ours: formatMs(t.single.ours.p50),
      baseline: `floor ${formatMs(t.single.floor.p50)}`,
      ratio: formatRatio(t.single.ours.p50 / t.single.floor.p50, 'floor'),
      target: `<= ${FLOOR_P50_TARGET}x floor`,
      met: t.single.ours.p50 <= FLOOR_P50_TARGET * t.single.floor.p50,
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
      ours: formatRps(t.floor.rps),
      baseline: 'TCCC limit 20 req/s',
      ratio: formatRatio(t.floor.rps / 20, 'TCCC limit'),
      target: '> our server req/s',
      met: t.floor.rps > t.ours.rps,
    },
  ];
}
