/**
 * Reconciliation of 10 000 CDRs against TCCC's 20 requests/s for DescribeTelCdr: the mock
 * enforces that limit and counts what it sees (servers/counting-mock-tccc.ts); 10 000 CDRs
 * of the last hours are added to it in bulk (`POST /__tccc/cdrs` with `generate`: history,
 * never pushed), and the server's real `reconcile` command (`node
 * dist/records/reconcile-main.js --from ... --to ... --json`, configured only through its
 * environment, an empty store) pages them into SQLite, then into PostgreSQL.
 *
 * The floor: 10 000 records are 100 pages of 100, and no client may ask for more than 20
 * pages a second, so no reconciler can finish before 100 / 20 = 5 s. Ours is the time the
 * command reports from its first request to its last record stored (`finishedAt -
 * startedAt`; the process start and the migrations are shown beside it, not judged).
 * Target: every record stored, no RequestLimitExceeded at the mock, within 1.2x the floor.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_SDK_APP_ID, DEFAULT_SECRET_ID, DEFAULT_SECRET_KEY } from '@tccc-kit/mock-tccc';
import { childEnv } from '../lib/child.js';
import { type CountingMock, startCountingMock } from '../lib/counting-mock.js';
import { type BenchPostgres, createBenchSchema, describeDatabase } from '../lib/postgres.js';
import { SERVER_DIR } from '../lib/rig.js';
import { busiestWindow } from '../lib/stats.js';

export const RECONCILE_CDRS = 10_000;
/** DescribeTelCdr's page size and TCCC's limit for the action. */
export const RECONCILE_PAGE_SIZE = 100;
export const DESCRIBE_TEL_CDR_PER_SECOND = 20;
const RECONCILE_ENTRY = join(SERVER_DIR, 'dist/records/reconcile-main.js');

export interface ReconcileRun {
  store: 'SQLite' | 'PostgreSQL';
  /** What the command reported. */
  pages: number;
  found: number;
  inserted: number;
  error: string | undefined;
  /** First request to last record stored, as the command reports it. */
  reconcileMs: number;
  /** Process spawn to exit (Node start, configuration, migrations, the run). */
  wallMs: number;
  mock: { requests: number; limited: number; busiestSecond: number };
}

export type ReconcileResults = {
  cdrs: number;
  /** pages needed / 20 per second. */
  floorMs: number;
  runs: ReconcileRun[];
  /** Why there is no PostgreSQL run, if there is none. */
  postgresSkipped: string | undefined;
};

async function runCommand(
  mock: CountingMock,
  store: ReconcileRun['store'],
  range: { from: Date; to: Date },
  databaseUrl: string | undefined,
): Promise<ReconcileRun> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-reconcile-'));
  await mock.reset(); // forgets the counts; the CDRs are added again below
  await mock.control.generateCdrs({
    count: RECONCILE_CDRS,
    from: range.from.toISOString(),
    to: range.to.toISOString(),
    seed: 5,
  });
  try {
    const started = performance.now();
    const child = spawn(
      process.execPath,
      [
        RECONCILE_ENTRY,
        '--from',
        range.from.toISOString(),
        '--to',
        range.to.toISOString(),
        '--json',
      ],
      {
        cwd: SERVER_DIR,
        env: childEnv({
          TCCC_SECRET_ID: DEFAULT_SECRET_ID,
          TCCC_SECRET_KEY: DEFAULT_SECRET_KEY,
          TCCC_SDK_APP_ID: String(DEFAULT_SDK_APP_ID),
          TCCC_ENDPOINT: mock.url,
          // One store; empty = unset, so the bench's own environment does not leak in.
          DATA_DIR: databaseUrl ? '' : dataDir,
          DATABASE_URL: databaseUrl ?? '',
        }),
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-4096);
    });
    const [code] = (await once(child, 'exit')) as [number | null];
    const wallMs = performance.now() - started;
    if (code !== 0 && code !== 1) {
      throw new Error(`reconcile (${store}) exited ${code}: ${stderr || stdout}`);
    }
    const report = JSON.parse(stdout) as {
      pages: number;
      found: number;
      inserted: number;
      error?: string;
      startedAt: number;
      finishedAt: number;
    };
    const counts = await mock.counts();
    return {
      store,
      pages: report.pages,
      found: report.found,
      inserted: report.inserted,
      error: report.error,
      reconcileMs: report.finishedAt - report.startedAt,
      wallMs,
      mock: {
        requests: counts.arrivals.length,
        limited: counts.limited,
        busiestSecond: busiestWindow(counts.arrivals),
      },
    };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function measureReconcile(
  postgres: BenchPostgres,
  progress: (line: string) => void,
): Promise<ReconcileResults> {
  // TCCC's limits, the default of the mock: 20 requests per second.
  const mock = await startCountingMock({});
  // Two hours of history ending 10 minutes ago: one query window (the reconciler's are a day).
  const to = new Date(Date.now() - 600_000);
  const range = { from: new Date(to.getTime() - 2 * 3_600_000), to };
  const runs: ReconcileRun[] = [];
  try {
    progress(`reconciliation: ${RECONCILE_CDRS} CDRs into SQLite, TCCC at 20/s`);
    runs.push(await runCommand(mock, 'SQLite', range, undefined));
    if (postgres.available) {
      progress(
        `reconciliation: ${RECONCILE_CDRS} CDRs into PostgreSQL (${describeDatabase(postgres.url)})`,
      );
      const schema = await createBenchSchema(postgres.url);
      try {
        runs.push(await runCommand(mock, 'PostgreSQL', range, schema.url));
      } finally {
        await schema.drop();
      }
    }
  } finally {
    await mock.stop();
  }
  const pages = Math.ceil(RECONCILE_CDRS / RECONCILE_PAGE_SIZE);
  return {
    cdrs: RECONCILE_CDRS,
    floorMs: (pages / DESCRIBE_TEL_CDR_PER_SECOND) * 1000,
    runs,
    postgresSkipped: postgres.available ? undefined : postgres.why,
  };
}
