/**
 * GET /api/calls end to end in-process: records arrive through the push receiver, an agent
 * signs in and reads their own history.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { AGENT, AGENT2, browserHeaders, problemOf, signIn } from '../../test/harness.js';
import { answerOf, ORIGIN, type PushRig, push, pushRig } from '../push/testing/push-fixtures.js';
import { type CallSummary, decodeCursor, encodeCursor } from './calls-routes.js';
import { cdrFixture } from './testing/cdr-fixtures.js';

let rig: PushRig;
afterEach(async () => {
  await rig?.close();
});

async function stored(cdr: Parameters<typeof push>[1]) {
  expect((await answerOf(await push(rig.app, cdr))).ErrCode).toBe(0);
}

function calls(cookie: string, query = '', headers: Record<string, string> = {}) {
  return rig.app.request(`${ORIGIN}/api/calls${query}`, {
    headers: browserHeaders(cookie, headers),
  });
}

async function page(cookie: string, query = '') {
  const response = await calls(cookie, query);
  expect(response.status).toBe(200);
  return (await response.json()) as { calls: CallSummary[]; nextCursor: string | null };
}

describe('GET /api/calls', () => {
  it("lists the signed-in agent's calls, newest first, in words", async () => {
    rig = await pushRig();
    const inbound = cdrFixture({ seat: AGENT, start: 1_764_460_800, length: 75 });
    const outbound = cdrFixture({
      seat: AGENT,
      start: 1_764_464_400,
      direction: 1,
      endStatusString: 'busy',
    });
    await stored(inbound);
    await stored(outbound);
    await stored(cdrFixture({ seat: AGENT2 }));
    const cookie = await signIn(rig.app);
    const { calls: list, nextCursor } = await page(cookie);
    expect(nextCursor).toBeNull();
    expect(list).toEqual([
      {
        sessionId: outbound.SessionId,
        direction: 'outbound',
        otherParty: outbound.Callee,
        startedAt: '2025-11-30T01:00:00.000Z',
        endedAt: '2025-11-30T01:01:00.000Z',
        durationSeconds: 44,
        endStatus: { name: 'busy', code: 206, text: 'Busy', answered: false },
        hungUpBy: 'seat',
      },
      {
        sessionId: inbound.SessionId,
        direction: 'inbound',
        otherParty: inbound.Caller,
        startedAt: '2025-11-30T00:00:00.000Z',
        endedAt: '2025-11-30T00:01:15.000Z',
        durationSeconds: 59,
        endStatus: { name: 'ok', code: 1, text: 'Answered', answered: true },
        hungUpBy: 'seat',
      },
    ]);
  });

  it('takes the seat from the session, never from the request', async () => {
    rig = await pushRig();
    const theirs = cdrFixture({ seat: AGENT2 });
    await stored(theirs);
    const cookie = await signIn(rig.app, AGENT);
    const tricks = `?seat=${AGENT2}&seatUserId=${AGENT2}`;
    const response = await calls(cookie, tricks, { 'x-seat-user-id': AGENT2 });
    // Unknown query parameters are ignored; the list is still the signed-in agent's.
    expect(response.status).toBe(200);
    expect(((await response.json()) as { calls: unknown[] }).calls).toEqual([]);
    expect((await page(await signIn(rig.app, AGENT2))).calls[0]?.sessionId).toBe(theirs.SessionId);
  });

  it('pages with an opaque cursor until nextCursor is null', async () => {
    rig = await pushRig();
    for (let i = 0; i < 7; i++) await stored(cdrFixture({ start: 1_764_460_800 + i * 60 }));
    const cookie = await signIn(rig.app);
    const seen: string[] = [];
    let query = '?limit=3';
    const sizes: number[] = [];
    for (;;) {
      const { calls: list, nextCursor } = await page(cookie, query);
      sizes.push(list.length);
      seen.push(...list.map((call) => call.sessionId));
      if (!nextCursor) break;
      query = `?limit=3&cursor=${nextCursor}`;
    }
    expect(sizes).toEqual([3, 3, 1]);
    expect(new Set(seen).size).toBe(7);
  });

  it('answers 304 to an unchanged first page, and 200 once a call was added', async () => {
    rig = await pushRig();
    await stored(cdrFixture());
    const cookie = await signIn(rig.app);
    const first = await calls(cookie);
    const etag = first.headers.get('etag') ?? '';
    expect(etag).toMatch(/^W\/"[\w-]+"$/);
    expect(first.headers.get('cache-control')).toBe('private, no-cache');
    const again = await calls(cookie, '', { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    await stored(cdrFixture({ start: 1_764_470_000 }));
    expect((await calls(cookie, '', { 'if-none-match': etag })).status).toBe(200);
  });

  it.each([
    ['limit=0', /limit must be a whole number from 1 to 100/],
    ['limit=101', /limit must be/],
    ['limit=ten', /limit must be/],
    ['cursor=not-ours', /cursor is not one this server gave out/],
    [`cursor=${Buffer.from('{"x":1}').toString('base64url')}`, /cursor is not one/],
  ])('refuses %s with 400 invalid_query', async (query, detail) => {
    rig = await pushRig();
    const response = await calls(await signIn(rig.app), `?${query}`);
    expect(response.status).toBe(400);
    const body = await problemOf(response);
    expect(body.code).toBe('invalid_query');
    expect(body.detail).toMatch(detail);
  });

  it('needs a session', async () => {
    rig = await pushRig();
    const response = await rig.app.request(`${ORIGIN}/api/calls`);
    expect(response.status).toBe(401);
    expect((await problemOf(response)).code).toBe('not_signed_in');
  });
});

describe('call cursors', () => {
  it('round-trip, and refuse what they did not make', () => {
    const cursor = { sortTime: 1_764_460_800, sessionId: 'c2b303a5-7814' };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
    for (const bad of ['', '!!', 'x'.repeat(401), Buffer.from('[1.5,"a"]').toString('base64url')]) {
      expect(decodeCursor(bad)).toBeUndefined();
    }
  });
});
