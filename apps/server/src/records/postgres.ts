/**
 * The PostgreSQL connection of the shared store (`DATABASE_URL`), for deployments with
 * several server instances: a `pg` pool under Kysely's PostgresDialect.
 *
 * BIGINT columns (times in ms, TCCC ids) come back from `pg` as strings by default; this
 * pool reads them as numbers, refusing values past 2^53 rather than rounding them. The
 * parser is set on this pool only (`types`), not globally for every `pg` user in the
 * process.
 */
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { RecordsDatabase } from './schema.js';

const INT8_OID = 20;

function parseInt8(text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value)) {
    throw new RangeError(`BIGINT ${text} does not fit a JavaScript number`);
  }
  return value;
}

const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === INT8_OID && format !== 'binary') return parseInt8;
    return pg.types.getTypeParser(oid, format);
  },
};

export interface PostgresOptions {
  /** postgres://user:password@host:port/database (a `?options=-c search_path=x` picks a schema). */
  connectionString: string;
  /** Most connections of this instance (default 10). */
  maxConnections?: number;
}

export function openPostgres(options: PostgresOptions): Kysely<RecordsDatabase> {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.maxConnections ?? 10,
    // Fail a start (or a request) in seconds when the database cannot be reached.
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
    types,
  });
  return new Kysely<RecordsDatabase>({ dialect: new PostgresDialect({ pool }) });
}
