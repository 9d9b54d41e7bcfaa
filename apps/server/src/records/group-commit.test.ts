import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kysely, SqliteDialect } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGroupCommit } from './group-commit.js';
import { openSqlite } from './sqlite-driver.js';

interface Db {
  items: { id: number };
}

let dir: string;
let file: string;
let db: Kysely<Db>;

async function open() {
  const { database } = await openSqlite(file);
  return new Kysely<Db>({ dialect: new SqliteDialect({ database }) });
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tccc-group-commit-'));
  file = join(dir, 'test.sqlite');
  db = await open();
  await db.schema
    .createTable('items')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .execute();
});
afterEach(async () => {
  await db.destroy();
  rmSync(dir, { recursive: true, force: true });
});

const insert = (id: number) => (trx: Kysely<Db>) =>
  trx
    .insertInto('items')
    .values({ id })
    .execute()
    .then(() => id);

describe('createGroupCommit', () => {
  it('commits 50 concurrent jobs in a few transactions, not 50', async () => {
    const group = createGroupCommit(db);
    const ids = await Promise.all(Array.from({ length: 50 }, (_, i) => group.run(insert(i))));
    expect(ids).toEqual(Array.from({ length: 50 }, (_, i) => i));
    // The first job runs alone; the others queue behind it and go in the next batch.
    expect(group.commits).toBeLessThanOrEqual(3);
    expect(
      await db
        .selectFrom('items')
        .select(({ fn }) => fn.countAll().as('n'))
        .executeTakeFirst(),
    ).toEqual({ n: 50 });
  });

  it('rolls back a failing job alone; the rest of its batch is committed', async () => {
    const group = createGroupCommit(db);
    await group.run(insert(1));
    const results = await Promise.allSettled([
      group.run(insert(2)),
      group.run(insert(1)), // primary key taken: fails
      group.run(insert(3)),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const rows = await db.selectFrom('items').select('id').orderBy('id').execute();
    expect(rows.map((row) => row.id)).toEqual([1, 2, 3]);
  });

  it('resolves only after the commit: another connection already sees the row', async () => {
    const group = createGroupCommit(db);
    await group.run(insert(7));
    const other = await open();
    try {
      expect(await other.selectFrom('items').select('id').execute()).toEqual([{ id: 7 }]);
    } finally {
      await other.destroy();
    }
  });
});
