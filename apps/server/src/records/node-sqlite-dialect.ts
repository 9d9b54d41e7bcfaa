/**
 * Node's built-in SQLite (`node:sqlite`, `DatabaseSync`) in the shape Kysely's
 * `SqliteDialect` expects, which is better-sqlite3's: `prepare(sql)` returning a statement
 * with `reader`, and `all` / `run` / `iterate` taking the parameters as ONE array.
 * `DatabaseSync` statements take them spread, and say whether they return rows through
 * `columns()` (Node >= 22.16; sqlite-driver.ts only picks node:sqlite where it exists).
 */
import type { SqliteDatabase, SqliteStatement } from 'kysely';

/** The part of `node:sqlite`'s StatementSync used here (@types/node 20 does not know it). */
export interface NodeSqliteStatement {
  all(...parameters: unknown[]): unknown[];
  run(...parameters: unknown[]): { changes: number | bigint; lastInsertRowid: number | bigint };
  iterate(...parameters: unknown[]): IterableIterator<unknown>;
  columns(): unknown[];
}

/** The part of `node:sqlite`'s DatabaseSync used here. */
export interface NodeSqliteDatabase {
  prepare(sql: string): NodeSqliteStatement;
  exec(sql: string): void;
  close(): void;
}

export function nodeSqliteForKysely(database: NodeSqliteDatabase): SqliteDatabase {
  return {
    close: () => database.close(),
    prepare(sql): SqliteStatement {
      const statement = database.prepare(sql);
      return {
        // A statement returns rows when it has result columns (SELECT, ... RETURNING).
        reader: statement.columns().length > 0,
        all: (parameters) => statement.all(...parameters),
        run: (parameters) => {
          const { changes, lastInsertRowid } = statement.run(...parameters);
          return { changes, lastInsertRowid };
        },
        iterate: (parameters) => statement.iterate(...parameters),
      };
    },
  };
}
