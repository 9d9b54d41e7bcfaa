import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  EventReader,
  json,
  newMock,
  origin,
  body as readBody,
  signIn,
} from '../../test/sdk-host-helpers.js';
import { createMockTccc, type MockTccc } from '../mock.js';

let mock: MockTccc;
beforeEach(() => {
  mock = newMock();
});
afterEach(() => mock.reset());

const login = (token: unknown) => mock.app.request('/sdk/session', json({ token }));

describe('GET /sdk/tccc.js', () => {
  it('serves the fake SDK script for cross-origin <script crossorigin>, never cached', async () => {
    const response = await mock.app.request('/sdk/tccc.js?token=abc', {
      headers: { origin: 'http://app.test' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(await response.text()).toContain('tcccSdkDomRoot');
  });

  it('serves the script without a token too (the SDK reports the bad token by event)', async () => {
    expect((await mock.app.request('/sdk/tccc.js')).status).toBe(200);
  });

  it('answers an injected sdk.script status fault with that status', async () => {
    mock.addFault({ target: 'sdk.script', kind: 'status', status: 404, times: 1 });
    expect((await mock.app.request('/sdk/tccc.js')).status).toBe(404);
    expect((await mock.app.request('/sdk/tccc.js')).status).toBe(200);
  });
});

describe('POST /sdk/session (login)', () => {
  it('logs in with a fresh token and marks it used in the journal', async () => {
    const { token } = mock.issueToken({ seatUserId: 'agent@example.com', origin });
    const response = await login(token);
    expect(response.status).toBe(200);
    const answer = await readBody(response);
    expect(answer).toMatchObject({
      seatUserId: 'agent@example.com',
      sdkAppId: 1400000000,
      status: 'free',
      emitReady: true,
    });
    expect(answer.credential).toEqual(expect.any(String));
    expect(mock.tokens()[0]?.usedAt).not.toBeNull();
  });

  it('rejects an unknown token with 401 TokenUnknown, without echoing the token', async () => {
    const response = await login('0123456789abcdef0123456789abcdef');
    expect(response.status).toBe(401);
    const answer = await readBody(response);
    expect(answer.error.code).toBe('TokenUnknown');
    expect(JSON.stringify(answer)).not.toContain('0123456789abcdef');
  });

  it('rejects a missing token with 401 TokenMissing', async () => {
    expect(await readBody(await login(undefined))).toMatchObject({
      error: { code: 'TokenMissing' },
    });
  });

  it('rejects a token expired by the mock clock (11 minutes later) with TokenExpired', async () => {
    const { token } = mock.issueToken({ seatUserId: 'agent@example.com', origin });
    mock.advanceTime(11 * 60 * 1000);
    const response = await login(token);
    expect(response.status).toBe(401);
    expect((await readBody(response)).error.code).toBe('TokenExpired');
  });

  it('rejects a reused OnlyOnce token with TokenUsed', async () => {
    const { token } = mock.issueToken({ seatUserId: 'agent@example.com', origin, onlyOnce: true });
    expect((await login(token)).status).toBe(200);
    const again = await login(token);
    expect(again.status).toBe(401);
    expect((await readBody(again)).error.code).toBe('TokenUsed');
  });

  it('lets a token issued without OnlyOnce log in again while it is valid', async () => {
    const { token } = mock.issueToken({ seatUserId: 'agent@example.com', origin });
    expect((await login(token)).status).toBe(200);
    expect((await login(token)).status).toBe(200);
  });

  it('answers bad JSON with 400 BadRequest', async () => {
    const response = await mock.app.request('/sdk/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{not json',
    });
    expect(response.status).toBe(400);
    expect((await readBody(response)).error.code).toBe('BadRequest');
  });

  it('fails login with 500 InjectedFault under an sdk.login error fault', async () => {
    mock.addFault({ target: 'sdk.login', kind: 'error', code: 'InternalError' });
    const { token } = mock.issueToken({ seatUserId: 'agent@example.com', origin });
    const response = await login(token);
    expect(response.status).toBe(500);
    expect((await readBody(response)).error.code).toBe('InjectedFault');
  });

  it('tells the SDK not to emit ready under an sdk.ready fault', async () => {
    mock.addFault({ target: 'sdk.ready', kind: 'hang', times: 1 });
    const { token } = mock.issueToken({ seatUserId: 'agent@example.com', origin });
    expect((await readBody(await login(token))).emitReady).toBe(false);
  });
});

describe('CORS', () => {
  it('answers the preflight of an authorized JSON POST from another origin', async () => {
    const response = await mock.app.request('/sdk/calls/outbound', {
      method: 'OPTIONS',
      headers: {
        origin: 'http://app.test',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, content-type',
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-headers')).toMatch(/authorization/i);
    expect(response.headers.get('access-control-allow-methods')).toContain('POST');
  });

  it('adds CORS headers to error answers as well', async () => {
    const response = await mock.app.request('/sdk/events', {
      headers: { origin: 'http://a.test' },
    });
    expect(response.status).toBe(401);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
  });
});

describe('routes the SDK host does not have', () => {
  it.each([
    ['an unknown path', 'GET', '/sdk/agent/profile'],
    ['a known path with another method', 'PUT', '/sdk/session'],
    ['the bare prefix', 'GET', '/sdk'],
  ])('answers %s with the SDK host 404, readable cross-origin', async (_case, method, path) => {
    const response = await mock.app.request(path, {
      method,
      headers: { origin: 'http://app.test' },
    });
    expect(response.status).toBe(404);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(await readBody(response)).toEqual({
      error: {
        code: 'BadRequest',
        message: `No SDK route for ${method} "${path}"; see SDK.md for the routes under /sdk/.`,
      },
    });
  });

  it('quotes at most 64 characters of a long unknown path', async () => {
    const response = await mock.app.request(`/sdk/${'p'.repeat(10_000)}`);
    const { error } = (await readBody(response)) as { error: { message: string } };
    expect(error.message).toContain(`"/sdk/${'p'.repeat(59)}…"`);
    expect(error.message.length).toBeLessThan(200);
  });

  it('leaves preflights of unknown paths to CORS', async () => {
    const response = await mock.app.request('/sdk/agent/profile', {
      method: 'OPTIONS',
      headers: { origin: 'http://app.test', 'access-control-request-method': 'GET' },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
  });
});

describe('GET /sdk/events', () => {
  it('rejects a missing or unknown credential with 401 SessionInvalid', async () => {
    const response = await mock.app.request('/sdk/events', {
      headers: { authorization: 'Bearer nope' },
    });
    expect(response.status).toBe(401);
    expect((await readBody(response)).error.code).toBe('SessionInvalid');
  });

  it('streams connected first, then the seat’s events', async () => {
    const { token } = mock.issueToken({ seatUserId: 'agent@example.com', origin });
    const { credential } = await readBody(await login(token));
    const response = await mock.app.request('/sdk/events', {
      headers: { authorization: `Bearer ${credential}` },
    });
    expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    const events = new EventReader(response);
    expect(await events.next()).toEqual({
      event: 'connected',
      data: { status: 'free', calls: [] },
    });
    await events.cancel();
  });

  it('ends the session for every route after the mock resets', async () => {
    const seat = await signIn(mock);
    mock.reset();
    const response = await mock.app.request(
      '/sdk/agent/status',
      json({ status: 'rest' }, seat.auth),
    );
    expect(response.status).toBe(401);
  });
});

describe('ending a session', () => {
  it('POST /sdk/session/end takes a text/plain credential (a keepalive or beacon request)', async () => {
    const seat = await signIn(mock);
    const end = () =>
      mock.app.request('/sdk/session/end', {
        method: 'POST',
        // What fetch(url, {keepalive, body: string}) and sendBeacon send: a CORS-simple request.
        headers: { 'content-type': 'text/plain;charset=UTF-8', origin: 'http://app.test' },
        body: JSON.stringify({ credential: seat.credential }),
      });
    const response = await end();
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(await seat.events.next()).toEqual({ event: 'loggedOut', data: { reason: 'offline' } });
    expect(mock.store.staff.get(1400000000, 'agent@example.com')?.status).toBe('offline');
    // Again: already logged out is fine.
    expect((await end()).status).toBe(204);
    const missing = await mock.app.request('/sdk/session/end', { method: 'POST', body: '{}' });
    expect(missing.status).toBe(400);
  });

  it('answers a credential whose session ended with a 401 that says why', async () => {
    const older = await signIn(mock);
    await signIn(mock);
    const refused = await mock.app.request('/sdk/events', { headers: older.auth });
    expect(refused.status).toBe(401);
    expect((await readBody(refused)).error).toMatchObject({
      code: 'SessionTakenOver',
      message: expect.stringContaining('newer login'),
    });
  });

  it('tells the SDK how to pace its reconnects (sdk settings)', async () => {
    mock = createMockTccc({ sdk: { reconnectInitialMs: 200, reconnectMaxMs: 800 } });
    const { token } = mock.issueToken({ seatUserId: 'agent@example.com', origin });
    expect((await readBody(await login(token))).reconnect).toEqual({ initialMs: 200, maxMs: 800 });
  });
});

describe('agent status', () => {
  it('changes status and pushes statusChanged', async () => {
    const seat = await signIn(mock);
    const response = await mock.app.request(
      '/sdk/agent/status',
      json({ status: 'rest' }, seat.auth),
    );
    expect(await readBody(response)).toEqual({ status: 'rest' });
    expect(await seat.events.next()).toEqual({ event: 'statusChanged', data: { status: 'rest' } });
    await mock.app.request('/sdk/agent/status', json({ status: 'notReady' }, seat.auth));
    expect((await seat.events.next()).data).toEqual({ status: 'notReady' });
    const stop = await mock.app.request(
      '/sdk/agent/status',
      json({ status: 'stopNotReady' }, seat.auth),
    );
    expect(await readBody(stop)).toEqual({ status: 'free' });
    expect((await seat.events.next()).data).toEqual({ status: 'free' });
  });

  it('rejects an unknown status with 400 naming the allowed ones', async () => {
    const seat = await signIn(mock);
    const response = await mock.app.request(
      '/sdk/agent/status',
      json({ status: 'away' }, seat.auth),
    );
    expect(response.status).toBe(400);
    expect((await readBody(response)).error.message).toContain('free, rest, arrange, notReady');
  });
});
