/**
 * `pnpm bench`: measures the token endpoint, cold start, shift start, the browser loader,
 * the mock TCCC and the call records (push acknowledgement, reconciliation), each as a ratio against a baseline measured in the same run; prints
 * the table and rewrites docs/benchmarks.md. Targets are reported, never enforced.
 *
 * Run it through turbo (`pnpm bench` at the root builds what it needs first), or
 * `pnpm --filter @tccc-kit/bench bench` once everything is built.
 */
import { writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { textTable } from './lib/markdown.js';
import { BENCH_DIR, startMock } from './lib/rig.js';
import { measureBrowser } from './phases/browser.js';
import { measureCdrPages } from './phases/cdr-pages.js';
import { measureColdStart } from './phases/cold-start.js';
import { measureConsole } from './phases/console.js';
import { measurePush } from './phases/push.js';
import { measureRecords } from './phases/records.js';
import { measureScaleOut } from './phases/scale-out.js';
import { measureShiftStart } from './phases/shift-start.js';
import { measureSizes } from './phases/sizes.js';
import { measureThroughput } from './phases/throughput.js';
import { benchmarksDocument } from './report/document.js';
import { describeMachine } from './report/machine.js';
import { type BenchResults, formatLoad } from './report/results.js';
import { buildRows, rowCells, TABLE_HEADER } from './report/rows.js';
import { BenchSettingsError, readSettings } from './settings.js';

/** The mock's limit during the unthrottled runs (its maximum is 1 000 000). */
const LIFTED_REQUESTS_PER_SECOND = 1_000_000;

const started = performance.now();
const progress = (line: string) => {
  process.stderr.write(
    `[bench ${((performance.now() - started) / 1000).toFixed(0).padStart(3)} s] ${line}\n`,
  );
};

async function main(): Promise<void> {
  const settings = readSettings(process.env);
  const machine = describeMachine();
  const startedAt = new Date();
  const loadAtStart = loadavg();
  progress(
    `${machine.cpu}, ${machine.cores} cores, Node ${machine.node}, load average ${formatLoad(loadAtStart)}`,
  );

  progress('sizes');
  const sizes = await measureSizes();

  const mock = await startMock({ limits: { requestsPerSecond: LIFTED_REQUESTS_PER_SECOND } });
  let browser: BenchResults['browser'];
  let consoleApp: BenchResults['console'];
  let coldStart: BenchResults['coldStart'];
  let throughput: BenchResults['throughput'];
  let cdrPages: BenchResults['cdrPages'];
  let records: BenchResults['records'];
  try {
    browser = await measureBrowser(mock, settings.browserRuns, progress);
    consoleApp = await measureConsole(mock, settings.browserRuns, progress);
    coldStart = await measureColdStart(mock, settings.coldStartRuns, progress);
    throughput = await measureThroughput(mock, settings, progress);
    cdrPages = await measureCdrPages(mock, settings, progress);
    records = await measureRecords(mock, settings, progress);
  } finally {
    await mock.stop();
  }
  const push = await measurePush(settings, progress);
  const shiftStart = await measureShiftStart(
    { agents: settings.shiftAgents, spreadMs: settings.shiftSpreadMs },
    progress,
  );
  const scaleOut = await measureScaleOut(
    {
      agents: settings.scaleAgents,
      instances: settings.scaleInstances,
      spreadMs: settings.shiftSpreadMs,
    },
    progress,
  );

  const results: BenchResults = {
    settings,
    startedAt,
    durationMs: performance.now() - started,
    loadAverage: { start: loadAtStart, end: loadavg() },
    sizes,
    browser,
    console: consoleApp,
    coldStart,
    throughput,
    shiftStart,
    scaleOut,
    cdrPages,
    push,
    records,
  };
  const rows = buildRows(results);
  process.stdout.write(`\n${textTable(TABLE_HEADER, rows.map(rowCells))}\n\n`);
  const missed = rows.filter((row) => row.met === false).map((row) => row.measure);
  process.stdout.write(
    missed.length === 0 ? 'Every target was met.\n' : `Targets not met: ${missed.join('; ')}.\n`,
  );
  if (settings.docsPath) {
    const path = resolve(BENCH_DIR, settings.docsPath);
    await writeFile(path, benchmarksDocument(results, machine));
    process.stdout.write(`Wrote ${path}\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    error instanceof BenchSettingsError
      ? `${error.message}\n`
      : `bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
