/** The bounded collections: calls (ended ones capped) and the push journal. */
import { describe, expect, it } from 'vitest';
import { type CallEnding, type CallRecord, createCallTable } from './calls.js';
import { createPushJournal } from './pushes.js';

const call = (sessionId: string): CallRecord => ({
  sessionId,
  direction: 'outbound',
  sdkAppId: 1400000000,
  seatUserId: 'agent@example.com',
  sdkSessionId: 'sdk-1',
  callerPhoneNumber: '1',
  calleePhoneNumber: '2',
  createdAt: 0,
  timeoutSeconds: 0,
  ivrPath: [],
  queueWaitSeconds: 0,
  recordId: `${sessionId}-record`,
  state: 'dialing',
  muted: false,
  held: false,
  digits: '',
  events: [],
  deadline: { at: 10, kind: 'answer' },
  legs: [],
});

const ending = (closeBy: CallEnding['closeBy']): CallEnding => ({
  endStatus: 1,
  endStatusString: 'ok',
  hungUpSide: closeBy === 'client' ? 'user' : 'seat',
  closeBy,
});

describe('call table', () => {
  it('ends a call (no deadline any more) and keeps only the newest ended calls', () => {
    const calls = createCallTable(3);
    for (const id of ['a', 'b', 'c', 'd', 'e']) calls.add(call(id));
    expect(calls.withDeadlines()).toHaveLength(5);
    for (const id of ['a', 'b', 'c', 'd']) {
      calls.markEnded(calls.get(id) as CallRecord, 100, ending('seat'));
    }
    expect(calls.get('a')).toBeUndefined();
    expect(calls.list().map((c) => c.sessionId)).toEqual(['b', 'c', 'd', 'e']);
    expect(calls.active().map((c) => c.sessionId)).toEqual(['e']);
    expect(calls.get('d')).toMatchObject({
      state: 'ended',
      endedAt: 100,
      ending: { closeBy: 'seat' },
    });
    expect(calls.withDeadlines().map((c) => c.sessionId)).toEqual(['e']);
  });

  it('holds a flat number of calls however many end', () => {
    const calls = createCallTable(100);
    for (let n = 0; n < 10_000; n += 1) {
      const record = calls.add(call(`c${n}`));
      calls.markEnded(record, n, ending('client'));
    }
    expect(calls.size).toBe(100);
    expect(calls.list()[0]?.sessionId).toBe('c9900');
  });
});

describe('push journal', () => {
  const push = (id: string) => ({
    id,
    sdkAppId: 1400000000,
    action: 'cdr' as const,
    url: 'https://hook:secret@receiver.example/tccc?action=cdr&version=1',
    sessionId: `s-${id}`,
    body: { SessionId: `s-${id}` },
  });

  it('records a push, its attempts and its outcome, without the URL credentials', () => {
    let now = Date.parse('2030-01-01T00:00:00Z');
    const journal = createPushJournal(() => now);
    journal.record({ ...push('p1'), faults: ['duplicate'] });
    now += 1_000;
    journal.addAttempt('p1', { at: new Date(now).toISOString(), status: 500, durationMs: 3 });
    journal.addAttempt('p1', {
      at: new Date(now).toISOString(),
      status: 200,
      errCode: 0,
      durationMs: 2,
    });
    const settled = journal.settle('p1', 'delivered');
    expect(settled).toMatchObject({
      id: 'p1',
      url: 'https://receiver.example/tccc?action=cdr&version=1',
      createdAt: '2030-01-01T00:00:00.000Z',
      faults: ['duplicate'],
      outcome: 'delivered',
      attempts: [{ status: 500 }, { status: 200, errCode: 0 }],
    });
    expect(journal.list({ sessionId: 's-p1' })).toHaveLength(1);
    expect(journal.list({ sdkAppId: 1 })).toEqual([]);
    expect(journal.addAttempt('nope', { at: '', status: null, durationMs: 0 })).toBeUndefined();
  });

  it('drops the oldest settled entries past its cap, never a pending one', () => {
    const journal = createPushJournal(() => 0, 3);
    journal.record(push('pending'));
    for (const id of ['a', 'b', 'c', 'd']) {
      journal.record(push(id));
      journal.settle(id, 'failed');
    }
    expect(journal.list().map((entry) => entry.id)).toEqual(['pending', 'c', 'd']);
  });
});
