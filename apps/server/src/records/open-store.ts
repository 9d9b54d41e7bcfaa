/**
 * Opens the configured call-record store and migrates it to the latest version:
 * PostgreSQL when a `databaseUrl` is given, else the embedded SQLite file
 * `<dataDir>/call-records.sqlite` (directory created on first start; nothing to install).
 */
import { join } from 'node:path';
import { Kysely, SqliteDialect } from 'kysely';
import { createKyselyStore } from './kysely-store.js';
import { migrateToLatest } from './migrations.js';
import { openPostgres } from './postgres.js';
import type { RecordsDatabase } from './schema.js';
import { openSqlite, type SqliteDriverName } from './sqlite-driver.js';
import type { CallRecordStore } from './store.js';

export const SQLITE_FILE_NAME = 'call-records.sqlite';

export type StoreTarget =
  | { kind: 'postgres'; databaseUrl: string }
  | { kind: 'sqlite'; dataDir: string; driver?: SqliteDriverName };

export interface OpenedStore {
  store: CallRecordStore;
  /** For the start-up log: `postgres`, or the SQLite file and its driver. Never the URL. */
  description: string;
}

export async function openCallRecordStore(
  target: StoreTarget,
  options: { now?: () => number } = {},
): Promise<OpenedStore> {
  if (target.kind === 'postgres') {
    const db = openPostgres({ connectionString: target.databaseUrl });
    try {
      await migrateToLatest(db as Kysely<unknown>, 'postgres');
    } catch (error) {
      await db.destroy();
      throw error;
    }
    return {
      store: createKyselyStore({ engine: 'postgres', db, ...options }),
      description: 'PostgreSQL (DATABASE_URL)',
    };
  }
  const file = join(target.dataDir, SQLITE_FILE_NAME);
  const { database, driver } = await openSqlite(file, target.driver);
  const db = new Kysely<RecordsDatabase>({ dialect: new SqliteDialect({ database }) });
  try {
    await migrateToLatest(db as Kysely<unknown>, 'sqlite');
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return {
    store: createKyselyStore({ engine: 'sqlite', db, ...options }),
    description: `SQLite ${file} (${driver})`,
  };
}
