/**
 * PostgreSQL for the call-record rows: the server at `BENCH_DATABASE_URL`, else
 * `DATABASE_URL`, else the local default postgres://postgres@127.0.0.1:5432/test. Each
 * measured server gets a fresh schema of its own (`bench_records_<random>`, through the
 * URL's `search_path` option), dropped after the run, so the bench never touches the
 * database's own tables. Without a reachable server the PostgreSQL rows say "skipped" and
 * how to enable them.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const LOCAL_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/test';

export type BenchPostgres = { available: true; url: string } | { available: false; why: string };

/** host:port/db of a URL, never its password. */
export function describeDatabase(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`;
  } catch {
    return 'a DATABASE_URL that is not a URL';
  }
}

export async function findBenchPostgres(
  env: Readonly<Record<string, string | undefined>>,
): Promise<BenchPostgres> {
  const url = env.BENCH_DATABASE_URL || env.DATABASE_URL || LOCAL_DATABASE_URL;
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    await client.query('select 1');
    return { available: true, url };
  } catch (error) {
    return {
      available: false,
      why:
        `no PostgreSQL at ${describeDatabase(url)} (${error instanceof Error ? error.message : String(error)}); ` +
        'set BENCH_DATABASE_URL=postgres://user@host:port/db to measure it',
    };
  } finally {
    await client.end().catch(() => {});
  }
}

export interface BenchSchema {
  /** A DATABASE_URL whose connections work in the schema. */
  url: string;
  drop(): Promise<void>;
}

async function run(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export async function createBenchSchema(url: string): Promise<BenchSchema> {
  const name = `bench_records_${process.pid}_${randomBytes(4).toString('hex')}`;
  await run(url, `create schema ${name}`);
  const scoped = new URL(url);
  scoped.searchParams.set('options', `-c search_path=${name}`);
  return {
    url: scoped.toString(),
    drop: () => run(url, `drop schema if exists ${name} cascade`),
  };
}
