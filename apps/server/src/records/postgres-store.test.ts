/**
 * The shared store: the contract suite against a real PostgreSQL server, in a schema of its
 * own that is dropped afterwards. Skipped with a notice when no server is reachable (see
 * testing/postgres.ts), except under CI=true where that fails the run.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { openCallRecordStore } from './open-store.js';
import { cdrFixture } from './testing/cdr-fixtures.js';
import { createTestSchema, findPostgres, type TestSchema } from './testing/postgres.js';
import { defineStoreContract } from './testing/store-contract.js';

const postgres = await findPostgres();
if (!postgres.available) {
  process.stdout.write(`PostgreSQL store tests skipped: ${postgres.why}\n`);
}
const schemas: TestSchema[] = [];
afterAll(async () => {
  for (const schema of schemas) await schema.drop();
});

async function freshSchema(): Promise<TestSchema> {
  if (!postgres.available) throw new Error('unreachable: the suite is skipped without a server');
  const schema = await createTestSchema(postgres.url);
  schemas.push(schema);
  return schema;
}

describe.skipIf(!postgres.available)('PostgreSQL store', () => {
  defineStoreContract(async (now) => {
    const { url } = await freshSchema();
    const open = async () =>
      (await openCallRecordStore({ kind: 'postgres', databaseUrl: url }, { now })).store;
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

  it('migrates once when two instances start at the same time, and both then serve', async () => {
    const { url } = await freshSchema();
    const [a, b] = await Promise.all([
      openCallRecordStore({ kind: 'postgres', databaseUrl: url }),
      openCallRecordStore({ kind: 'postgres', databaseUrl: url }),
    ]);
    try {
      const cdr = cdrFixture();
      expect(await a.store.saveCdr(cdr, { source: 'push' })).toBe('inserted');
      expect(await b.store.saveCdr(cdr, { source: 'push' })).toBe('unchanged');
      expect(a.description).toBe('PostgreSQL (DATABASE_URL)');
    } finally {
      await Promise.all([a.store.close(), b.store.close()]);
    }
  });

  it('fails to start with a clear error when the server refuses the connection', async () => {
    await expect(
      openCallRecordStore({
        kind: 'postgres',
        databaseUrl: 'postgres://postgres@127.0.0.1:1/none',
      }),
    ).rejects.toThrow(/call-record store|ECONNREFUSED/);
  });
});
