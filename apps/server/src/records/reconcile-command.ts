/**
 * `pnpm --filter @tccc-kit/server reconcile --from <time> [--to <time>] [--dry-run] [--json]`:
 * one reconciliation of a time range, from the command line (after an outage, say), with
 * the server's configuration (TCCC credentials, DATABASE_URL or DATA_DIR). It may run while
 * the server runs: storage is idempotent and SQLite waits for the server's writes.
 *
 * Times: ISO 8601 (`2026-11-30T08:00:00Z`, `2026-11-30`), `now`, or how long ago (`90m`,
 * `6h`, `2d`; also `--from=-6h`); `--last 6h` is `--from 6h --to now`. The report goes to stdout
 * (human, or one JSON object with --json); logs go to stderr. Exit 0 when the range was
 * covered, 1 when TCCC or the store failed on the way, 2 for bad arguments or configuration.
 */
import { parseArgs } from 'node:util';
import { createTcccClient } from '@tccc-kit/tccc-client';
import { ConfigError, loadReconcileCommandConfig } from '../config.js';
import { createLogger } from '../log/logger.js';
import { createRedactor } from '../log/redact.js';
import { type OpenedStore, openCallRecordStore } from './open-store.js';
import { createReconciler, type ReconcileReport } from './reconciler.js';

export interface CommandIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  now?: () => number;
}

export const USAGE = `Usage: reconcile --from <time> [--to <time>] [--dry-run] [--json]
       reconcile --last <duration> [--dry-run] [--json]

Pages TCCC's DescribeTelCdr over the range and stores the call records the store lacks.
  --from, --to   ISO 8601 (2026-11-30T08:00:00Z, 2026-11-30), now, or how long ago: 90m, 6h, 2d
  --last         the last 90m / 6h / 2d, up to now
  --dry-run      report what is missing, store nothing
  --json         print the report as one JSON object
Configuration comes from the environment, as for the server (TCCC_SECRET_ID, ...).`;

const UNITS: Record<string, number> = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };

export function parseTime(text: string, now: number): number | undefined {
  if (text === 'now') return now;
  const relative = /^-?(\d{1,6})([smhd])$/.exec(text);
  if (relative) return now - Number(relative[1]) * (UNITS[relative[2] as string] as number);
  if (!/^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(text)) return undefined;
  const time = Date.parse(text);
  return Number.isNaN(time) ? undefined : time;
}

class UsageError extends Error {}

function readRange(args: string[], now: number) {
  const { values } = parseArgs({
    args,
    options: {
      from: { type: 'string' },
      to: { type: 'string' },
      last: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) return { help: true as const };
  if (values.last !== undefined && (values.from !== undefined || values.to !== undefined)) {
    throw new UsageError('Give --last, or --from/--to, not both.');
  }
  const fromText = values.last ?? values.from;
  if (fromText === undefined) throw new UsageError('Say where the range starts: --from or --last.');
  const from = parseTime(fromText, now);
  const to = parseTime(values.to ?? 'now', now);
  if (from === undefined)
    throw new UsageError(`--from/--last: cannot read ${JSON.stringify(fromText)} as a time.`);
  if (to === undefined)
    throw new UsageError(`--to: cannot read ${JSON.stringify(values.to)} as a time.`);
  if (to <= from) throw new UsageError('The range is empty: --to must be after --from.');
  if (from < now - 180 * 86_400_000) {
    throw new UsageError('TCCC keeps call records queryable for 180 days; start the range later.');
  }
  return { from, to, dryRun: values['dry-run'] as boolean, json: values.json as boolean };
}

function describeReport(report: ReconcileReport, storeName: string): string {
  const lines = [
    `${report.dryRun ? 'Dry run over' : 'Reconciled'} ${new Date(report.windowFrom).toISOString()} .. ${new Date(report.windowTo).toISOString()} into ${storeName}`,
    `  DescribeTelCdr pages:   ${report.pages}`,
    `  records in TCCC:        ${report.found}`,
    `  ${report.dryRun ? 'missing (not stored):  ' : 'missing, now stored:   '} ${report.inserted}`,
    `  updated to newer:       ${report.updated}`,
    `  already stored:         ${report.unchanged}`,
    `  invalid (not stored):   ${report.invalid}`,
  ];
  if (report.fixedSessionIds.length > 0) {
    lines.push(`  sessions: ${report.fixedSessionIds.join(', ')}`);
  }
  if (report.error) lines.push(`  STOPPED EARLY: ${report.error}`);
  return `${lines.join('\n')}\n`;
}

/** Runs the command; resolves to the exit code. */
export async function runReconcileCommand(
  args: string[],
  env: Readonly<Record<string, string | undefined>>,
  io: CommandIo,
): Promise<number> {
  const now = (io.now ?? Date.now)();
  let range: ReturnType<typeof readRange>;
  let config: ReturnType<typeof loadReconcileCommandConfig>;
  try {
    range = readRange(args, now);
    if ('help' in range) {
      io.stdout(`${USAGE}\n`);
      return 0;
    }
    config = loadReconcileCommandConfig(env);
  } catch (error) {
    if (
      error instanceof UsageError ||
      error instanceof ConfigError ||
      (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
    ) {
      io.stderr(
        `${(error as Error).message}\n\n${error instanceof ConfigError ? '' : `${USAGE}\n`}`,
      );
      return 2;
    }
    throw error;
  }
  const redactor = createRedactor({ secrets: [config.tccc.secretKey, config.tccc.secretId] });
  const logger = createLogger({
    level: config.logLevel,
    redactor,
    write: (line) => io.stderr(`${line}\n`),
  });
  let opened: OpenedStore;
  try {
    opened = await openCallRecordStore(config.store);
  } catch (error) {
    io.stderr(
      `The call-record store could not be opened: ${redactor.scrub((error as Error).message)}\n`,
    );
    return 1;
  }
  try {
    const tccc = createTcccClient({
      sdkAppId: config.tccc.sdkAppId,
      secretId: config.tccc.secretId,
      secretKey: config.tccc.secretKey,
      ...(config.tccc.endpoint ? { endpoint: config.tccc.endpoint } : {}),
      ...(config.tccc.region ? { region: config.tccc.region } : {}),
      timeoutMs: config.tcccTimeoutMs,
      logger: logger.child({ component: 'tccc-client' }),
    });
    const reconciler = createReconciler({ store: opened.store, tccc, logger });
    const report = await reconciler.reconcile({
      from: new Date(range.from),
      to: new Date(range.to),
      trigger: 'command',
      dryRun: range.dryRun,
    });
    io.stdout(
      range.json ? `${JSON.stringify(report)}\n` : describeReport(report, opened.description),
    );
    return report.error ? 1 : 0;
  } finally {
    await opened.store.close();
  }
}
