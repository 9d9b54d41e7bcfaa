/**
 * The exactly-once proof for what the mock TCCC cannot send: OLDER VERSIONS of a call's CDR
 * pushed late. TCCC, and the mock, push one CDR per session when the call ends; a record
 * pushed before a transfer and arriving after the transferred one is what a receiver must
 * still survive (a retry of an older push overtaken by a newer one, a second data center).
 * So here TCCC's side is a test pusher (testing/unreliable-pusher.ts: 30% dropped, 20%
 * duplicated, shuffled, TCCC-style retries) sending 2,000 final CDRs and 200 older versions,
 * the receiver restarted mid-stream, and DescribeTelCdr a loopback stand-in
 * (testing/tel-cdr-server.ts) listing the finals; after ONE reconciliation every CDR is
 * stored exactly once, in its newest version. On SQLite (one server) and on PostgreSQL (two
 * server instances receiving at once, one restarted). Figures are printed.
 *
 * The same proof against the mock's real Data Push, faults and DescribeTelCdr:
 * exactly-once.test.ts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTcccClient } from '@tccc-kit/tccc-client';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../test/harness.js';
import { type Listening, listen } from '../../test/reliability/loopback.js';
import { silentLogger } from '../log/logger.js';
import { createPushAuth } from '../push/auth.js';
import { basic, PUSH_PASSWORD, PUSH_USER } from '../push/testing/push-fixtures.js';
import type { Cdr } from './cdr.js';
import { openCallRecordStore, type StoreTarget } from './open-store.js';
import { createReconciler } from './reconciler.js';
import type { CallRecordStore } from './store.js';
import { cdrFixture } from './testing/cdr-fixtures.js';
import { createTestSchema, findPostgres } from './testing/postgres.js';
import { startTelCdrServer } from './testing/tel-cdr-server.js';
import { planPushes, pushAll } from './testing/unreliable-pusher.js';

const CALLS = 2_000;
const AGENTS = ['agent@example.com', 'agent2@example.com', 'agent3@example.com'];
const NOW_S = Math.floor(Date.now() / 1000);
const FIRST_START = NOW_S - 20 * 3600;
const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

/** 2,000 calls; every 10th was transferred, and its pre-transfer CDR is pushed too. */
function callsAndVersions() {
  const finals: Cdr[] = [];
  const olders: Cdr[] = [];
  for (let i = 0; i < CALLS; i++) {
    const seat = AGENTS[i % AGENTS.length] as string;
    const start = FIRST_START + i * 30;
    if (i % 10 === 0) {
      const other = AGENTS[(i + 1) % AGENTS.length] as string;
      const final = cdrFixture({ seat: other, start, length: 240, legs: [seat, other] });
      finals.push(final);
      olders.push(
        cdrFixture({ sessionId: final.SessionId, seat, start, length: 120, legs: [seat] }),
      );
    } else {
      finals.push(cdrFixture({ seat, start, length: 30 + (i % 300) }));
    }
  }
  return { finals, olders };
}

/** One server instance: an app on its own store connection, on a loopback port. */
interface Instance {
  url: string;
  store: CallRecordStore;
  restart(): Promise<void>;
  close(): Promise<void>;
}

async function startInstance(target: StoreTarget): Promise<Instance> {
  let store: CallRecordStore;
  let server: Listening;
  async function start() {
    store = (await openCallRecordStore(target)).store;
    const { app } = buildApp({
      logger: silentLogger,
      records: {
        store,
        pushAuth: createPushAuth({ basic: { user: PUSH_USER, password: PUSH_PASSWORD } }),
        pushRateLimitPerMinute: 1_000_000,
      },
    });
    server = await listen(app.fetch);
  }
  async function stop() {
    await server.close();
    await store.close();
  }
  await start();
  return {
    get url() {
      return server.url;
    },
    get store() {
      return store;
    },
    async restart() {
      await stop();
      await start();
    },
    close: stop,
  };
}

async function prove(label: string, target: () => Promise<StoreTarget>, instanceCount: number) {
  const { finals, olders } = callsAndVersions();
  const instances: Instance[] = [];
  for (let i = 0; i < instanceCount; i++) instances.push(await startInstance(await target()));
  cleanups.push(() => Promise.all(instances.map((instance) => instance.close())).then(() => {}));
  const tccc = await startTelCdrServer(finals);
  cleanups.push(() => tccc.close());

  const started = performance.now();
  const options = {
    dropRate: 0.3,
    duplicateRate: 0.2,
    concurrency: 8,
    retryDelayMs: 100,
    seed: 20261130,
    authorization: basic(PUSH_USER, PUSH_PASSWORD),
    // Halfway through, the (last) receiver restarts while pushes are in flight.
    beforePush: async (count: number) => {
      if (count === Math.floor((finals.length + olders.length) / 2)) {
        await instances.at(-1)?.restart();
      }
    },
  };
  const plans = planPushes([...finals, ...olders], options);
  const pushed = await pushAll(plans, () => instances.map((instance) => instance.url), options);
  const pushSeconds = (performance.now() - started) / 1000;

  const store = (instances[0] as Instance).store;
  const storedBefore = (await store.sessionIdsBetween(0, NOW_S)).length;
  const reconciler = createReconciler({
    store,
    tccc: createTcccClient({
      sdkAppId: 1400000000,
      secretId: 'AKIDmocktccc000000000000000000000000',
      secretKey: 'mocktcccsecretkey000000000000000',
      endpoint: tccc.url,
    }),
    logger: silentLogger,
  });
  const reconcileStarted = performance.now();
  const report = await reconciler.reconcile({
    from: new Date((FIRST_START - 60) * 1000),
    to: new Date(NOW_S * 1000),
    trigger: 'command',
  });
  const reconcileSeconds = (performance.now() - reconcileStarted) / 1000;

  const stored = await store.sessionIdsBetween(0, NOW_S);
  console.log(
    [
      `${label}: ${finals.length} calls, ${plans.length} pushes planned (${olders.length} older versions)`,
      `  dropped ${pushed.dropped}, duplicated ${pushed.duplicated}, ${pushed.requests} requests,` +
        ` ${pushed.retried} retried (restart), ${pushed.failed} failed all 4 attempts, ${pushed.acknowledged} acknowledged`,
      `  receiver restarted once mid-stream; pushes took ${pushSeconds.toFixed(1)} s`,
      `  stored after pushes: ${storedBefore}; reconciliation: ${report.pages} pages, found ${report.found},` +
        ` inserted ${report.inserted}, updated ${report.updated}, unchanged ${report.unchanged} in ${reconcileSeconds.toFixed(1)} s`,
      `  stored after one reconciliation: ${stored.length} (expected ${finals.length}, each once)`,
    ].join('\n'),
  );

  expect(report.error).toBeUndefined();
  expect(pushed.dropped).toBeGreaterThan(0.25 * plans.length);
  // Duplicates are counted among the pushes that were not dropped.
  expect(pushed.duplicated).toBeGreaterThan(0.15 * (plans.length - pushed.dropped));
  expect(storedBefore).toBeLessThan(finals.length);
  expect(report.inserted).toBe(finals.length - storedBefore);
  // Exactly once: one row per session, every session, nothing else.
  expect(stored).toEqual(finals.map((cdr) => cdr.SessionId).sort());
  // Newest version everywhere: a late older push never overwrote a transfer.
  for (const cdr of finals.filter((_, i) => i % 10 === 0)) {
    expect((await store.getCall(cdr.SessionId))?.cdr).toEqual(cdr);
  }
  // Every acknowledged push left its receipt, written with the record before the answer.
  expect(pushed.acknowledgedUuids.length).toBe(pushed.acknowledged);
  for (const uuid of pushed.acknowledgedUuids) {
    expect(await store.findReceipt(uuid), uuid).toMatchObject({ action: 'cdr' });
  }
}

const postgres = await findPostgres();
if (!postgres.available) {
  process.stdout.write(`PostgreSQL exactly-once proof skipped: ${postgres.why}\n`);
}

describe('every CDR stored exactly once, in its newest version, with older versions pushed late', () => {
  it('on SQLite, one server restarted mid-stream', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tccc-exactly-once-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    await prove('SQLite', async () => ({ kind: 'sqlite', dataDir: dir }), 1);
  }, 300_000);

  it.skipIf(!postgres.available)(
    'on PostgreSQL, two server instances receiving at once, one restarted mid-stream',
    async () => {
      if (!postgres.available) return;
      const schema = await createTestSchema(postgres.url);
      cleanups.push(() => schema.drop());
      await prove(
        'PostgreSQL, 2 instances',
        async () => ({ kind: 'postgres', databaseUrl: schema.url }),
        2,
      );
    },
    300_000,
  );
});
