import { describe, expect, it } from 'vitest';
import { createCdrStore } from './cdrs.js';
import type { TelCdrInfo } from './tencent-types.js';

const APP = 1400000000;
const cdr = (sessionId: string, start: number, extra: Partial<TelCdrInfo> = {}): TelCdrInfo => ({
  SessionId: sessionId,
  StartTimestamp: start,
  Caller: '008613800000000',
  Callee: '008675586013388',
  ...extra,
});
const ids = (records: TelCdrInfo[]) => records.map((record) => record.SessionId);

/** s1..s10 starting at 1000, 1010, …, 1090, inserted out of order. */
function tenRecords() {
  const store = createCdrStore();
  for (const n of [5, 1, 9, 3, 7, 2, 10, 4, 8, 6]) store.insert(APP, cdr(`s${n}`, 990 + n * 10));
  return store;
}

describe('CDR store', () => {
  it('keeps at most maxRecordsPerApp per app, letting the oldest StartTimestamp go first', () => {
    const store = createCdrStore(3);
    for (const n of [5, 1, 9, 3]) store.insert(APP, cdr(`s${n}`, n));
    expect(ids(store.list(APP))).toEqual(['s3', 's5', 's9']);
    expect(store.get(APP, 's1')).toBeUndefined();
    // The one let go may come again: the store no longer holds it.
    expect(store.insert(APP, cdr('s1', 100)).ok).toBe(true);
    expect(ids(store.list(APP))).toEqual(['s5', 's9', 's1']);
    expect(store.insertMany(APP, [cdr('b1', 200), cdr('b2', 201), cdr('b3', 0)])).toBe(3);
    // Bulk history keeps the newest three of all it holds, b3 (the oldest) went at once.
    expect(ids(store.list(APP))).toEqual(['s1', 'b1', 'b2']);
    expect(store.insert(APP + 1, cdr('other', 1)).ok).toBe(true);
    expect([store.count(APP), store.count()]).toEqual([3, 4]);
  });

  it('keeps one record per SessionId per app', () => {
    const store = createCdrStore();
    expect(store.insert(APP, cdr('a', 100)).ok).toBe(true);
    expect(store.insert(APP, cdr('a', 200))).toEqual({ ok: false, reason: 'duplicate' });
    expect(store.insert(APP + 1, cdr('a', 200)).ok).toBe(true);
    expect(store.count(APP)).toBe(1);
    expect(store.count()).toBe(2);
    expect(store.get(APP, 'a')?.StartTimestamp).toBe(100);
    expect(store.appIds()).toEqual([APP, APP + 1]);
  });

  it('pages a time window newest first, by offset and limit (0-based PageNumber * PageSize)', () => {
    const store = tenRecords();
    const page = (offset: number, limit: number) =>
      store.query({ sdkAppId: APP, from: 1010, to: 1080, offset, limit });
    expect(page(0, 3)).toEqual({ total: 8, records: expect.any(Array) });
    expect(ids(page(0, 3).records)).toEqual(['s9', 's8', 's7']);
    expect(ids(page(3, 3).records)).toEqual(['s6', 's5', 's4']);
    expect(ids(page(6, 3).records)).toEqual(['s3', 's2']);
    expect(page(9, 3)).toEqual({ total: 8, records: [] });
  });

  it('pages by StartTimestamp ascending too, both window ends inclusive', () => {
    const store = tenRecords();
    const oldest = store.query({ sdkAppId: APP, from: 1000, to: 1020, order: 'oldest' });
    expect(ids(oldest.records)).toEqual(['s1', 's2', 's3']);
    expect(store.query({ sdkAppId: APP, from: 1095, to: 2000 }).total).toBe(0);
    expect(store.query({ sdkAppId: APP, from: 2000, to: 1000 }).total).toBe(0);
    expect(store.query({ sdkAppId: 1, from: 0, to: 9_999 }).total).toBe(0);
  });

  it('keeps insertion order among records that started in the same second', () => {
    const store = createCdrStore();
    for (const id of ['a', 'b', 'c']) store.insert(APP, cdr(id, 500));
    expect(ids(store.query({ sdkAppId: APP, from: 0, to: 999, order: 'oldest' }).records)).toEqual([
      'a',
      'b',
      'c',
    ]);
    expect(ids(store.query({ sdkAppId: APP, from: 0, to: 999 }).records)).toEqual(['c', 'b', 'a']);
  });

  it('filters by SessionIds and by phone numbers (caller or callee), counting every match', () => {
    const store = tenRecords();
    store.insert(APP, cdr('x', 1050, { Caller: '0086139', Callee: '0086111' }));
    const bySession = store.query({
      sdkAppId: APP,
      from: 0,
      to: 9_999,
      sessionIds: ['s2', 'nope', 's7', 's2'],
    });
    expect(bySession.total).toBe(2);
    expect(ids(bySession.records)).toEqual(['s7', 's2']);
    const outside = store.query({ sdkAppId: APP, from: 1050, to: 9_999, sessionIds: ['s2'] });
    expect(outside.total).toBe(0);
    const byPhone = store.query({ sdkAppId: APP, from: 0, to: 9_999, phones: ['0086111'] });
    expect(ids(byPhone.records)).toEqual(['x']);
    const paged = store.query({
      sdkAppId: APP,
      from: 0,
      to: 9_999,
      phones: ['008613800000000'],
      offset: 2,
      limit: 2,
    });
    expect(paged.total).toBe(10);
    expect(ids(paged.records)).toEqual(['s8', 's7']);
  });

  it('stores frozen copies: neither the inserter nor a reader can change a record', () => {
    const store = createCdrStore();
    const input = cdr('a', 1, { ServeParticipants: [{ Mail: 'agent@example.com' }] });
    store.insert(APP, input);
    (input.ServeParticipants as { Mail?: string }[])[0] = { Mail: 'changed' };
    const [record] = store.query({ sdkAppId: APP, from: 0, to: 10 }).records;
    expect(record?.ServeParticipants?.[0]?.Mail).toBe('agent@example.com');
    expect(Object.isFrozen(record?.ServeParticipants?.[0])).toBe(true);
  });

  it('refuses a record without SessionId or StartTimestamp', () => {
    const store = createCdrStore();
    expect(() => store.insert(APP, cdr('', 1))).toThrow(/SessionId/);
    expect(() => store.insert(APP, cdr('a', 1.5))).toThrow(/StartTimestamp/);
    expect(store.count()).toBe(0);
  });

  it('adds history in bulk, skipping duplicates, and finds a page among 100,000 records', () => {
    const store = createCdrStore();
    const history = Array.from({ length: 100_000 }, (_, n) => cdr(`h${n}`, 1_700_000_000 + n));
    expect(store.insertMany(APP, history.reverse())).toBe(100_000);
    expect(store.insertMany(APP, [cdr('h5', 1), cdr('new', 1_700_050_000)])).toBe(1);
    const page = store.query({
      sdkAppId: APP,
      from: 1_700_050_000,
      to: 1_700_050_099,
      offset: 0,
      limit: 100,
    });
    expect(page.total).toBe(101);
    expect(ids(page.records).slice(0, 2)).toEqual(['h50099', 'h50098']);
    expect(ids(page.records).at(-1)).toBe('new');
  });
});
