/**
 * Data Push on the mock: pushes delivered per second to a receiver on loopback while agents
 * place and end calls, and the mock's memory (heap and RSS after a full GC) before and after
 * that load, to show it stays flat.
 *
 * The mock runs in its own process (`src/servers/push-mock-tccc.ts`, `node --expose-gc`),
 * its app's Data Push pointed at a receiver in the bench process (node:http, HTTP Basic
 * checked, `{"ErrCode":0}` answered, pushes counted by X-TCCC-PUSH-UUID). `PUSH_AGENTS` fake
 * SDK sessions each loop over HTTP as a page and a customer would: `POST /sdk/calls/outbound`,
 * `POST /__tccc/calls/:id/answer`, `POST /sdk/calls/:id/hangup`; every ended call makes one
 * CDR push and one recording push.
 *
 * Memory is judged where it can be flat: the mock's stores are bounded (ended calls, CDRs,
 * the push journal, each `RETAINED` here), so a warm-up first runs until every bound is
 * reached (`WARM_UP_CALLS` calls); "before" is measured after it, "after" once the
 * `BENCH_PUSH_SECONDS` load ended and every push settled, each the lowest of
 * `MEMORY_READINGS` readings. The heap at start (empty stores) is reported beside them. Target: after within 10% of before, every push delivered.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { DEFAULT_SDK_APP_ID, type MockTcccConfig } from '@tccc-kit/mock-tccc';
import { createControlClient, type MockTcccControl } from '@tccc-kit/mock-tccc/testing';
import { type Child, firstMessage, spawnNode } from '../lib/child.js';
import { precompiled } from '../lib/precompile.js';
import { BENCH_DIR } from '../lib/rig.js';
import type { BenchSettings } from '../settings.js';

/** Agents placing calls at once. */
export const PUSH_AGENTS = 8;
/** Ended calls, CDRs and journal entries the push mock keeps (its bounds in this phase). */
export const RETAINED = 1_000;
/** Calls in the warm-up at least: past the bounds, so every store is full before "before". */
export const WARM_UP_CALLS = 1_200;
/**
 * Seconds of warm-up at least: the heap's young generation and the allocator's arenas grow
 * to their working size under load, which RSS shows; "before" is read once they have.
 */
export const WARM_UP_SECONDS = 20;
/** Flat: after within this factor of before. */
export const MEMORY_TARGET = 1.1;
const PUSH_USER = { username: 'bench-push', password: 'bench-push-password' };
const MEMORY_TIMEOUT_MS = 30_000;
const SETTLE_TIMEOUT_MS = 60_000;

export interface MemoryRequest {
  type: 'memory';
  id: number;
}
export interface MemoryReply {
  type: 'memory';
  id: number;
  heapUsed: number;
  rss: number;
}
export interface Memory {
  heapUsed: number;
  rss: number;
}

export type PushResults =
  | { skipped: string }
  | {
      seconds: number;
      agents: number;
      /** Calls ended and pushes delivered during the measured load. */
      calls: number;
      pushesDelivered: number;
      /** Distinct X-TCCC-PUSH-UUIDs the receiver got during the load (duplicates excluded). */
      receivedUnique: number;
      /**
       * Pushes never delivered, over the whole phase (warm-up included) once everything
       * settled: 2 per ended call minus what the receiver accepted.
       */
      missing: number;
      /** Ended calls whose pushes had not all arrived when the load stopped (sender lag). */
      pendingAtEnd: number;
      /** The lowest of `MEMORY_READINGS` readings each (start: one). */
      memory: { start: Memory; before: Memory; after: Memory };
      /** Every reading behind `before` and `after`, in order. */
      readings: { before: Memory[]; after: Memory[] };
    };

/**
 * Readings per point, a second apart, each after its own full GCs; the point is the lowest.
 * Right after a load the first reading still holds what the mock is about to let go
 * (sockets, buffers: 24.0 MiB heap and 205 MiB RSS, then 18.6 and 135, then 18.4 and 120
 * within 3 s); a leak is what stays, which the lowest reading keeps.
 */
export const MEMORY_READINGS = 5;

let nextMemoryId = 1;
function memoryOf(child: Child): Promise<Memory> {
  const id = nextMemoryId++;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.process.off('message', onMessage);
      reject(new Error(`${child.name} did not report its memory within ${MEMORY_TIMEOUT_MS} ms`));
    }, MEMORY_TIMEOUT_MS);
    const onMessage = (message: MemoryReply) => {
      if (message?.type !== 'memory' || message.id !== id) return;
      clearTimeout(timer);
      child.process.off('message', onMessage);
      resolve({ heapUsed: message.heapUsed, rss: message.rss });
    };
    child.process.on('message', onMessage);
    const request: MemoryRequest = { type: 'memory', id };
    child.process.send(request);
  });
}

interface Receiver {
  url: string;
  /** Pushes answered ErrCode 0, by action. */
  counts: { cdr: number; record: number };
  uuids: Set<string>;
  close(): Promise<void>;
}

async function startReceiver(): Promise<Receiver> {
  const expected = `Basic ${Buffer.from(`${PUSH_USER.username}:${PUSH_USER.password}`).toString('base64')}`;
  const counts = { cdr: 0, record: 0 };
  const uuids = new Set<string>();
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const action = new URL(request.url ?? '/', 'http://receiver').searchParams.get('action');
      const uuid = request.headers['x-tccc-push-uuid'];
      let ok = request.headers.authorization === expected && typeof uuid === 'string';
      try {
        JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        ok = false;
      }
      if (!ok || (action !== 'cdr' && action !== 'record')) {
        response.writeHead(400, { 'content-type': 'application/json' });
        response.end('{"ErrCode":400,"ErrMsg":"bad push"}');
        return;
      }
      counts[action] += 1;
      uuids.add(uuid as string);
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end('{"ErrCode":0,"ErrMsg":""}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    counts,
    uuids,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

const seat = (i: number) => `pusher${String(i + 1).padStart(2, '0')}@example.com`;

/** One agent's SDK session over HTTP, and its loop of calls. */
async function agentLoop(
  mockUrl: string,
  control: MockTcccControl,
  seatUserId: string,
  keepGoing: () => boolean,
  ended: () => void,
): Promise<void> {
  const { token } = await control.issueToken({ seatUserId });
  const login = await fetch(`${mockUrl}/sdk/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token }),
  });
  if (!login.ok) throw new Error(`SDK login of ${seatUserId} answered ${login.status}`);
  const { credential } = (await login.json()) as { credential: string };
  const auth = { authorization: `Bearer ${credential}`, 'content-type': 'application/json' };
  while (keepGoing()) {
    const placed = await fetch(`${mockUrl}/sdk/calls/outbound`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ phoneNumber: '13800000001' }),
    });
    if (!placed.ok)
      throw new Error(`outbound call answered ${placed.status}: ${await placed.text()}`);
    const { sessionId } = (await placed.json()) as { sessionId: string };
    await control.answerCall(sessionId);
    const hungUp = await fetch(`${mockUrl}/sdk/calls/${encodeURIComponent(sessionId)}/hangup`, {
      method: 'POST',
      headers: auth,
    });
    if (!hungUp.ok) throw new Error(`hangup answered ${hungUp.status}: ${await hungUp.text()}`);
    await hungUp.arrayBuffer();
    ended();
  }
}

/** Run the agents until `stop()` says so; resolves with the calls they ended. */
/** `MEMORY_READINGS` readings a second apart, and the lowest of each. */
async function settledMemory(child: Child): Promise<{ lowest: Memory; readings: Memory[] }> {
  const readings: Memory[] = [];
  for (let i = 0; i < MEMORY_READINGS; i++) {
    if (i > 0) await new Promise((resolve) => setTimeout(resolve, 1000));
    readings.push(await memoryOf(child));
  }
  return {
    lowest: {
      heapUsed: Math.min(...readings.map((r) => r.heapUsed)),
      rss: Math.min(...readings.map((r) => r.rss)),
    },
    readings,
  };
}

async function callLoad(
  mockUrl: string,
  control: MockTcccControl,
  stop: (calls: number) => boolean,
): Promise<number> {
  let calls = 0;
  const keepGoing = () => !stop(calls);
  await Promise.all(
    Array.from({ length: PUSH_AGENTS }, (_, i) =>
      agentLoop(mockUrl, control, seat(i), keepGoing, () => {
        calls += 1;
      }),
    ),
  );
  return calls;
}

async function settled(control: MockTcccControl): Promise<void> {
  const deadline = Date.now() + SETTLE_TIMEOUT_MS;
  for (;;) {
    const pending = await control.pushes({ outcome: 'pending' });
    if (pending.length === 0) return;
    if (Date.now() > deadline) {
      throw new Error(
        `${pending.length} pushes still pending ${SETTLE_TIMEOUT_MS} ms after the load`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export async function measurePush(
  settings: BenchSettings,
  progress: (line: string) => void,
): Promise<PushResults> {
  if (settings.pushSeconds === 0) return { skipped: 'BENCH_PUSH_SECONDS=0' };
  const receiver = await startReceiver();
  const config: MockTcccConfig = {
    apps: [
      {
        sdkAppId: DEFAULT_SDK_APP_ID,
        seats: Array.from({ length: PUSH_AGENTS }, (_, i) => seat(i)),
        dataPush: {
          url: `${receiver.url}/tccc/push`,
          auth: { type: 'basic', ...PUSH_USER },
        },
      },
    ],
    limits: {
      requestsPerSecond: 1_000_000,
      maxCdrs: RETAINED,
      maxEndedCalls: RETAINED,
    },
    push: { maxJournal: RETAINED },
    // No event streams are opened: sessions must not end for the lack of one.
    sdk: { sessionGraceSeconds: 86_400 },
  };
  const entry = fileURLToPath(new URL('../servers/push-mock-tccc.ts', import.meta.url));
  const child = spawnNode({
    name: 'mock TCCC (push)',
    args: ['--expose-gc', await precompiled(entry), JSON.stringify(config)],
    cwd: BENCH_DIR,
    ipc: true,
  });
  try {
    const { url, controlToken } = await firstMessage<{ url: string; controlToken: string }>(child);
    const control = createControlClient(url, { token: controlToken });
    const start = await memoryOf(child);

    progress(
      `Data Push: warm-up, ${WARM_UP_CALLS} calls and ${WARM_UP_SECONDS} s at least (fills the mock's bounded stores)`,
    );
    const warmUpUntil = performance.now() + WARM_UP_SECONDS * 1000;
    const warmUpCalls = await callLoad(
      url,
      control,
      (calls) => calls >= WARM_UP_CALLS && performance.now() >= warmUpUntil,
    );
    await settled(control);
    const before = await settledMemory(child);

    progress(`Data Push: ${settings.pushSeconds} s of calls and pushes, ${PUSH_AGENTS} agents`);
    const counted = { ...receiver.counts };
    const uuidsBefore = receiver.uuids.size;
    const until = performance.now() + settings.pushSeconds * 1000;
    const started = performance.now();
    const calls = await callLoad(url, control, () => performance.now() >= until);
    const seconds = (performance.now() - started) / 1000;
    const delivered = receiver.counts.cdr - counted.cdr + (receiver.counts.record - counted.record);
    const pendingAtEnd = Math.max(0, 2 * calls - delivered);
    const receivedUnique = receiver.uuids.size - uuidsBefore;
    await settled(control);
    const after = await settledMemory(child);
    const missing = 2 * (warmUpCalls + calls) - (receiver.counts.cdr + receiver.counts.record);
    return {
      seconds,
      agents: PUSH_AGENTS,
      calls,
      pushesDelivered: delivered,
      receivedUnique,
      missing,
      pendingAtEnd,
      memory: { start, before: before.lowest, after: after.lowest },
      readings: { before: before.readings, after: after.readings },
    };
  } finally {
    await child.stop();
    await receiver.close();
  }
}
