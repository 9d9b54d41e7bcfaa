/**
 * Versioned migrations of the call-record store, run at start by `migrateToLatest`
 * (Kysely's Migrator: it records applied versions in `kysely_migration`). Migrations only
 * use column types and statements both engines share.
 *
 * Instances starting together: the Migrator creates its own bookkeeping tables before it
 * takes its lock, which can race on an empty PostgreSQL database. On PostgreSQL the whole
 * migration therefore runs under a session advisory lock held on a connection of its own;
 * on SQLite the file's write lock serialises the statements. The Migrator is also told the
 * schema to keep its tables in (current_schema()): left alone, it finds them in ANY schema
 * of the database (another app's, or another test run's) and then fails to use them.
 *
 * Add a migration as a new entry with the next number; never edit one that has shipped.
 */
import { type Kysely, type Migration, type MigrationProvider, Migrator, sql } from 'kysely';

const MIGRATIONS: Record<string, Migration> = {
  '0001_call_records': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('call_records')
        .addColumn('session_id', 'text', (column) => column.primaryKey())
        .addColumn('sdk_app_id', 'bigint')
        .addColumn('direction', 'integer')
        .addColumn('call_type', 'integer')
        .addColumn('caller', 'text')
        .addColumn('callee', 'text')
        .addColumn('seat_user_id', 'text')
        .addColumn('start_time', 'bigint')
        .addColumn('ended_time', 'bigint')
        .addColumn('duration', 'bigint')
        .addColumn('end_status', 'integer')
        .addColumn('end_status_string', 'text')
        .addColumn('hung_up_side', 'text')
        .addColumn('rank_ended', 'bigint', (column) => column.notNull())
        .addColumn('rank_legs', 'integer', (column) => column.notNull())
        .addColumn('rank_members', 'integer', (column) => column.notNull())
        .addColumn('cdr', 'text', (column) => column.notNull())
        .addColumn('source', 'text', (column) => column.notNull())
        .addColumn('first_write_id', 'text', (column) => column.notNull())
        .addColumn('stored_at', 'bigint', (column) => column.notNull())
        .addColumn('updated_at', 'bigint', (column) => column.notNull())
        .execute();
      await db.schema
        .createIndex('call_records_start_time')
        .on('call_records')
        .columns(['start_time', 'session_id'])
        .execute();

      await db.schema
        .createTable('call_record_seats')
        .addColumn('seat_user_id', 'text', (column) => column.notNull())
        .addColumn('session_id', 'text', (column) => column.notNull())
        .addColumn('sort_time', 'bigint', (column) => column.notNull())
        .addPrimaryKeyConstraint('call_record_seats_pk', ['seat_user_id', 'session_id'])
        .execute();
      await db.schema
        .createIndex('call_record_seats_recent')
        .on('call_record_seats')
        .columns(['seat_user_id', 'sort_time', 'session_id'])
        .execute();
      await db.schema
        .createIndex('call_record_seats_session')
        .on('call_record_seats')
        .column('session_id')
        .execute();

      await db.schema
        .createTable('call_recordings')
        .addColumn('session_id', 'text', (column) => column.notNull())
        .addColumn('record_id', 'text', (column) => column.notNull())
        .addColumn('endpoint_user', 'text')
        .addColumn('record_url', 'text')
        .addColumn('custom_record_url', 'text')
        .addColumn('time', 'bigint', (column) => column.notNull())
        .addColumn('stored_at', 'bigint', (column) => column.notNull())
        .addColumn('updated_at', 'bigint', (column) => column.notNull())
        .addPrimaryKeyConstraint('call_recordings_pk', ['session_id', 'record_id'])
        .execute();

      await db.schema
        .createTable('call_voicemails')
        .addColumn('session_id', 'text', (column) => column.notNull())
        .addColumn('record_url', 'text', (column) => column.notNull())
        .addColumn('endpoint_user', 'text')
        .addColumn('time', 'bigint', (column) => column.notNull())
        .addColumn('stored_at', 'bigint', (column) => column.notNull())
        .addPrimaryKeyConstraint('call_voicemails_pk', ['session_id', 'record_url'])
        .execute();

      await db.schema
        .createTable('push_receipts')
        .addColumn('push_uuid', 'text', (column) => column.primaryKey())
        .addColumn('action', 'text', (column) => column.notNull())
        .addColumn('session_id', 'text', (column) => column.notNull())
        .addColumn('outcome', 'text', (column) => column.notNull())
        .addColumn('received_at', 'bigint', (column) => column.notNull())
        .execute();
      await db.schema
        .createIndex('push_receipts_received_at')
        .on('push_receipts')
        .column('received_at')
        .execute();

      await db.schema
        .createTable('reconcile_runs')
        .addColumn('id', 'text', (column) => column.primaryKey())
        .addColumn('trigger', 'text', (column) => column.notNull())
        .addColumn('window_from', 'bigint', (column) => column.notNull())
        .addColumn('window_to', 'bigint', (column) => column.notNull())
        .addColumn('started_at', 'bigint', (column) => column.notNull())
        .addColumn('finished_at', 'bigint', (column) => column.notNull())
        .addColumn('pages', 'integer', (column) => column.notNull())
        .addColumn('found', 'integer', (column) => column.notNull())
        .addColumn('inserted', 'integer', (column) => column.notNull())
        .addColumn('updated', 'integer', (column) => column.notNull())
        .addColumn('unchanged', 'integer', (column) => column.notNull())
        .addColumn('invalid', 'integer', (column) => column.notNull())
        .addColumn('error', 'text')
        .execute();
      await db.schema
        .createIndex('reconcile_runs_window_to')
        .on('reconcile_runs')
        .column('window_to')
        .execute();

      await db.schema
        .createTable('leases')
        .addColumn('name', 'text', (column) => column.primaryKey())
        .addColumn('holder', 'text', (column) => column.notNull())
        .addColumn('expires_at', 'bigint', (column) => column.notNull())
        .execute();
    },
    async down(db: Kysely<unknown>) {
      for (const table of [
        'leases',
        'reconcile_runs',
        'push_receipts',
        'call_voicemails',
        'call_recordings',
        'call_record_seats',
        'call_records',
      ]) {
        await db.schema.dropTable(table).execute();
      }
    },
  },
};

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

/**
 * The newest version this code knows. A database migrated by newer code (a version missing
 * here) makes the Migrator fail: an older server refuses to start rather than guess.
 */
export const LATEST_MIGRATION = Object.keys(MIGRATIONS).sort().at(-1) as string;

export class MigrationError extends Error {
  override readonly name = 'MigrationError';
}

/** Key of the advisory lock that serialises migrations of instances sharing a database. */
const MIGRATION_LOCK_KEY = 7_305_186_420_017n;

async function runMigrator(db: Kysely<unknown>, schema?: string): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider,
    ...(schema === undefined ? {} : { migrationTableSchema: schema }),
  });
  const { error, results = [] } = await migrator.migrateToLatest();
  const failed = results.find((result) => result.status === 'Error');
  if (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new MigrationError(
      `Migrating the call-record store failed${failed ? ` at ${failed.migrationName}` : ''}: ${reason}`,
      { cause: error },
    );
  }
  return results.filter((result) => result.status === 'Success').map((r) => r.migrationName);
}

/**
 * Brings the database to the latest version and returns the migrations it applied; throws a
 * MigrationError naming the step that failed.
 */
export async function migrateToLatest(
  db: Kysely<unknown>,
  engine: 'sqlite' | 'postgres',
): Promise<string[]> {
  if (engine === 'sqlite') return runMigrator(db);
  return db.connection().execute(async (connection) => {
    await sql`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`.execute(connection);
    try {
      // The Migrator looks for its tables in every schema unless told which: name the one
      // the connection writes to (search_path), or another app's Kysely tables would count.
      const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(
        connection,
      );
      return await runMigrator(db, rows[0]?.schema);
    } finally {
      await sql`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`.execute(connection);
    }
  });
}
