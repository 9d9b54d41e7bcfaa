/**
 * Data Push acknowledgement latency: how long TCCC waits for our `{"ErrCode":0}` when 50
 * pushes are in flight at once, on the real receiver (`node dist/main.js`, HTTP Basic,
 * `POST /tccc/push?action=cdr&version=1`) storing in SQLite and in PostgreSQL, against the
 * ack-only receiver (servers/ack-only-receiver.ts: read, parse, answer) in the same run.
 *
 * Every push is a distinct call (its own SessionId and X-TCCC-PUSH-UUID), so each one is a
 * new record the receiver must commit before it answers; the body is a real CDR the mock
 * generated (about 1.5 KB of JSON). 50 closed loops in the bench process send them (undici
 * keeps a connection per loop), for `loadSeconds` per side and round, after one warm-up per
 * side; the sides run in an order that rotates every round. A push answered with anything
 * but HTTP 200 and ErrCode 0 counts as failed.
 *
 * Our servers run as deployed (info logging to a discarded stdout, the schedule off so no
 * reconciliation competes), with the per-source push limit lifted: the 50 loops all come
 * from 127.0.0.1, where TCCC's pushes come from many addresses.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_SDK_APP_ID } from '@tccc-kit/mock-tccc';
import { createTcccClient, type TelCdrInfo } from '@tccc-kit/tccc-client';
import { type Child, firstMessage, spawnNode } from '../lib/child.js';
import { type LoadResult, type LoadShape, loadCalls } from '../lib/load.js';
import { freePort, pollUntil } from '../lib/net.js';
import { type BenchPostgres, createBenchSchema, describeDatabase } from '../lib/postgres.js';
import { precompiled } from '../lib/precompile.js';
import { BENCH_DIR, BENCH_TOKEN_CLIENT, type RunningMock, spawnOurMain } from '../lib/rig.js';
import { rotation, type Spread, spread } from '../lib/rounds.js';
import type { BenchSettings } from '../settings.js';

/** Pushes in flight at once. */
export const PUSH_CONCURRENCY = 50;
const PUSH_USER = 'bench-tccc';
const PUSH_PASSWORD = randomBytes(24).toString('base64url');
const ACK_ONLY_ENTRY = fileURLToPath(new URL('../servers/ack-only-receiver.ts', import.meta.url));

export type PushSide = 'ackOnly' | 'sqlite' | 'postgres';

export interface PushAckRound {
  order: PushSide[];
  runs: Partial<Record<PushSide, LoadResult>>;
}

export interface PushAckResults {
  concurrency: number;
  /** Size of one push body in bytes (a CDR the mock generated). */
  bodyBytes: number;
  rounds: PushAckRound[];
  /** Where the PostgreSQL side ran (host:port/db), or why it did not. */
  postgres: { where: string } | { skipped: string };
}

interface Receiver {
  side: PushSide;
  url: string;
  authorization?: string;
  child: Child;
  cleanup?: () => Promise<void>;
}

async function startOurReceiver(
  side: 'sqlite' | 'postgres',
  mock: RunningMock,
  databaseUrl: string | undefined,
): Promise<Receiver> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-push-'));
  const port = await freePort();
  const child = spawnOurMain({
    name: `our receiver (dist/main.js, ${side === 'sqlite' ? 'SQLite' : 'PostgreSQL'})`,
    mockUrl: mock.url,
    accounts: ['agent@example.com'],
    port,
    env: {
      TCCC_PUSH_BASIC_USER: PUSH_USER,
      TCCC_PUSH_BASIC_PASSWORD: PUSH_PASSWORD,
      TCCC_PUSH_RATE_LIMIT_PER_MINUTE: '1000000',
      RECONCILE_ENABLED: 'false',
      // One store each; empty = unset, so neither inherits the bench's own environment.
      DATA_DIR: databaseUrl ? '' : dataDir,
      DATABASE_URL: databaseUrl ?? '',
    },
  });
  const url = `http://127.0.0.1:${port}`;
  await Promise.race([
    pollUntil(child.name, async () => ((await fetch(`${url}/healthz`)).ok ? true : undefined)),
    child.exited,
  ]);
  return {
    side,
    url,
    authorization: `Basic ${Buffer.from(`${PUSH_USER}:${PUSH_PASSWORD}`).toString('base64')}`,
    child,
    cleanup: async () => rmSync(dataDir, { recursive: true, force: true }),
  };
}

async function startAckOnly(): Promise<Receiver> {
  const child = spawnNode({
    name: 'ack-only receiver',
    args: [await precompiled(ACK_ONLY_ENTRY)],
    cwd: BENCH_DIR,
    ipc: true,
  });
  const { url } = await firstMessage<{ url: string }>(child);
  return { side: 'ackOnly', url, child };
}

/** A real CDR to push: one the mock generates, as DescribeTelCdr lists it. */
async function templateCdr(mock: RunningMock): Promise<TelCdrInfo> {
  await mock.control.reset();
  await mock.control.generateCdrs({ count: 1, seed: 11 });
  const client = createTcccClient({ ...BENCH_TOKEN_CLIENT, endpoint: mock.url });
  const now = Date.now();
  const page = await client.describeTelCdr({
    from: new Date(now - 31 * 86_400_000),
    to: new Date(now + 3_600_000),
    pageSize: 1,
  });
  await mock.control.reset();
  const [cdr] = page.cdrs;
  if (!cdr) throw new Error('the mock generated no CDR to push');
  return cdr;
}

export async function measurePushAck(
  mock: RunningMock,
  postgres: BenchPostgres,
  settings: BenchSettings,
  progress: (line: string) => void,
): Promise<PushAckResults> {
  progress('push acknowledgement: starting the receivers');
  const template = { ...(await templateCdr(mock)), SdkAppId: DEFAULT_SDK_APP_ID };
  const receivers: Receiver[] = [];
  const schema = postgres.available ? await createBenchSchema(postgres.url) : undefined;
  try {
    receivers.push(await startAckOnly());
    receivers.push(await startOurReceiver('sqlite', mock, undefined));
    if (schema) receivers.push(await startOurReceiver('postgres', mock, schema.url));

    const run = `${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
    let sent = 0;
    const pushTo = (receiver: Receiver) => async () => {
      sent += 1;
      const response = await fetch(`${receiver.url}/tccc/push?action=cdr&version=1`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json;charset=utf8',
          'x-tccc-push-uuid': randomUUID(),
          ...(receiver.authorization ? { authorization: receiver.authorization } : {}),
        },
        body: JSON.stringify({ ...template, SessionId: `bench-${run}-${sent}` }),
      });
      const answer = (await response.json()) as { ErrCode?: unknown };
      if (response.status !== 200 || answer.ErrCode !== 0) {
        throw new Error(`push answered ${response.status} ${JSON.stringify(answer)}`);
      }
    };
    const bodyBytes = Buffer.byteLength(
      JSON.stringify({ ...template, SessionId: `bench-${run}-1` }),
    );

    const sides = receivers.map((receiver) => receiver.side);
    const bySide = new Map(receivers.map((receiver) => [receiver.side, receiver]));
    const load = (side: PushSide, shape: LoadShape) =>
      loadCalls(pushTo(bySide.get(side) as Receiver), shape);
    const warmUp = { connections: PUSH_CONCURRENCY, durationSeconds: settings.warmUpSeconds };
    for (const side of sides) await load(side, warmUp);
    const shape = { connections: PUSH_CONCURRENCY, durationSeconds: settings.loadSeconds };
    const rounds: PushAckRound[] = [];
    for (let round = 0; round < settings.rounds; round++) {
      progress(`push acknowledgement: round ${round + 1} of ${settings.rounds}`);
      const order = rotation(sides, round);
      const runs: PushAckRound['runs'] = {};
      for (const side of order) runs[side] = await load(side, shape);
      rounds.push({ order, runs });
    }
    return {
      concurrency: PUSH_CONCURRENCY,
      bodyBytes,
      rounds,
      postgres: postgres.available
        ? { where: describeDatabase(postgres.url) }
        : { skipped: postgres.why },
    };
  } finally {
    for (const receiver of receivers) {
      await receiver.child.stop();
      await receiver.cleanup?.();
    }
    await schema?.drop();
  }
}

export interface PushSideSummary {
  p50: Spread;
  p99: Spread;
  rps: Spread;
  /** Per-round p50 and p99 over the ack-only receiver's. */
  p50VsAckOnly: Spread;
  p99VsAckOnly: Spread;
  failed: number;
}

export interface PushAckSummary {
  ackOnly: { p50: Spread; p99: Spread; rps: Spread; failed: number };
  sqlite: PushSideSummary;
  postgres: PushSideSummary | undefined;
}

function summariseSide(rounds: readonly PushAckRound[], side: 'sqlite' | 'postgres') {
  const paired = rounds.flatMap((round) => {
    const ours = round.runs[side];
    const base = round.runs.ackOnly;
    return ours && base ? [{ ours, base }] : [];
  });
  if (paired.length === 0) return undefined;
  return {
    p50: spread(paired.map(({ ours }) => ours.p50)),
    p99: spread(paired.map(({ ours }) => ours.p99)),
    rps: spread(paired.map(({ ours }) => ours.rps)),
    p50VsAckOnly: spread(paired.map(({ ours, base }) => ours.p50 / base.p50)),
    p99VsAckOnly: spread(paired.map(({ ours, base }) => ours.p99 / base.p99)),
    failed: paired.reduce((sum, { ours }) => sum + ours.failed, 0),
  };
}

export function summarisePushAck(results: PushAckResults): PushAckSummary {
  const base = results.rounds.flatMap((round) => (round.runs.ackOnly ? [round.runs.ackOnly] : []));
  const sqlite = summariseSide(results.rounds, 'sqlite');
  if (!sqlite) throw new Error('the push rounds have no SQLite runs');
  return {
    ackOnly: {
      p50: spread(base.map((run) => run.p50)),
      p99: spread(base.map((run) => run.p99)),
      rps: spread(base.map((run) => run.rps)),
      failed: base.reduce((sum, run) => sum + run.failed, 0),
    },
    sqlite,
    postgres: summariseSide(results.rounds, 'postgres'),
  };
}
