/**
 * A fresh PostgreSQL schema per test run, dropped afterwards, on the server at
 * `DATABASE_URL` or, without it, the local default postgres://postgres@127.0.0.1:5432/test.
 *
 * Without a reachable server the PostgreSQL tests are skipped with a line that says how to
 * enable them; under `CI=true` a missing server fails the run instead (CI must test both
 * engines).
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const LOCAL_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/test';

export type PostgresForTests =
  | { available: true; url: string; where: string }
  | { available: false; why: string };

/** Where the tests' server is (host and database only: never a password). */
function describeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`;
  } catch {
    return 'DATABASE_URL (not a URL)';
  }
}

// Tests read their own environment; the server reads it only through src/config.ts.
const env = process.env;

export async function findPostgres(): Promise<PostgresForTests> {
  const url = env.DATABASE_URL || LOCAL_DATABASE_URL;
  const where = describeUrl(url);
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    await client.query('select 1');
    return { available: true, url, where };
  } catch (error) {
    const why =
      `no PostgreSQL at ${where} (${error instanceof Error ? error.message : String(error)}). ` +
      'Start one (apt-get install postgresql) or set DATABASE_URL=postgres://user@host:port/db ' +
      'to run these tests.';
    if (env.CI === 'true') {
      throw new Error(`CI=true requires the PostgreSQL tests to run, but there is ${why}`);
    }
    return { available: false, why };
  } finally {
    await client.end().catch(() => {});
  }
}

export interface TestSchema {
  /** DATABASE_URL whose connections use the schema (search_path). */
  url: string;
  name: string;
  drop(): Promise<void>;
}

/** Creates `records_test_<random>` and a URL that puts every connection in it. */
export async function createTestSchema(url: string): Promise<TestSchema> {
  const name = `records_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`create schema ${name}`);
  } finally {
    await admin.end();
  }
  const scoped = new URL(url);
  scoped.searchParams.set('options', `-c search_path=${name}`);
  return {
    url: scoped.toString(),
    name,
    async drop() {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`drop schema if exists ${name} cascade`);
      } finally {
        await client.end();
      }
    },
  };
}
