import { describe, expect, it } from 'vitest';
import {
  AGENT,
  browserHeaders,
  buildApp,
  ORIGIN,
  PASSWORD,
  problemOf,
  sessionCookie,
  signIn,
} from '../../test/harness.js';
import type { SdkUrlIssuer } from '../tccc/routes.js';

const url = `${ORIGIN}/api/session`;

const fixedIssuer: SdkUrlIssuer = {
  createSdkUrl: async () => ({
    sdkUrl: 'http://127.0.0.1:4000/sdk/tccc.js?token=t',
    expiresAt: new Date(Date.UTC(2026, 0, 1)),
    requestId: 'r',
  }),
};
const json = (body: unknown, extra: Record<string, string> = {}) => ({
  method: 'POST',
  headers: browserHeaders(undefined, { 'content-type': 'application/json', ...extra }),
  body: typeof body === 'string' ? body : JSON.stringify(body),
});

describe('POST /api/session', () => {
  it('signs in a demo account and sets an HttpOnly, SameSite=Strict session cookie', async () => {
    const { app } = buildApp();
    const response = await app.request(
      url,
      json({ email: 'Agent@Example.com', password: PASSWORD }),
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ email: AGENT });
    expect(response.headers.get('cache-control')).toBe('no-store');
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(
      /^tccc_session=[\w-]+\.[\w-]+; Max-Age=3600; Path=\/; HttpOnly; SameSite=Strict$/,
    );
  });

  it('marks the cookie Secure with the __Host- prefix over HTTPS', async () => {
    const { app } = buildApp({ publicOrigin: 'https://agents.example.com' });
    const response = await app.request('https://agents.example.com/api/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://agents.example.com' },
      body: JSON.stringify({ email: AGENT, password: PASSWORD }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('set-cookie')).toMatch(
      /^__Host-tccc_session=[\w.-]+; Max-Age=3600; Path=\/; HttpOnly; Secure; SameSite=Strict$/,
    );
  });

  it('answers 401 invalid_credentials for a wrong password or an unknown email', async () => {
    const { app } = buildApp();
    for (const body of [
      { email: AGENT, password: 'wrong' },
      { email: 'nobody@example.com', password: PASSWORD },
    ]) {
      const response = await app.request(url, json(body));
      expect(response.status).toBe(401);
      expect(response.headers.get('set-cookie')).toBeNull();
      expect(await problemOf(response)).toEqual({
        type: 'urn:tccc-kit:problem:invalid-credentials',
        title: 'Wrong email or password',
        status: 401,
        detail: 'The email or password is not right.',
        code: 'invalid_credentials',
      });
    }
  });

  it('answers 400 invalid_body for malformed JSON or missing fields', async () => {
    const { app } = buildApp();
    const broken = await problemOf(await app.request(url, json('{"email":')));
    expect([broken.status, broken.code, broken.detail]).toEqual([
      400,
      'invalid_body',
      'The body is not valid JSON.',
    ]);
    const missing = await problemOf(await app.request(url, json({ email: AGENT })));
    expect(missing.code).toBe('invalid_body');
    expect(missing.detail).toContain('"password" must be a non-empty string');
  });

  it('answers 415 for a form post', async () => {
    const { app } = buildApp();
    const response = await app.request(url, {
      method: 'POST',
      headers: browserHeaders(undefined, { 'content-type': 'application/x-www-form-urlencoded' }),
      body: `email=${AGENT}&password=${PASSWORD}`,
    });
    const body = await problemOf(response);
    expect([body.status, body.code]).toEqual([415, 'unsupported_media_type']);
    expect(body.detail).toContain('Content-Type: application/json');
  });

  it('counts failures, not attempts: the right password never runs into the limit', async () => {
    const { app } = buildApp();
    for (let i = 0; i < 50; i++) {
      expect((await app.request(url, json({ email: AGENT, password: PASSWORD }))).status).toBe(200);
    }
  });

  it('slows password guessing: 429 with Retry-After after 10 failures for one account and client', async () => {
    const { app, clock } = buildApp();
    for (let i = 0; i < 10; i++) {
      expect((await app.request(url, json({ email: AGENT, password: `guess-${i}` }))).status).toBe(
        401,
      );
    }
    const limited = await app.request(url, json({ email: AGENT, password: PASSWORD }));
    expect(limited.status).toBe(429);
    // 10 failures per 15 minutes: one more is earned every 90 s.
    expect(limited.headers.get('retry-after')).toBe('90');
    const body = await problemOf(limited);
    expect([body.code, body.detail]).toEqual([
      'rate_limited',
      'Too many failed sign-ins; try again in 90 s.',
    ]);
    clock.advance(90_000);
    expect((await app.request(url, json({ email: AGENT, password: PASSWORD }))).status).toBe(200);
  });

  it('lets the owner in after their own typos, and forgets those typos on success', async () => {
    const { app } = buildApp();
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 9; i++) {
        expect((await app.request(url, json({ email: AGENT, password: 'typo' }))).status).toBe(401);
      }
      expect((await app.request(url, json({ email: AGENT, password: PASSWORD }))).status).toBe(200);
    }
  });
});

describe('GET /api/session', () => {
  it('returns the signed-in user', async () => {
    const { app } = buildApp();
    const cookie = await signIn(app);
    const response = await app.request(url, { headers: { cookie } });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ email: AGENT });
  });

  it('answers {email: null} without a cookie, with a tampered one, or after expiry', async () => {
    const { app, clock } = buildApp();
    const cookie = await signIn(app);
    const [name, value = ''] = cookie.split('=');
    const [payload, signature = ''] = value.split('.');
    const otherUser = Buffer.from(JSON.stringify({ sub: 'agent2@example.com', exp: 9e9 })).toString(
      'base64url',
    );
    const flipped = `${signature.slice(0, -1)}${signature.endsWith('A') ? 'B' : 'A'}`;

    for (const headers of [
      {} as Record<string, string>,
      { cookie: `${name}=${otherUser}.${signature}` },
      { cookie: `${name}=${payload}.${flipped}` },
    ]) {
      const response = await app.request(url, { headers });
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ email: null });
    }

    clock.advance(3_600_000);
    expect(await (await app.request(url, { headers: { cookie } })).json()).toEqual({ email: null });
  });

  it('ends sessions of an account that was removed', async () => {
    const { app } = buildApp();
    const cookie = await signIn(app);
    const { app: sameSecretFewerAccounts } = buildApp({
      authenticator: (await import('./authenticator.js')).createDemoAuthenticator({
        accounts: [],
        password: PASSWORD,
      }),
    });
    const response = await sameSecretFewerAccounts.request(url, { headers: { cookie } });
    expect(await response.json()).toEqual({ email: null });
  });
});

describe('DELETE /api/session', () => {
  it('clears the cookie and answers 204, also when already signed out', async () => {
    const { app } = buildApp();
    const cookie = await signIn(app);
    const response = await app.request(url, { method: 'DELETE', headers: browserHeaders(cookie) });
    expect(response.status).toBe(204);
    expect(response.headers.get('set-cookie')).toMatch(/^tccc_session=; Max-Age=0; Path=\//);
    expect(sessionCookie(response)).toBe('tccc_session=');
    const again = await app.request(url, { method: 'DELETE', headers: browserHeaders() });
    expect(again.status).toBe(204);
  });

  it('ends the session for good: a copy of the old cookie reads nothing and mints nothing', async () => {
    const { app } = buildApp({ issuer: fixedIssuer });
    const cookie = await signIn(app);
    const otherDevice = await signIn(app);
    const mint = (session: string) =>
      app.request(`${ORIGIN}/api/tccc/sdk-url`, {
        method: 'POST',
        headers: browserHeaders(session),
      });
    expect((await mint(cookie)).status).toBe(200);

    await app.request(url, { method: 'DELETE', headers: browserHeaders(cookie) });

    expect(await (await app.request(url, { headers: { cookie } })).json()).toEqual({ email: null });
    const refused = await mint(cookie);
    expect([refused.status, (await problemOf(refused)).code]).toEqual([401, 'not_signed_in']);
    // Signing out on one device leaves the user's other sessions alone.
    expect(await (await app.request(url, { headers: { cookie: otherDevice } })).json()).toEqual({
      email: AGENT,
    });
    expect((await mint(otherDevice)).status).toBe(200);
  });
});
