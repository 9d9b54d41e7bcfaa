/**
 * The embedded store: the contract suite on every SQLite driver this Node can load
 * (node:sqlite on Node >= 22.16, better-sqlite3 where it is installed), each in a fresh
 * data directory, plus what only the file store has to show.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { openCallRecordStore, SQLITE_FILE_NAME } from './open-store.js';
import { availableSqliteDrivers, type SqliteDriverName } from './sqlite-driver.js';
import { cdrFixture } from './testing/cdr-fixtures.js';
import { defineStoreContract } from './testing/store-contract.js';

const drivers = await availableSqliteDrivers();
const directories: string[] = [];
const freshDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'tccc-records-'));
  directories.push(dir);
  return join(dir, 'data');
};
afterAll(() => {
  for (const dir of directories) rmSync(dir, { recursive: true, force: true });
});

it('has a SQLite driver on this Node', () => {
  expect(drivers.length).toBeGreaterThan(0);
  const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
  const builtIn = major > 22 || (major === 22 && minor >= 16);
  expect(drivers[0]).toBe(builtIn ? 'node:sqlite' : 'better-sqlite3');
});

describe.each(drivers)('SQLite store (%s)', (driver: SqliteDriverName) => {
  defineStoreContract(async (now) => {
    const dataDir = freshDir();
    const open = async () =>
      (await openCallRecordStore({ kind: 'sqlite', dataDir, driver }, { now })).store;
    let store = await open();
    return {
      store,
      async reopen() {
        await store.close();
        store = await open();
        return store;
      },
    };
  });

  it('creates its data directory and file on first start, and says which driver it uses', async () => {
    const dataDir = freshDir();
    expect(existsSync(dataDir)).toBe(false);
    const { store, description } = await openCallRecordStore({ kind: 'sqlite', dataDir, driver });
    try {
      expect(existsSync(join(dataDir, SQLITE_FILE_NAME))).toBe(true);
      expect(description).toBe(`SQLite ${join(dataDir, SQLITE_FILE_NAME)} (${driver})`);
    } finally {
      await store.close();
    }
  });

  it('keeps a committed record across a close and a reopen by another driver', async () => {
    const dataDir = freshDir();
    const cdr = cdrFixture();
    const first = await openCallRecordStore({ kind: 'sqlite', dataDir, driver });
    await first.store.saveCdr(cdr, { source: 'push' });
    await first.store.close();
    for (const other of drivers) {
      const again = await openCallRecordStore({ kind: 'sqlite', dataDir, driver: other });
      expect((await again.store.getCall(cdr.SessionId))?.cdr).toEqual(cdr);
      await again.store.close();
    }
  });
});

describe('loading the driver', () => {
  it('prints no warning at all, on any Node line (node:sqlite warns on 22 unless silenced)', async () => {
    const dataDir = freshDir();
    const script = [
      "const { openCallRecordStore } = await import('./src/records/open-store.ts');",
      `const { store } = await openCallRecordStore({ kind: 'sqlite', dataDir: ${JSON.stringify(dataDir)} });`,
      'await store.close();',
      "process.emitWarning('a warning of our own still shows', 'UserWarning');",
    ].join('\n');
    const { stderr } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', script],
      { cwd: join(import.meta.dirname, '..', '..') },
    );
    expect(stderr).not.toMatch(/ExperimentalWarning|SQLite is an experimental/);
    expect(stderr).toMatch(/UserWarning: a warning of our own still shows/);
  });
});
