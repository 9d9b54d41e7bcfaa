/** Data Push on the control plane, in-process with app.request. */
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { createMockTccc } from '../mock.js';

const APP = 1400000000;
const mock = createMockTccc();
const req = (path: string, init: RequestInit = {}) =>
  mock.app.request(`http://127.0.0.1:4000/__tccc${path}`, {
    ...init,
    headers: {
      ...(init.headers as Record<string, string>),
      'x-tccc-control-token': mock.controlToken,
    },
  });
const put = (path: string, body: unknown) =>
  req(path, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

interface Answer {
  sdkAppId: number;
  dataPush: unknown;
  apps: unknown[];
  pushes: { sessionId: string; outcome: string }[];
  total: number;
  pending: number;
  error: { code: string; message: string; problems?: string[] };
}
const answer = async (res: Response) => (await res.json()) as Answer;

const config = {
  url: 'http://127.0.0.1:9/tccc/push',
  auth: {
    type: 'oauth',
    tokenUrl: 'http://127.0.0.1:9/token',
    clientId: 'id',
    clientSecret: 'TOP-SECRET',
  },
  actions: ['cdr'],
};

beforeEach(() => mock.reset());
afterAll(() => mock.close());

describe('/__tccc/apps/:sdkAppId/data-push', () => {
  it('PUT sets it, GET shows it redacted, DELETE turns it off', async () => {
    const set = await put(`/apps/${APP}/data-push`, config);
    expect(set.status).toBe(200);
    const redacted = {
      sdkAppId: APP,
      dataPush: { ...config, auth: { ...config.auth, clientSecret: '[redacted]' } },
    };
    expect(await answer(set)).toEqual(redacted);
    expect(await answer(await req(`/apps/${APP}/data-push`))).toEqual(redacted);
    expect(await answer(await req('/data-push'))).toEqual({ apps: [redacted] });
    const state = await (await req('/state')).text();
    expect(state).not.toContain('TOP-SECRET');
    expect(JSON.parse(state).dataPush).toEqual([{ sdkAppId: APP, config: redacted.dataPush }]);
    const off = await req(`/apps/${APP}/data-push`, { method: 'DELETE' });
    expect(await answer(off)).toEqual({ sdkAppId: APP, dataPush: null });
    expect(mock.getDataPush()).toBeNull();
  });

  it('answers a bad configuration with 400 invalid_data_push and every problem, no secret', async () => {
    const res = await put(`/apps/${APP}/data-push`, {
      url: 'ftp://x',
      auth: { type: 'basic', username: 'u', password: 'p\u0000TOP-SECRET' },
    });
    expect(res.status).toBe(400);
    const { error } = await answer(res);
    expect(error.code).toBe('invalid_data_push');
    expect(error.problems).toEqual([
      'dataPush.url must use http: or https: (got "ftp:")',
      'dataPush.auth.password must be at most 1024 characters without control characters',
    ]);
    expect(JSON.stringify(error)).not.toContain('TOP-SECRET');
  });

  it('answers 404 unknown_app, 400 for a bad id, 415 for a body that is not JSON, 400 for bad JSON', async () => {
    const unknown = await put('/apps/42/data-push', config);
    expect(unknown.status).toBe(404);
    expect((await answer(unknown)).error).toEqual({
      code: 'unknown_app',
      message: 'The mock has no app 42 (apps: 1400000000).',
    });
    const badId = await req('/apps/abc/data-push');
    expect(badId.status).toBe(400);
    expect((await answer(badId)).error.code).toBe('invalid_field');
    const text = await req(`/apps/${APP}/data-push`, {
      method: 'PUT',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify(config),
    });
    expect(text.status).toBe(415);
    const broken = await put(`/apps/${APP}/data-push`, '{"url":');
    expect(broken.status).toBe(400);
    expect((await answer(broken)).error.code).toBe('invalid_json');
    const empty = await put(`/apps/${APP}/data-push`, '');
    expect(empty.status).toBe(400);
    expect((await answer(empty)).error.code).toBe('invalid_data_push');
  });
});

describe('GET /__tccc/pushes', () => {
  const record = (sessionId: string, outcome: 'delivered' | 'failed') => {
    const id = `${sessionId}-push`;
    mock.store.pushes.record({
      id,
      sdkAppId: APP,
      action: 'cdr',
      url: 'http://x/p',
      sessionId,
      body: {},
    });
    mock.store.pushes.settle(id, outcome);
  };

  it('lists the journal, filtered by sessionId, sdkAppId, action, outcome; limit keeps the newest', async () => {
    record('s1', 'delivered');
    record('s2', 'failed');
    record('s3', 'delivered');
    const all = await answer(await req('/pushes'));
    expect(all.pushes.map((p) => p.sessionId)).toEqual(['s1', 's2', 's3']);
    expect(all).toMatchObject({ total: 3, pending: 0 });
    const delivered = await answer(
      await req(`/pushes?outcome=delivered&sdkAppId=${APP}&action=cdr`),
    );
    expect(delivered.pushes.map((p) => p.sessionId)).toEqual(['s1', 's3']);
    expect((await answer(await req('/pushes?sessionId=s2'))).pushes).toHaveLength(1);
    expect((await answer(await req('/pushes?sdkAppId=1'))).pushes).toEqual([]);
    const newest = await answer(await req('/pushes?limit=1'));
    expect(newest).toMatchObject({ total: 3, pushes: [{ sessionId: 's3' }] });
  });

  it('answers bad filters with 400 naming what to fix', async () => {
    for (const [query, code, message] of [
      [
        'outcome=lost',
        'invalid_field',
        /outcome must be one of pending, delivered, failed, dropped/,
      ],
      ['action=sms', 'invalid_field', /action must be one of cdr, record, voicemail/],
      ['sdkAppId=-1', 'invalid_field', /sdkAppId must be a positive integer/],
      ['limit=0', 'invalid_field', /limit must be a positive integer/],
      ['session=1', 'unknown_field', /"session" is not a filter/],
    ] as const) {
      const res = await req(`/pushes?${query}`);
      expect(res.status).toBe(400);
      const { error } = await answer(res);
      expect(error.code).toBe(code);
      expect(error.message).toMatch(message);
    }
  });

  it('needs the control token like every control route', async () => {
    const res = await mock.app.request('http://127.0.0.1:4000/__tccc/pushes');
    expect(res.status).toBe(401);
  });
});
