import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCallRecordStore } from './open-store.js';
import { parseTime, runReconcileCommand } from './reconcile-command.js';
import { cdrFixture } from './testing/cdr-fixtures.js';
import { startTelCdrServer, type TelCdrServer } from './testing/tel-cdr-server.js';

const NOW = Date.UTC(2026, 10, 30, 12);
const SECRET_KEY = 'mocktcccsecretkey000000000000000';
let api: TelCdrServer;
let dir: string;
let env: Record<string, string>;

beforeEach(async () => {
  api = await startTelCdrServer();
  dir = mkdtempSync(join(tmpdir(), 'tccc-reconcile-cmd-'));
  env = {
    TCCC_SECRET_ID: 'AKIDmocktccc000000000000000000000000',
    TCCC_SECRET_KEY: SECRET_KEY,
    TCCC_SDK_APP_ID: '1400000000',
    TCCC_ENDPOINT: api.url,
    DATA_DIR: dir,
  };
});
afterEach(async () => {
  await api.close();
  rmSync(dir, { recursive: true, force: true });
});

async function run(args: string[], extraEnv: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const code = await runReconcileCommand(
    args,
    { ...env, ...extraEnv },
    {
      stdout: (text) => {
        stdout += text;
      },
      stderr: (text) => {
        stderr += text;
      },
      now: () => Date.now(),
    },
  );
  return { code, stdout, stderr };
}

const recent = (count: number) => {
  const start = Math.floor(Date.now() / 1000) - 3 * 3600;
  return Array.from({ length: count }, (_, i) => cdrFixture({ start: start + i * 60 }));
};

describe('reconcile command', () => {
  it('stores what is missing over a range and reports it in words', async () => {
    const records = recent(5);
    api.records = records;
    const { store } = await openCallRecordStore({ kind: 'sqlite', dataDir: dir });
    await store.saveCdr(records[0] as (typeof records)[0], { source: 'push' });
    await store.close();

    const { code, stdout, stderr } = await run(['--last', '6h']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Reconciled \S+ \.\. \S+ into SQLite .*call-records\.sqlite/);
    expect(stdout).toMatch(/records in TCCC: +5\n/);
    expect(stdout).toMatch(/missing, now stored: +4\n/);
    expect(stdout).toMatch(/already stored: +1\n/);
    expect(stdout).toContain(records[4]?.SessionId);
  });

  it('prints one JSON report with --json, and stores nothing with --dry-run', async () => {
    api.records = recent(3);
    const { code, stdout } = await run(['--from', '6h', '--to', 'now', '--json', '--dry-run']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({
      found: 3,
      inserted: 3,
      dryRun: true,
      trigger: 'command',
    });
    const again = await run(['--last', '6h', '--json']);
    expect(JSON.parse(again.stdout)).toMatchObject({ found: 3, inserted: 3, dryRun: false });
  });

  it('exits 1 and says where it stopped when TCCC fails, without leaking the key', async () => {
    api.records = recent(3);
    api.failNext('AuthFailure.SignatureFailure');
    const { code, stdout, stderr } = await run(['--last', '1d']);
    expect(code).toBe(1);
    expect(stdout).toMatch(
      /STOPPED EARLY: TCCC rejected DescribeTelCdr with AuthFailure.SignatureFailure/,
    );
    expect(stdout + stderr).not.toContain(SECRET_KEY);
  });

  it.each([
    [[], /Say where the range starts/],
    [['--from', 'yesterday'], /cannot read "yesterday" as a time/],
    [['--from', '1h', '--to=-2h'], /--to must be after --from/],
    [['--last', '1h', '--from', '2h'], /not both/],
    [['--from', '200d'], /180 days/],
    [['--frm', '1h'], /Unknown option '--frm'/],
  ])('exits 2 with usage for %j', async (args, message) => {
    const { code, stderr } = await run(args);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr).toContain('Usage: reconcile');
  });

  it('exits 2 naming the variable when the configuration is incomplete', async () => {
    const { code, stderr } = await run(['--last', '1h'], { TCCC_SECRET_KEY: '' });
    expect(code).toBe(2);
    expect(stderr).toMatch(/TCCC_SECRET_KEY: is required/);
  });

  it('runs as a command (the package script), exit code and all', async () => {
    api.records = recent(2);
    // The command reads the whole environment: CI's DATABASE_URL (or a developer's) would
    // point it at PostgreSQL, which this run's DATA_DIR contradicts.
    const { DATABASE_URL: _unused, ...inherited } = process.env;
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', 'src/records/reconcile-main.ts', '--last', '6h', '--json'],
      { cwd: join(import.meta.dirname, '..', '..'), env: { ...inherited, ...env } },
    );
    expect(JSON.parse(stdout)).toMatchObject({ found: 2, inserted: 2 });
  });
});

describe('parseTime', () => {
  it.each([
    ['now', NOW],
    ['-90m', NOW - 90 * 60_000],
    ['-6h', NOW - 6 * 3_600_000],
    ['6h', NOW - 6 * 3_600_000],
    ['-2d', NOW - 2 * 86_400_000],
    ['2026-11-30T08:00:00Z', Date.UTC(2026, 10, 30, 8)],
    ['2026-11-30T08:00:00+08:00', Date.UTC(2026, 10, 30, 0)],
    ['2026-11-30', Date.UTC(2026, 10, 30)],
  ])('reads %s', (text, expected) => {
    expect(parseTime(text, NOW)).toBe(expected);
  });

  it.each(['', 'yesterday', '6', '-6y', '2026-13-40', '1764460800'])('refuses %j', (text) => {
    expect(parseTime(text, NOW)).toBeUndefined();
  });
});
