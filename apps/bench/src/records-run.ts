/**
 * `pnpm --filter @tccc-kit/bench bench:records`: only the call-record rows (push
 * acknowledgement, reconciliation), printed, for working on the receiver or the reconciler
 * without the whole bench; `docs/benchmarks.md` is left alone (`pnpm bench` writes it).
 * Same settings as the full run (BENCH_ROUNDS, BENCH_LOAD_SECONDS, BENCH_WARMUP_SECONDS).
 */
import { textTable } from './lib/markdown.js';
import { startMock } from './lib/rig.js';
import { measureRecords } from './phases/records.js';
import { recordsMethod, recordsRows } from './report/records-rows.js';
import { rowCells, TABLE_HEADER } from './report/rows.js';
import { BenchSettingsError, readSettings } from './settings.js';

const started = performance.now();
const progress = (line: string) => {
  process.stderr.write(
    `[bench ${((performance.now() - started) / 1000).toFixed(0).padStart(3)} s] ${line}\n`,
  );
};

async function main(): Promise<void> {
  const settings = readSettings(process.env);
  const mock = await startMock({ limits: { requestsPerSecond: 1_000_000 } });
  try {
    const records = await measureRecords(mock, settings, progress);
    const rows = recordsRows(records);
    process.stdout.write(`\n${textTable(TABLE_HEADER, rows.map(rowCells))}\n\n`);
    process.stdout.write(`${recordsMethod(records, settings.loadSeconds, settings.rounds)}\n`);
  } finally {
    await mock.stop();
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
