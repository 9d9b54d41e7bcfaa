/** The control plane under /__tccc/, exercised in-process with app.request. */
import { beforeEach, describe, expect, it } from 'vitest';
import { createMockTccc } from '../mock.js';

const mock = createMockTccc();
const json = (body: unknown) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: typeof body === 'string' ? body : JSON.stringify(body),
});
/** A control-plane request with the mock's control token (guard.test.ts covers without). */
const req = (path: string, init: RequestInit = {}) =>
  mock.app.request(`http://127.0.0.1:4000${path}`, {
    ...init,
    headers: {
      ...(init.headers as Record<string, string>),
      'x-tccc-control-token': mock.controlToken,
    },
  });

// Back to the default seed: one test replaces it.
beforeEach(() => mock.reseed({}));

/** The fields control-plane answers use, loosely typed for assertions. */
interface Answer {
  now: string;
  nowMs: number;
  id: string;
  token: string;
  faults: unknown[];
  tokens: unknown[];
  paused: boolean;
  counts: Record<string, number>;
  error: { code: string; message: string; problems?: string[] };
  [key: string]: unknown;
}
const answer = async (res: Response): Promise<Answer> => (await res.json()) as Answer;

describe('control plane', () => {
  it('reads and moves the clock', async () => {
    const set = await req('/__tccc/clock', json({ now: '2030-01-01T00:00:00Z' }));
    expect(set.status).toBe(200);
    expect((await answer(set)).now).toMatch(/^2030-01-01T00:00:0/);
    const advanced = await answer(await req('/__tccc/clock', json({ advanceMs: 3_600_000 })));
    expect(advanced.now).toMatch(/^2030-01-01T01:00:0/);
    const byMs = await answer(
      await req('/__tccc/clock', json({ now: Date.parse('2031-05-05T00:00:00Z') })),
    );
    expect(byMs.now).toMatch(/^2031-05-05T00:00:0/);
    const read = await answer(await req('/__tccc/clock'));
    expect(read).toHaveProperty('offsetMs');
    expect(read.nowMs).toBeGreaterThanOrEqual(Date.parse('2031-05-05T00:00:00Z'));
  });

  it.each([
    [{}, 'invalid_field'],
    [{ now: 'yesterday' }, 'invalid_field'],
    [{ now: '2030-01-01T00:00:00Z', advanceMs: 1 }, 'invalid_field'],
    [{ advanceMs: -5 }, 'invalid_field'],
    [{ later: 1 }, 'unknown_field'],
    ['{not json', 'invalid_json'],
    ['[1]', 'invalid_json'],
  ])('answers 400 to clock input %j', async (body, code) => {
    const res = await req('/__tccc/clock', json(body));
    expect(res.status).toBe(400);
    expect((await answer(res)).error.code).toBe(code);
  });

  it('adds, lists, removes and clears fault rules', async () => {
    const added = await req(
      '/__tccc/faults',
      json({ target: 'CreateSDKLoginToken', kind: 'drop', times: 1 }),
    );
    expect(added.status).toBe(201);
    const rule = await answer(added);
    expect(rule).toMatchObject({
      target: 'CreateSDKLoginToken',
      kind: 'drop',
      times: 1,
      remaining: 1,
    });
    expect(typeof rule.id).toBe('string');
    await req('/__tccc/faults', json({ target: 'sdk.login', kind: 'hang' }));
    expect((await answer(await req('/__tccc/faults'))).faults).toHaveLength(2);
    expect((await req(`/__tccc/faults/${rule.id}`, { method: 'DELETE' })).status).toBe(200);
    const gone = await req(`/__tccc/faults/${rule.id}`, { method: 'DELETE' });
    expect(gone.status).toBe(404);
    expect((await answer(gone)).error.code).toBe('not_found');
    expect(await answer(await req('/__tccc/faults', { method: 'DELETE' }))).toEqual({
      cleared: 1,
    });
    expect(mock.faults()).toEqual([]);
  });

  it('answers 400 naming the problem for a bad fault rule', async () => {
    const res = await req('/__tccc/faults', json({ target: 'X', kind: 'status', status: 200 }));
    expect(res.status).toBe(400);
    expect(await answer(res)).toEqual({
      error: {
        code: 'invalid_fault',
        message: 'a "status" rule needs status, an HTTP status from 400 to 599',
      },
    });
  });

  it('issues tokens like CreateSDKLoginToken, and lists the journal', async () => {
    mock.setTime(Date.parse('2030-01-01T00:00:00Z'));
    const res = await req(
      '/__tccc/tokens',
      json({ seatUserId: 'agent2@example.com', onlyOnce: true }),
    );
    expect(res.status).toBe(201);
    const issued = await answer(res);
    expect(issued).toEqual({
      token: expect.stringMatching(/^[0-9a-f]{32}$/),
      sdkUrl: `http://127.0.0.1:4000/sdk/tccc.js?token=${issued.token}`,
      expiredTime: Date.parse('2030-01-01T00:10:00Z') / 1000,
      expiresAt: '2030-01-01T00:10:00.000Z',
    });
    const { tokens } = await answer(await req('/__tccc/tokens'));
    expect(tokens).toEqual([
      expect.objectContaining({
        token: issued.token,
        seatUserId: 'agent2@example.com',
        onlyOnce: true,
        usedAt: null,
      }),
    ]);
  });

  it.each([
    [{}, 'invalid_field'],
    [{ seatUserId: 'nobody@example.com' }, 'InvalidParameterValue.AccountNotExist'],
    [{ seatUserId: 'agent@example.com', sdkAppId: 1 }, 'InvalidParameterValue.InstanceNotExist'],
    [{ seatUserId: 'agent@example.com', onlyOnce: 'yes' }, 'invalid_field'],
    [{ seatUserId: 'agent@example.com', seat: 1 }, 'unknown_field'],
  ])('answers 400 to token input %j', async (body, code) => {
    const res = await req('/__tccc/tokens', json(body));
    expect(res.status).toBe(400);
    expect((await answer(res)).error.code).toBe(code);
  });

  it('reset forgets tokens and faults and puts the clock back', async () => {
    mock.issueToken({ seatUserId: 'agent@example.com', origin: 'http://x' });
    mock.addFault({ target: '*', kind: 'drop' });
    mock.advanceTime(86_400_000);
    expect(await answer(await req('/__tccc/reset', { method: 'POST' }))).toEqual({ ok: true });
    expect(mock.tokens()).toEqual([]);
    expect(mock.faults()).toEqual([]);
    expect(Math.abs(mock.clock.offsetMs())).toBeLessThan(1000);
  });

  it('prunes minted tokens once they are past expiry and retention, so minting cannot grow memory', async () => {
    for (let n = 0; n < 200; n += 1) {
      await req('/__tccc/tokens', json({ seatUserId: 'agent@example.com' }));
    }
    expect(mock.store.tokens.size).toBe(200);
    mock.advanceTime((600 + 600) * 1000);
    await req('/__tccc/tokens', json({ seatUserId: 'agent@example.com' }));
    expect(mock.store.tokens.size).toBe(1);
    expect((await answer(await req('/__tccc/tokens'))).tokens).toHaveLength(1);
  });

  it('pauses the clock: nothing moves until advanced, and the answer says so', async () => {
    const paused = await answer(await req('/__tccc/clock', json({ paused: true })));
    expect(paused.paused).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect((await answer(await req('/__tccc/clock'))).nowMs).toBe(paused.nowMs);
    const moved = await answer(await req('/__tccc/clock', json({ advanceMs: 500, paused: false })));
    // Resumed before the answer reads the clock: real time may add a millisecond or more.
    expect(moved.paused).toBe(false);
    expect(moved.nowMs).toBeGreaterThanOrEqual(paused.nowMs + 500);
    expect(moved.nowMs).toBeLessThan(paused.nowMs + 500 + 1000);
  });

  it('exports the whole state with secrets redacted, and leaves out what omit names', async () => {
    const { token } = mock.issueToken({ seatUserId: 'agent@example.com', origin: 'http://x' });
    const state = await answer(await req('/__tccc/state'));
    const text = JSON.stringify(state);
    expect(text).not.toContain(token);
    expect(text).not.toContain(mock.options.accounts[0]?.secretKey);
    expect(text).not.toContain(mock.options.accounts[0]?.secretId);
    expect(state).toMatchObject({
      accounts: [{ secretId: 'AKID…0000', secretKey: '[redacted]' }],
      apps: [{ sdkAppId: 1400000000 }],
      staff: [
        expect.objectContaining({ mail: 'agent@example.com', status: 'offline' }),
        expect.objectContaining({ mail: 'agent2@example.com' }),
      ],
      tokens: [expect.objectContaining({ token: '[redacted]', seatUserId: 'agent@example.com' })],
      counts: { tokens: 1, staff: 2, cdrs: 0 },
      clock: expect.objectContaining({ paused: false }),
      faults: [],
    });
    const slim = await answer(await req('/__tccc/state?omit=tokens,cdrs'));
    expect(slim).not.toHaveProperty('tokens');
    expect(slim).not.toHaveProperty('cdrs');
    expect(slim.counts).toMatchObject({ tokens: 1 });
    const bad = await req('/__tccc/state?omit=secrets');
    expect(bad.status).toBe(400);
    expect((await answer(bad)).error.message).toContain('tokens, calls, cdrs, pushes');
  });

  it('replaces the seed: new staff can be issued tokens, the old ones no longer', async () => {
    const seeded = await req(
      '/__tccc/seed',
      json({
        apps: [{ sdkAppId: 1400000042 }],
        skillGroups: [{ skillGroupId: 7, name: 'Sales' }],
        staff: [{ mail: 'ana@example.com', name: 'Ana', skillGroups: [7] }],
      }),
    );
    expect(seeded.status).toBe(200);
    expect((await answer(seeded)).counts).toMatchObject({ apps: 1, staff: 1, skillGroups: 1 });
    expect(mock.store.staff.get(1400000042, 'ana@example.com')).toMatchObject({
      name: 'Ana',
      skillGroups: [{ skillGroupId: 7, priority: 1 }],
    });
    const minted = await req('/__tccc/tokens', json({ seatUserId: 'ana@example.com' }));
    expect(minted.status).toBe(201);
    const old = await req('/__tccc/tokens', json({ seatUserId: 'agent@example.com' }));
    expect((await answer(old)).error.code).toBe('InvalidParameterValue.AccountNotExist');
    // reset keeps the new seed
    mock.reset();
    expect(mock.store.staff.list().map((member) => member.mail)).toEqual(['ana@example.com']);
  });

  it('refuses a bad seed listing every problem, and keeps the old one', async () => {
    const res = await req(
      '/__tccc/seed',
      json({ staff: [{ mail: ' x' }, { name: 'no mail' }], skillGroups: 'sales' }),
    );
    expect(res.status).toBe(400);
    const { error } = await answer(res);
    expect(error.code).toBe('invalid_seed');
    expect(error.problems).toEqual([
      'skillGroups must be an array of { skillGroupId, name, … }',
      'staff[0].mail must be a non-empty string of at most 256 characters without surrounding spaces (got " x")',
      'staff[1].mail is required: a non-empty string of at most 256 characters without surrounding spaces',
    ]);
    expect(mock.store.staff.size).toBe(2);
  });

  it('caps a streamed body (no Content-Length) at 64 KiB with 413, as msw passes it', async () => {
    const piece = new TextEncoder().encode(`{"pad":"${'x'.repeat(16 * 1024)}`);
    let pulls = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulls += 1;
        controller.enqueue(piece); // never closes: only a cap that reads as it goes answers
      },
    });
    const res = await req('/__tccc/faults', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
    expect((await answer(res)).error.code).toBe('body_too_large');
    expect(pulls).toBeLessThan(10);
  });

  it('answers unknown paths with a 404 JSON that says where things are', async () => {
    for (const path of ['/nope', '/__tccc/nope', '/v2/']) {
      const res = await req(path);
      expect(res.status).toBe(404);
      expect((await answer(res)).error.message).toContain('/__tccc/');
    }
  });
});

describe('issueToken', () => {
  it('needs an origin when no sdkOrigin is configured', () => {
    expect(() => mock.issueToken({ seatUserId: 'agent@example.com' })).toThrow(/needs an origin/);
  });

  it('uses the configured sdkOrigin', () => {
    const configured = createMockTccc({ sdkOrigin: 'https://mock.example' });
    const issued = configured.issueToken({ seatUserId: 'agent@example.com' });
    expect(issued.sdkUrl).toBe(`https://mock.example/sdk/tccc.js?token=${issued.token}`);
  });
});
