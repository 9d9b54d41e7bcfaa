/**
 * The table: one row per measure, with our figure, the baseline's figure, the ratio (and
 * what it is a ratio of), the target, and whether the target was met. Targets are
 * reported, never enforced: a benchmark is not a test.
 */
import { CDR_PAGE_SIZE, summariseCdrPages } from '../phases/cdr-pages.js';
import { CONNECT_TO_READY_TARGET, CONSOLE_INITIAL_JS_BUDGET_BYTES } from '../phases/console.js';
import { MEMORY_TARGET, type PushResults } from '../phases/push.js';
import { LOADER_BUDGET_BYTES } from '../phases/sizes.js';
import { recordsRows } from './records-rows.js';
import {
  type BenchResults,
  formatBytes,
  formatMicros,
  formatMs,
  formatRatio,
  formatRps,
  formatSeconds,
} from './results.js';
import {
  type ConcurrencySummary,
  summariseThroughput,
  TCCC_TOKENS_PER_SECOND,
} from './throughput-summary.js';

/**
 * Most our p50 may be at one connection, as a multiple of the minimal server's (node:http
 * and the same token client): what our HTTP stack may add per request, judged where the CPU
 * is not saturated. It replaces "within 1.5x of the floor", which priced the machine's
 * cores as much as our server: on 2 cores, one more process and one more HTTP exchange
 * alone cost the floor ratio 1.25x to 1.5x.
 */
export const MINIMAL_P50_TARGET = 1.25;
/**
 * Most a DescribeTelCdr page (100 records of 100 000) may take, as a multiple of a
 * CreateSDKLoginToken on the same mock, both through the SDK client: the page is found
 * through the mock's index, so what remains is building, sending and parsing 100 records
 * (about 136 KB of JSON, which the SDK parses with json-bigint) against one small token.
 * Measured 2.5x to 5x (median of rounds) on the shared 2-core machine at load average 15-24.
 */
export const CDR_PAGE_TARGET = 10;
/** Most the shift start may take, as a multiple of its floor (agents / 20 per second). */
export const SHIFT_START_TARGET = 1.2;
/** Most the scale-out shift start may take (shared and killed runs), as a multiple of its floor. */
export const SCALE_OUT_TARGET = 1.15;

/** 100000 → "100 000", as the rest of the report writes big numbers. */
const groupDigits = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');

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

/**
 * The floor (SDK calls straight to the mock) as information: what any server pays per token
 * plus, on a small machine, the CPU of one more process.
 */
function floorRows(summary: ConcurrencySummary, concurrency: string): Row[] {
  const floor = `floor ${formatMs(summary.sides.floor.p50.median)}`;
  return [
    {
      measure: `Token p50 vs floor, ${concurrency}`,
      ours: formatMs(summary.sides.ours.p50.median),
      baseline: floor,
      ratio: formatRatio(summary.p50VsFloor.median, 'floor'),
      target: '-',
      met: undefined,
    },
    {
      measure: `Minimal server p50 vs floor, ${concurrency}`,
      ours: `minimal ${formatMs(summary.sides.minimal.p50.median)}`,
      baseline: floor,
      ratio: formatRatio(summary.minimalVsFloor.median, 'floor'),
      target: '-',
      met: undefined,
    },
  ];
}

/** The scale-out rows: shared, one instance killed (targets), and without Redis (what breaks). */
export function scaleOutRows(scale: BenchResults['scaleOut']): Row[] {
  if ('skipped' in scale) {
    return [
      {
        measure: 'Scale-out shift start',
        ours: `skipped: ${scale.skipped}`,
        baseline: '-',
        ratio: '-',
        target: '-',
        met: undefined,
      },
    ];
  }
  const floor = `floor ${formatSeconds(scale.floorMs)}`;
  const run = scale.shared;
  const title = `${run.agents} agents in 1 s on ${run.instances} instances, TCCC at 20/s`;
  const atMock = (r: typeof run) =>
    `mock: ${r.mock.limited} RequestLimitExceeded, busiest 1 s ${r.mock.busiestSecond}`;
  const judged = (measure: string, r: typeof run, extra: string): Row => {
    const ratio = r.totalMs / scale.floorMs;
    return {
      measure,
      ours: `${r.succeeded}/${r.agents} ok in ${formatSeconds(r.totalMs)}; ${atMock(r)}${extra}`,
      baseline: floor,
      ratio: formatRatio(ratio, 'floor'),
      target: `all ok, 0 limited, <= ${SCALE_OUT_TARGET}x floor`,
      met: r.failed === 0 && r.mock.limited === 0 && ratio <= SCALE_OUT_TARGET,
    };
  };
  return [
    judged(`Scale-out: ${title}, Redis`, run, `; ${run.retries} retried 503s`),
    judged(
      `Scale-out: the same, one instance killed at ${formatSeconds(scale.killAtMs)}`,
      scale.killed,
      `; ${scale.killed.failovers} agents moved instance`,
    ),
    {
      measure: `Scale-out: the same without Redis (per-instance limits)`,
      ours: `${scale.unshared.succeeded}/${scale.unshared.agents} ok in ${formatSeconds(scale.unshared.totalMs)}; ${atMock(scale.unshared)}; ${scale.unshared.retries} retried 503s`,
      baseline: floor,
      ratio: formatRatio(scale.unshared.totalMs / scale.floorMs, 'floor'),
      target: '- (what Redis fixes)',
      met: undefined,
    },
  ];
}

const formatMiB = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

/** Data Push rows: delivery rate under call load, and the mock's memory before and after. */
export function pushRows(push: PushResults): Row[] {
  if ('skipped' in push) {
    return [
      {
        measure: 'Mock TCCC: Data Push',
        ours: `skipped (${push.skipped})`,
        baseline: '-',
        ratio: '-',
        target: '-',
        met: undefined,
      },
    ];
  }
  const { memory } = push;
  const expected = 2 * push.calls;
  const heap = memory.after.heapUsed / memory.before.heapUsed;
  const rss = memory.after.rss / memory.before.rss;
  return [
    {
      measure: `Mock TCCC: Data Push delivered, ${push.agents} agents calling for ${Math.round(push.seconds)} s`,
      ours: `${Math.round(push.pushesDelivered / push.seconds)} pushes/s (${Math.round(push.calls / push.seconds)} calls/s)`,
      baseline: '2 pushes per ended call (CDR + recording)',
      ratio: formatRatio(expected === 0 ? Number.NaN : push.pushesDelivered / expected, 'expected'),
      target: 'all delivered, none lost',
      met: push.missing === 0 && push.calls > 0,
    },
    {
      measure: 'Mock TCCC: heap after GC, after the push load vs before',
      ours: formatMiB(memory.after.heapUsed),
      baseline: `before ${formatMiB(memory.before.heapUsed)} (at start ${formatMiB(memory.start.heapUsed)})`,
      ratio: formatRatio(heap, 'before'),
      target: `<= ${MEMORY_TARGET}x`,
      met: heap <= MEMORY_TARGET,
    },
    {
      measure: 'Mock TCCC: RSS after GC, after the push load vs before',
      ours: formatMiB(memory.after.rss),
      baseline: `before ${formatMiB(memory.before.rss)} (at start ${formatMiB(memory.start.rss)})`,
      ratio: formatRatio(rss, 'before'),
      target: `<= ${MEMORY_TARGET}x`,
      met: rss <= MEMORY_TARGET,
    },
  ];
}

export function buildRows(results: BenchResults): Row[] {
  const { coldStart, shiftStart: shift, sizes, browser, settings, console: app } = results;
  const { loaded, single } = summariseThroughput(results.throughput);
  const shiftRatio = shift.ours.totalMs / shift.floorMs;
  const agents = shift.ours.agents;
  const conns = `${settings.connections} connections`;
  const cdr = summariseCdrPages(results.cdrPages);
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
      measure: 'Token p50 vs minimal server, 1 connection',
      ours: formatMs(single.sides.ours.p50.median),
      baseline: `minimal ${formatMs(single.sides.minimal.p50.median)}`,
      ratio: formatRatio(single.oursVsMinimal.median, 'minimal'),
      target: `<= ${MINIMAL_P50_TARGET}x minimal`,
      met: single.oursVsMinimal.median <= MINIMAL_P50_TARGET,
    },
    {
      measure: 'Token CPU per request, 1 connection',
      ours: formatMicros(single.sides.ours.cpuPerRequest.median),
      baseline: `minimal ${formatMicros(single.sides.minimal.cpuPerRequest.median)}`,
      ratio: formatRatio(single.cpuOursVsMinimal.median, 'minimal'),
      target: '-',
      met: undefined,
    },
    {
      measure: `Token CPU per request, ${conns}`,
      ours: formatMicros(loaded.sides.ours.cpuPerRequest.median),
      baseline: `minimal ${formatMicros(loaded.sides.minimal.cpuPerRequest.median)}`,
      ratio: formatRatio(loaded.cpuOursVsMinimal.median, 'minimal'),
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
    ...floorRows(single, '1 connection'),
    ...floorRows(loaded, conns),
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
    ...scaleOutRows(results.scaleOut),
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
      measure: 'Console: initial JavaScript, min+gzip',
      ours: formatBytes(app.initialJs.gzipped),
      baseline: `budget ${formatBytes(CONSOLE_INITIAL_JS_BUDGET_BYTES)}`,
      ratio: formatRatio(app.initialJs.gzipped / CONSOLE_INITIAL_JS_BUDGET_BYTES, 'budget'),
      target: '<= budget',
      met: app.initialJs.gzipped <= CONSOLE_INITIAL_JS_BUDGET_BYTES,
    },
    {
      measure: 'Console: JavaScript loaded later (desk, dialogs), min+gzip',
      ours: formatBytes(app.lazyJs.gzipped),
      baseline: '-',
      ratio: '-',
      target: '-',
      met: undefined,
    },
    {
      measure: `Console: Connect to Ready (median of ${settings.browserRuns})`,
      ours: formatMs(app.console),
      baseline: `bare loader page ${formatMs(app.bare)}`,
      ratio: formatRatio(app.console / app.bare, 'bare page'),
      target: `<= ${CONNECT_TO_READY_TARGET}x`,
      met: app.console / app.bare <= CONNECT_TO_READY_TARGET,
    },
    {
      measure: `Mock TCCC: signed tokens, ${settings.connections} callers`,
      ours: formatRps(loaded.sides.floor.rps.median),
      baseline: `TCCC limit ${TCCC_TOKENS_PER_SECOND} req/s`,
      ratio: formatRatio(loaded.sides.floor.rps.median / TCCC_TOKENS_PER_SECOND, 'TCCC limit'),
      target: '> our server req/s',
      met: loaded.mockOverOurs.median > 1,
    },
    {
      measure: `Mock TCCC: DescribeTelCdr page (${CDR_PAGE_SIZE} of ${groupDigits(results.cdrPages.storedCdrs)} stored), p50, 1 caller`,
      ours: formatMs(cdr.page.median),
      baseline: `CreateSDKLoginToken ${formatMs(cdr.token.median)}`,
      ratio: formatRatio(cdr.ratio.median, 'token'),
      target: `<= ${CDR_PAGE_TARGET}x token`,
      met: cdr.failed === 0 && cdr.ratio.median <= CDR_PAGE_TARGET,
    },
    ...pushRows(results.push),
    ...recordsRows(results.records),
  ];
}
