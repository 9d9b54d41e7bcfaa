/**
 * Opens the SQLite file of the embedded store with the driver this Node has:
 *
 * - `node:sqlite` (built in, no native build) where it exists with `StatementSync#columns`,
 *   i.e. Node >= 22.16 (22.13 unflagged the module; columns() came in 22.16). Node 22 prints
 *   an ExperimentalWarning when the module loads; that one warning (and only it) is dropped
 *   here, since using it is a deliberate choice, not news. Node 24 and 26 print none.
 * - `better-sqlite3` elsewhere (Node 20): an optional dependency, compiled from source at
 *   install (it is skipped on Node lines it does not declare).
 *
 * The file's directory is created if missing. The connection runs in WAL mode with
 * `synchronous=FULL`, so a committed record survives a crash or power loss before the
 * receiver acknowledges it, and with a 5 s busy timeout for a second process (the
 * reconcile command) writing at the same time.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { SqliteDatabase } from 'kysely';
import { type NodeSqliteDatabase, nodeSqliteForKysely } from './node-sqlite-dialect.js';

export type SqliteDriverName = 'node:sqlite' | 'better-sqlite3';

export interface OpenedSqlite {
  database: SqliteDatabase;
  driver: SqliteDriverName;
}

export class SqliteUnavailableError extends Error {
  override readonly name = 'SqliteUnavailableError';
}

/** Statements run on every new connection. */
export const SQLITE_PRAGMAS = [
  'PRAGMA journal_mode = WAL',
  'PRAGMA synchronous = FULL',
  'PRAGMA busy_timeout = 5000',
];

interface NodeSqliteModule {
  DatabaseSync: new (path: string) => NodeSqliteDatabase;
  StatementSync?: { prototype: { columns?: unknown } };
}

// A variable, not a literal: @types/node 20 has no `node:sqlite` module to type it with.
const NODE_SQLITE = 'node:sqlite';
const EXPERIMENTAL_SQLITE = /^SQLite is an experimental feature/;

function isSqliteExperimentalWarning(warning: unknown, typeOrOptions: unknown): boolean {
  const message = typeof warning === 'string' ? warning : (warning as Error | undefined)?.message;
  const type =
    typeof typeOrOptions === 'string'
      ? typeOrOptions
      : ((typeOrOptions as { type?: string } | undefined)?.type ??
        (warning as Error | undefined)?.name);
  return type === 'ExperimentalWarning' && EXPERIMENTAL_SQLITE.test(message ?? '');
}

let nodeSqlite: Promise<NodeSqliteModule | undefined> | undefined;

/** node:sqlite if this Node has it complete enough for Kysely, else undefined. */
function loadNodeSqlite(): Promise<NodeSqliteModule | undefined> {
  nodeSqlite ??= (async () => {
    const emitWarning = process.emitWarning;
    // Node emits the warning synchronously while the module loads: drop that one only.
    process.emitWarning = function quietSqlite(
      this: unknown,
      warning: unknown,
      ...rest: unknown[]
    ) {
      if (isSqliteExperimentalWarning(warning, rest[0])) return;
      return (emitWarning as (...args: unknown[]) => void).call(process, warning, ...rest);
    } as typeof process.emitWarning;
    try {
      const loaded = (await import(NODE_SQLITE)) as NodeSqliteModule;
      return typeof loaded.StatementSync?.prototype.columns === 'function' ? loaded : undefined;
    } catch {
      return undefined;
    } finally {
      process.emitWarning = emitWarning;
    }
  })();
  return nodeSqlite;
}

type BetterSqlite3 = new (path: string) => SqliteDatabase & { exec(sql: string): unknown };

let betterSqlite3: Promise<{ ok: BetterSqlite3 } | { reason: string }> | undefined;

/**
 * better-sqlite3 if it is installed AND built for this Node: its native part loads when the
 * first database opens (a build for another Node line fails there), so one is opened here.
 */
function loadBetterSqlite3(): Promise<{ ok: BetterSqlite3 } | { reason: string }> {
  betterSqlite3 ??= (async () => {
    try {
      const loaded = (await import('better-sqlite3')) as unknown as { default: BetterSqlite3 };
      new loaded.default(':memory:').close();
      return { ok: loaded.default };
    } catch (error) {
      return {
        reason: (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '',
      };
    }
  })();
  return betterSqlite3;
}

/** The drivers that load on this Node, preferred first. */
export async function availableSqliteDrivers(): Promise<SqliteDriverName[]> {
  const drivers: SqliteDriverName[] = [];
  if (await loadNodeSqlite()) drivers.push('node:sqlite');
  if ('ok' in (await loadBetterSqlite3())) drivers.push('better-sqlite3');
  return drivers;
}

/** Opens (creating if needed) the SQLite file `path` with `driver`, or the best one here. */
export async function openSqlite(path: string, driver?: SqliteDriverName): Promise<OpenedSqlite> {
  mkdirSync(dirname(path), { recursive: true });
  if (driver !== 'better-sqlite3') {
    const module = await loadNodeSqlite();
    if (module) {
      const database = new module.DatabaseSync(path);
      for (const pragma of SQLITE_PRAGMAS) database.exec(pragma);
      return { database: nodeSqliteForKysely(database), driver: 'node:sqlite' };
    }
    if (driver === 'node:sqlite') {
      throw new SqliteUnavailableError(
        `node:sqlite is not available on Node ${process.versions.node} (it needs >= 22.16).`,
      );
    }
  }
  const better = await loadBetterSqlite3();
  if ('reason' in better) {
    throw new SqliteUnavailableError(
      `No SQLite driver for the call-record store on Node ${process.versions.node}: node:sqlite ` +
        `needs Node >= 22.16, and better-sqlite3 did not load (${better.reason}). Run ` +
        '`pnpm install` with a C++ toolchain (it compiles better-sqlite3), use Node >= 22.16, or ' +
        'set DATABASE_URL to use PostgreSQL.',
    );
  }
  const database = new better.ok(path);
  for (const pragma of SQLITE_PRAGMAS) database.exec(pragma);
  return { database, driver: 'better-sqlite3' };
}
