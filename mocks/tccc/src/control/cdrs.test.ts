/** POST /__tccc/cdrs: history in bulk, checked against TelCdrInfo, never pushed. */
import { beforeEach, describe, expect, it } from 'vitest';
import { createMockTccc } from '../mock.js';

const NOW = Date.UTC(2030, 0, 15, 12);
const mock = createMockTccc({
  now: NOW,
  apps: [{ sdkAppId: 1400000000, seats: ['agent@example.com'] }, { sdkAppId: 1400000001 }],
  skillGroups: [{ skillGroupId: 101, name: 'Sales' }],
  staff: [{ mail: 'ana@example.com', skillGroups: [101] }],
});
beforeEach(() => mock.reset());

const post = async (body: unknown) => {
  const response = await mock.app.request('http://127.0.0.1/__tccc/cdrs', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-tccc-control-token': mock.controlToken },
    body: JSON.stringify(body),
  });
  // biome-ignore lint/suspicious/noExplicitAny: asserted field by field below.
  return { status: response.status, body: (await response.json()) as any };
};

describe('POST /__tccc/cdrs', () => {
  it('adds the records given, skips SessionIds the app has, pushes nothing', async () => {
    const first = await post({
      cdrs: [
        { SessionId: 'a', StartTimestamp: 100 },
        { SessionId: 'b', StartTimestamp: 50, Uui: null },
      ],
    });
    expect(first).toEqual({ status: 201, body: { inserted: 2, duplicates: 0, total: 2 } });
    const again = await post({
      cdrs: [
        { SessionId: 'a', StartTimestamp: 100 },
        { SessionId: 'c', StartTimestamp: 75 },
      ],
    });
    expect(again.body).toEqual({ inserted: 1, duplicates: 1, total: 3 });
    expect(mock.store.cdrs.list(1400000000).map((cdr) => cdr.SessionId)).toEqual(['b', 'c', 'a']);
    expect(mock.store.pushes.size).toBe(0);
  });

  it('adds them to the app named, or answers the TCCC code for an unknown one', async () => {
    expect(
      (await post({ sdkAppId: 1400000001, cdrs: [{ SessionId: 'a', StartTimestamp: 1 }] })).body
        .total,
    ).toBe(1);
    expect(mock.store.cdrs.count(1400000000)).toBe(0);
    const unknown = await post({ sdkAppId: 5, cdrs: [{ SessionId: 'a', StartTimestamp: 1 }] });
    expect(unknown).toMatchObject({
      status: 400,
      body: { error: { code: 'InvalidParameterValue.InstanceNotExist' } },
    });
  });

  it('names every record that does not fit TelCdrInfo, and adds none', async () => {
    const bad = await post({
      cdrs: [
        { SessionId: 'ok', StartTimestamp: 1 },
        { SessionId: 'x', StartTimestamp: '1' },
        { StartTimestamp: 1, Direction: 'in', Bogus: 1 },
        { SessionId: 'y', StartTimestamp: 1_700_000_000_000 },
        {
          SessionId: 'z',
          StartTimestamp: 1,
          SeatUser: { Mail: 7 },
          ServeParticipants: [{ Sequence: 'first' }],
        },
      ],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('invalid_cdr');
    expect(bad.body.error.problems).toEqual([
      'cdrs[1].StartTimestamp: expected Integer, got a string',
      'cdrs[2].Bogus: TelCdrInfo has no member of this name',
      'cdrs[2].Direction: expected Integer, got a string',
      'cdrs[2].SessionId: required in TelCdrInfo, missing',
      'cdrs[3].StartTimestamp: Unix seconds, from 0 (milliseconds are 1000 times too big)',
      'cdrs[4].SeatUser.Mail: expected String, got an integer',
      'cdrs[4].ServeParticipants.0.Sequence: expected Integer, got a string',
    ]);
    expect(mock.store.cdrs.count()).toBe(0);
  });

  it('generates plausible history that fits TelCdrInfo, the same for the same seed', async () => {
    const to = NOW / 1000;
    const made = await post({ generate: { count: 500, from: to - 86_400, to, seed: 7 } });
    expect(made).toEqual({ status: 201, body: { inserted: 500, duplicates: 0, total: 500 } });
    const records = mock.store.cdrs.list(1400000000);
    expect(
      records.every((cdr) => cdr.StartTimestamp >= to - 86_400 && cdr.StartTimestamp <= to),
    ).toBe(true);
    expect(new Set(records.map((cdr) => cdr.Direction))).toEqual(new Set([0, 1]));
    expect(new Set(records.map((cdr) => cdr.EndStatusString))).toContain('notAnswer');
    expect(new Set(records.map((cdr) => cdr.SeatUser?.Mail))).toEqual(
      new Set(['agent@example.com', 'ana@example.com']),
    );
    const answered = records.find((cdr) => cdr.EndStatus === 1);
    expect(answered?.Duration).toBe(
      (answered?.EndedTimestamp ?? 0) - (answered?.AcceptTimestamp ?? 0),
    );
    mock.reset();
    await post({ generate: { count: 500, from: to - 86_400, to, seed: 7 } });
    expect(mock.store.cdrs.list(1400000000)).toEqual(records);
    expect(
      (
        await post({
          generate: { count: 5, from: '2030-01-01T00:00:00Z', to: '2030-01-02T00:00:00Z', seed: 8 },
        })
      ).body.inserted,
    ).toBe(5);
  });

  it('generates into the 30 days before now by default', async () => {
    await post({ generate: { count: 50 } });
    const starts = mock.store.cdrs.list(1400000000).map((cdr) => cdr.StartTimestamp);
    expect(Math.min(...starts)).toBeGreaterThanOrEqual(NOW / 1000 - 30 * 86_400);
    expect(Math.max(...starts)).toBeLessThanOrEqual(NOW / 1000);
  });

  it.each<[unknown, string, RegExp]>([
    [{}, 'invalid_field', /either cdrs .* or generate/],
    [{ cdrs: [], generate: { count: 1 } }, 'invalid_field', /either cdrs/],
    [{ cdrs: [] }, 'invalid_field', /non-empty list/],
    [{ cdrs: {} }, 'invalid_field', /non-empty list/],
    [{ generate: { count: 0 } }, 'invalid_field', /from 1 to 200000/],
    [{ generate: { count: 200_001 } }, 'invalid_field', /from 1 to 200000/],
    [
      { generate: { count: 1, from: 'yesterday' } },
      'invalid_field',
      /generate\.from must be an ISO-8601/,
    ],
    [{ generate: { count: 1, from: 10, to: 5 } }, 'invalid_field', /must not be after/],
    [{ generate: { count: 1, seed: 'x' } }, 'invalid_field', /seed must be an integer/],
    [{ generate: { count: 1, extra: 1 } }, 'unknown_field', /extra/],
    [
      { sdkAppId: '1400000000', generate: { count: 1 } },
      'invalid_field',
      /sdkAppId must be an integer/,
    ],
    [{ records: [] }, 'unknown_field', /records/],
  ])('answers 400 for %j', async (body, code, message) => {
    const answer = await post(body);
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe(code);
    expect(answer.body.error.message).toMatch(message);
  });
});
