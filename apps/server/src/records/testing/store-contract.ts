/**
 * The contract every `CallRecordStore` keeps, run against each engine and driver
 * (sqlite-store.test.ts, postgres-store.test.ts): idempotent storage by SessionId where a
 * newer version always wins whatever the order, push receipts, "my calls" paging, leases,
 * reconcile runs, and concurrent writers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Cdr } from '../cdr.js';
import type { CallRecordStore, SaveOutcome, StoredCall } from '../store.js';
import { cdrFixture, sessionId } from './cdr-fixtures.js';

export interface StoreUnderTest {
  store: CallRecordStore;
  /** Closes the store and opens the same database again (migrations run again). */
  reopen(): Promise<CallRecordStore>;
}

/** A clock the lease tests move by hand. */
export function manualNow(start = Date.UTC(2026, 10, 30, 9)) {
  let time = start;
  const now = () => time;
  now.advance = (ms: number) => {
    time += ms;
  };
  return now;
}

export type ManualNow = ReturnType<typeof manualNow>;

const AGENT = 'agent@example.com';
const AGENT2 = 'agent2@example.com';

async function allCalls(store: CallRecordStore, seat: string, limit: number) {
  const calls: StoredCall[] = [];
  let page = await store.listCalls(seat, { limit });
  calls.push(...page.calls);
  while (page.next) {
    page = await store.listCalls(seat, { limit, after: page.next });
    calls.push(...page.calls);
  }
  return calls;
}

export function defineStoreContract(open: (now: ManualNow) => Promise<StoreUnderTest>) {
  const now = manualNow();
  let subject: StoreUnderTest;
  let store: CallRecordStore;

  beforeAll(async () => {
    subject = await open(now);
    store = subject.store;
  });
  afterAll(async () => {
    await store?.close();
  });

  describe('storing CDRs by SessionId', () => {
    it('stores a new CDR and gives it back whole, listed for its agent', async () => {
      const cdr = cdrFixture({ seat: 'Agent@Example.com', start: 1_764_000_000 });
      expect(await store.saveCdr(cdr, { source: 'push' })).toBe('inserted');
      const stored = await store.getCall(cdr.SessionId);
      expect(stored?.cdr).toEqual(cdr);
      expect(stored).toMatchObject({
        sessionId: cdr.SessionId,
        direction: 0,
        callType: 2,
        caller: cdr.Caller,
        seatUserId: AGENT,
        startTime: 1_764_000_000,
        endedTime: 1_764_000_060,
        duration: 44,
        endStatusString: 'ok',
        hungUpSide: 'seat',
        source: 'push',
        storedAt: now(),
        updatedAt: now(),
      });
      const listed = await allCalls(store, AGENT, 100);
      expect(listed.map((call) => call.sessionId)).toContain(cdr.SessionId);
    });

    it('stores a batch in one call, each record by the same rule', async () => {
      const known = cdrFixture();
      await store.saveCdr(known, { source: 'push' });
      const older = cdrFixture({ sessionId: known.SessionId, length: 10 });
      const newer = cdrFixture({ sessionId: known.SessionId, length: 900 });
      const fresh = cdrFixture();
      expect(await store.saveCdrs([older, fresh, newer, fresh], { source: 'reconcile' })).toEqual([
        'unchanged',
        'inserted',
        'updated',
        'unchanged',
      ]);
      expect((await store.getCall(known.SessionId))?.cdr).toEqual(newer);
      expect(await store.saveCdrs([], { source: 'reconcile' })).toEqual([]);
    });

    it('stores a big batch of distinct sessions by the same rule, seats moved with the record', async () => {
      const kept = cdrFixture({ seat: AGENT, length: 600 });
      const moved = cdrFixture({ seat: AGENT, length: 60 });
      await store.saveCdrs([kept, moved], { source: 'push' });
      const older = cdrFixture({ sessionId: kept.SessionId, seat: AGENT2, length: 30 });
      // A transfer: the newer version ended later, with the second agent.
      const transferred = cdrFixture({
        sessionId: moved.SessionId,
        seat: AGENT2,
        length: 300,
        legs: ['third@example.com', AGENT2],
      });
      const fresh = Array.from({ length: 450 }, (_, i) =>
        cdrFixture({ seat: i % 2 ? AGENT : AGENT2, start: 1_764_100_000 + i }),
      );
      const outcomes = await store.saveCdrs(
        [older, ...fresh.slice(0, 250), transferred, ...fresh.slice(250)],
        {
          source: 'reconcile',
        },
      );
      expect(outcomes[0]).toBe('unchanged');
      expect(outcomes[251]).toBe('updated');
      expect(outcomes.filter((outcome) => outcome === 'inserted')).toHaveLength(450);
      expect((await store.getCall(kept.SessionId))?.cdr).toEqual(kept);
      expect(await store.getCall(moved.SessionId)).toMatchObject({
        cdr: transferred,
        seatUserId: AGENT2,
        source: 'reconcile',
      });
      const firstSeen = await allCalls(store, AGENT, 1000);
      const second = await allCalls(store, AGENT2, 1000);
      const third = await allCalls(store, 'third@example.com', 1000);
      expect(firstSeen.map((call) => call.sessionId)).not.toContain(moved.SessionId);
      expect(second.map((call) => call.sessionId)).toContain(moved.SessionId);
      expect(third.map((call) => call.sessionId)).toEqual([moved.SessionId]);
      expect(second.map((call) => call.sessionId)).not.toContain(kept.SessionId);
      for (const cdr of [fresh[0], fresh[449]] as Cdr[]) {
        expect((await store.getCall(cdr.SessionId))?.cdr).toEqual(cdr);
      }
    });

    it('leaves the record alone when the same CDR arrives again', async () => {
      const cdr = cdrFixture();
      await store.saveCdr(cdr, { source: 'push' });
      now.advance(1000);
      expect(await store.saveCdr(structuredClone(cdr), { source: 'reconcile' })).toBe('unchanged');
      expect(await store.getCall(cdr.SessionId)).toMatchObject({ source: 'push' });
    });

    it.each([
      ['a later end', { length: 60 }, { length: 90 }],
      ['the same end but more legs', { legs: [AGENT] }, { legs: [AGENT, AGENT2] }],
    ])('keeps the newer version (%s) whichever arrives first', async (_name, older, newer) => {
      for (const order of ['older first', 'newer first'] as const) {
        const id = sessionId();
        const oldVersion = cdrFixture({ sessionId: id, ...older });
        const newVersion = cdrFixture({ sessionId: id, ...newer });
        const [first, second] =
          order === 'older first' ? [oldVersion, newVersion] : [newVersion, oldVersion];
        expect(await store.saveCdr(first, { source: 'push' })).toBe('inserted');
        expect(await store.saveCdr(second, { source: 'push' })).toBe(
          order === 'older first' ? 'updated' : 'unchanged',
        );
        expect((await store.getCall(id))?.cdr).toEqual(newVersion);
      }
    });

    it('takes the fuller record at the same end and legs, and never the emptier one', async () => {
      const pushed = cdrFixture();
      const { IVRKeyPressed: _dropped, ...thinner } = pushed;
      const fuller: Cdr = { ...pushed, EndStatus: 1, AsrStatus: 'Complete' };
      expect(await store.saveCdr(thinner as Cdr, { source: 'push' })).toBe('inserted');
      expect(await store.saveCdr(fuller, { source: 'reconcile' })).toBe('updated');
      expect(await store.saveCdr(pushed, { source: 'push' })).toBe('unchanged');
      expect(await store.getCall(pushed.SessionId)).toMatchObject({
        source: 'reconcile',
        endStatus: 1,
      });
    });

    it('lists a transferred call for every agent who served it, after the newer version only', async () => {
      const id = sessionId();
      const third = `third-${id}@example.com`;
      await store.saveCdr(cdrFixture({ sessionId: id, seat: AGENT }), { source: 'push' });
      expect((await allCalls(store, third, 50)).map((c) => c.sessionId)).toEqual([]);
      const transferred = cdrFixture({ sessionId: id, seat: third, legs: [AGENT, third] });
      expect(await store.saveCdr(transferred, { source: 'push' })).toBe('updated');
      expect((await allCalls(store, third, 50)).map((c) => c.sessionId)).toEqual([id]);
      expect((await allCalls(store, AGENT, 500)).map((c) => c.sessionId)).toContain(id);
      expect(await store.getCall(id)).toMatchObject({ seatUserId: third });
    });
  });

  describe('push receipts (X-TCCC-PUSH-UUID)', () => {
    it('stores the record and its receipt together, and reports a repeat as a duplicate', async () => {
      const cdr = cdrFixture();
      const receipt = { uuid: `push-${cdr.SessionId}`, action: 'cdr' as const };
      expect(await store.saveCdr(cdr, { source: 'push', receipt })).toBe('inserted');
      expect(await store.findReceipt(receipt.uuid)).toEqual({ action: 'cdr', outcome: 'inserted' });
      const newer = cdrFixture({ sessionId: cdr.SessionId, length: 600 });
      // Same UUID = the same push retried: nothing is done, even with another body.
      expect(await store.saveCdr(newer, { source: 'push', receipt })).toBe('duplicate');
      expect((await store.getCall(cdr.SessionId))?.cdr).toEqual(cdr);
      expect(await store.findReceipt('never-seen')).toBeUndefined();
    });

    it('prunes receipts older than a time, and only those', async () => {
      const old = { uuid: `old-${sessionId()}`, action: 'cdr' as const };
      await store.saveCdr(cdrFixture(), { source: 'push', receipt: old });
      now.advance(10_000);
      const fresh = { uuid: `fresh-${sessionId()}`, action: 'cdr' as const };
      await store.saveCdr(cdrFixture(), { source: 'push', receipt: fresh });
      expect(await store.pruneReceipts(now() - 5_000)).toBeGreaterThanOrEqual(1);
      expect(await store.findReceipt(old.uuid)).toBeUndefined();
      expect(await store.findReceipt(fresh.uuid)).toBeDefined();
    });
  });

  describe("an agent's calls", () => {
    it('pages newest first without gaps or repeats, ties broken by session id', async () => {
      const seat = `pager-${sessionId()}@example.com`;
      const ids = new Set<string>();
      for (let i = 0; i < 25; i++) {
        // Three calls share each start second, so the tie-break is exercised.
        const cdr = cdrFixture({ seat, start: 1_760_000_000 + Math.floor(i / 3) });
        ids.add(cdr.SessionId);
        await store.saveCdr(cdr, { source: 'push' });
      }
      const sizes: number[] = [];
      const seen: StoredCall[] = [];
      let page = await store.listCalls(seat.toUpperCase(), { limit: 10 });
      for (;;) {
        sizes.push(page.calls.length);
        seen.push(...page.calls);
        if (!page.next) break;
        page = await store.listCalls(seat, { limit: 10, after: page.next });
      }
      expect(sizes).toEqual([10, 10, 5]);
      expect(new Set(seen.map((call) => call.sessionId))).toEqual(ids);
      const keys = seen.map((call) => [call.startTime ?? 0, call.sessionId] as const);
      const sorted = [...keys].sort((a, b) => b[0] - a[0] || (a[1] < b[1] ? 1 : -1));
      expect(keys).toEqual(sorted);
      expect(await store.listCalls(`nobody-${seat}`, { limit: 10 })).toEqual({ calls: [] });
    });

    it('finds the calls that started in a window', async () => {
      const inside = cdrFixture({ start: 1_700_000_500 });
      const outside = cdrFixture({ start: 1_700_002_000 });
      await store.saveCdr(inside, { source: 'push' });
      await store.saveCdr(outside, { source: 'push' });
      expect(await store.sessionIdsBetween(1_700_000_000, 1_700_001_000)).toEqual([
        inside.SessionId,
      ]);
    });
  });

  describe('recordings and voicemails', () => {
    it('stores one recording per leg and replaces it only with a later push', async () => {
      const id = sessionId();
      const push = {
        SessionId: id,
        RecordId: 'r1',
        Timestamp: 100,
        EndpointUser: AGENT,
        RecordURL: 'https://example.com/r1.mp3',
      };
      expect(await store.saveRecording(push)).toBe('inserted');
      now.advance(1);
      expect(
        await store.saveRecording({ ...push, RecordURL: 'https://x/old', Timestamp: 99 }),
      ).toBe('unchanged');
      expect(
        await store.saveRecording({ ...push, Timestamp: 101, RecordURL: 'https://x/new' }),
      ).toBe('updated');
      expect(await store.saveRecording({ ...push, RecordId: 'r2' })).toBe('inserted');
      const stored = await store.recordingsOf(id);
      expect(stored.map((r) => [r.RecordId, r.RecordURL])).toEqual([
        ['r1', 'https://x/new'],
        ['r2', 'https://example.com/r1.mp3'],
      ]);
    });

    it('stores a voicemail once, with a numeric EndpointUser kept as text', async () => {
      const id = sessionId();
      const push = {
        SessionId: id,
        RecordURL: 'https://example.com/vm.mp3',
        Timestamp: 5,
        EndpointUser: 8613912345678,
      };
      const receipt = { uuid: `vm-${id}`, action: 'voicemail' as const };
      expect(await store.saveVoicemail(push, { receipt })).toBe('inserted');
      expect(await store.saveVoicemail(push, { receipt })).toBe('duplicate');
      expect(await store.saveVoicemail(push)).toBe('unchanged');
      expect(await store.voicemailsOf(id)).toEqual([
        { SessionId: id, RecordURL: push.RecordURL, Timestamp: 5, EndpointUser: '8613912345678' },
      ]);
    });
  });

  describe('leases and reconcile runs', () => {
    it('gives a lease to one holder until it expires or is released', async () => {
      const name = `lease-${sessionId()}`;
      expect(await store.acquireLease(name, 'a', 60_000)).toBe(true);
      expect(await store.acquireLease(name, 'b', 60_000)).toBe(false);
      expect(await store.acquireLease(name, 'a', 60_000)).toBe(true);
      now.advance(60_001);
      expect(await store.acquireLease(name, 'b', 60_000)).toBe(true);
      await store.releaseLease(name, 'a');
      expect(await store.acquireLease(name, 'a', 60_000)).toBe(false);
      await store.releaseLease(name, 'b');
      expect(await store.acquireLease(name, 'a', 60_000)).toBe(true);
    });

    it('keeps reconcile runs, newest window first', async () => {
      const base = {
        trigger: 'schedule' as const,
        startedAt: 1,
        finishedAt: 2,
        pages: 3,
        found: 250,
        inserted: 75,
        updated: 1,
        unchanged: 174,
        invalid: 0,
      };
      await store.saveReconcileRun({ ...base, id: sessionId(), windowFrom: 0, windowTo: 10 });
      const failed = { ...base, id: sessionId(), windowFrom: 10, windowTo: 20, error: 'boom' };
      await store.saveReconcileRun(failed);
      const runs = await store.reconcileRuns(2);
      expect(runs[0]).toEqual(failed);
      expect(runs[1]).toMatchObject({ windowTo: 10, inserted: 75 });
      expect(runs[1]).not.toHaveProperty('error');
    });
  });

  describe('concurrent writers', () => {
    it('ends with the newest of 20 versions of one call saved at once, in any order', async () => {
      const id = sessionId();
      const versions = Array.from({ length: 20 }, (_, i) =>
        cdrFixture({ sessionId: id, length: 60 + ((i * 7) % 20) }),
      );
      const outcomes = await Promise.all(
        versions.map((cdr) => store.saveCdr(cdr, { source: 'push' })),
      );
      expect(outcomes.filter((o) => o === 'inserted')).toHaveLength(1);
      expect((await store.getCall(id))?.endedTime).toBe(1_764_460_800 + 79);
    });

    it('stores one receipt when one push is delivered 10 times at once', async () => {
      const cdr = cdrFixture();
      const receipt = { uuid: `burst-${cdr.SessionId}`, action: 'cdr' as const };
      const outcomes: SaveOutcome[] = await Promise.all(
        Array.from({ length: 10 }, () => store.saveCdr(cdr, { source: 'push', receipt })),
      );
      expect(outcomes.filter((o) => o === 'inserted')).toHaveLength(1);
      expect(outcomes.every((o) => ['inserted', 'unchanged', 'duplicate'].includes(o))).toBe(true);
      expect(await store.findReceipt(receipt.uuid)).toEqual({ action: 'cdr', outcome: 'inserted' });
    });
  });

  describe('migrations', () => {
    it('opens an existing database again without migrating twice or losing records', async () => {
      const cdr = cdrFixture();
      await store.saveCdr(cdr, { source: 'push' });
      store = await subject.reopen();
      expect((await store.getCall(cdr.SessionId))?.cdr).toEqual(cdr);
    });

    it('closes once however often close() is called', async () => {
      const closing = [store.close(), store.close()];
      await Promise.all(closing);
      store = await subject.reopen();
    });
  });
}
