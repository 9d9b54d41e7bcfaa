/**
 * OAuth 2.0 client credentials (RFC 6749 §4.4) for Data Push: the token endpoint, and
 * pushes with the bearer token it issues.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cdrFixture } from '../records/testing/cdr-fixtures.js';
import {
  answerOf,
  basic,
  CLIENT_ID,
  CLIENT_SECRET,
  ORIGIN,
  type PushRig,
  push,
  pushRig,
} from './testing/push-fixtures.js';

let rig: PushRig;
afterEach(async () => {
  await rig?.close();
});

const oauth = { oauth: { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, tokenTtlSeconds: 600 } };
const FORM = 'application/x-www-form-urlencoded';

function requestToken(
  body: string,
  options: { authorization?: string; contentType?: string } = {},
) {
  return rig.app.request(`${ORIGIN}/tccc/push/token`, {
    method: 'POST',
    headers: {
      'content-type': options.contentType ?? FORM,
      ...(options.authorization ? { authorization: options.authorization } : {}),
    },
    body,
  });
}

const byBasic = () =>
  requestToken('grant_type=client_credentials', { authorization: basic(CLIENT_ID, CLIENT_SECRET) });

describe('POST /tccc/push/token', () => {
  it('issues a short-lived bearer token to a client authenticated with HTTP Basic', async () => {
    rig = await pushRig({ auth: oauth });
    const response = await byBasic();
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('pragma')).toBe('no-cache');
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toEqual({
      access_token: expect.stringMatching(/^[\w-]+\.[\w-]+$/),
      token_type: 'Bearer',
      expires_in: 600,
    });
  });

  it('accepts client_id and client_secret in the form body, form-decoded', async () => {
    rig = await pushRig({
      auth: { oauth: { ...oauth.oauth, clientSecret: 'secret with spaces & symbols=+' } },
    });
    const form = new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: CLIENT_ID,
      client_secret: 'secret with spaces & symbols=+',
    });
    expect((await requestToken(form.toString())).status).toBe(200);
    const encoded = basic(
      encodeURIComponent(CLIENT_ID),
      encodeURIComponent('secret with spaces & symbols=+'),
    );
    expect(
      (await requestToken('grant_type=client_credentials', { authorization: encoded })).status,
    ).toBe(200);
  });

  it.each([
    ['no grant_type', 'scope=push', {}, 400, 'invalid_request'],
    ['another grant type', 'grant_type=password', {}, 400, 'unsupported_grant_type'],
    [
      'a repeated grant_type',
      'grant_type=client_credentials&grant_type=client_credentials',
      {},
      400,
      'invalid_request',
    ],
    [
      'JSON instead of a form',
      '{"grant_type":"client_credentials"}',
      { contentType: 'application/json' },
      415,
      'invalid_request',
    ],
    ['no client authentication', 'grant_type=client_credentials', {}, 401, 'invalid_client'],
    [
      'a wrong secret',
      'grant_type=client_credentials',
      { authorization: basic(CLIENT_ID, 'nope') },
      401,
      'invalid_client',
    ],
    [
      'a wrong client id',
      `grant_type=client_credentials&client_id=x&client_secret=${CLIENT_SECRET}`,
      {},
      401,
      'invalid_client',
    ],
    [
      'two authentication methods',
      `grant_type=client_credentials&client_id=${CLIENT_ID}&client_secret=${CLIENT_SECRET}`,
      { authorization: basic(CLIENT_ID, CLIENT_SECRET) },
      400,
      'invalid_request',
    ],
  ] as const)('refuses %s with the RFC 6749 error', async (_name, body, options, status, error) => {
    rig = await pushRig({ auth: oauth });
    const response = await requestToken(body, options);
    expect(response.status).toBe(status);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const answer = (await response.json()) as { error: string; error_description: string };
    expect(answer.error).toBe(error);
    expect(answer.error_description.length).toBeGreaterThan(10);
    expect(JSON.stringify(answer)).not.toContain(CLIENT_SECRET);
    if (error === 'invalid_client') {
      expect(response.headers.get('www-authenticate')).toMatch(/^Basic realm="tccc-push"/);
    }
  });

  it('says OAuth is not configured when only Basic is', async () => {
    rig = await pushRig();
    const response = await byBasic();
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      error: 'unauthorized_client',
      error_description: expect.stringMatching(/TCCC_PUSH_OAUTH_CLIENT_ID/),
    });
  });
});

describe('pushing with a bearer token', () => {
  async function token(): Promise<string> {
    return ((await (await byBasic()).json()) as { access_token: string }).access_token;
  }

  it('accepts a push with a token from the endpoint', async () => {
    rig = await pushRig({ auth: oauth });
    const cdr = cdrFixture();
    const response = await push(rig.app, cdr, { authorization: `Bearer ${await token()}` });
    expect((await answerOf(response)).ErrCode).toBe(0);
    expect(await rig.store.getCall(cdr.SessionId)).toBeDefined();
  });

  it('refuses an expired token with 401 invalid_token, and a fresh one then works', async () => {
    rig = await pushRig({ auth: oauth });
    const old = await token();
    rig.clock.advance(601_000);
    const refused = await push(rig.app, cdrFixture(), { authorization: `Bearer ${old}` });
    expect(refused.status).toBe(401);
    expect(refused.headers.get('www-authenticate')).toBe(
      'Bearer realm="tccc-push", error="invalid_token"',
    );
    expect((await answerOf(refused)).ErrMsg).toMatch(/expired; fetch a new one/);
    const fresh = await push(rig.app, cdrFixture(), { authorization: `Bearer ${await token()}` });
    expect((await answerOf(fresh)).ErrCode).toBe(0);
  });

  it('refuses a token altered by one character, and Basic when only OAuth is set up', async () => {
    rig = await pushRig({ auth: oauth });
    const good = await token();
    const altered = `${good.slice(0, 5)}${good[5] === 'A' ? 'B' : 'A'}${good.slice(6)}`;
    expect((await push(rig.app, cdrFixture(), { authorization: `Bearer ${altered}` })).status).toBe(
      401,
    );
    const withBasic = await push(rig.app, cdrFixture(), {
      authorization: basic(CLIENT_ID, CLIENT_SECRET),
    });
    expect(withBasic.status).toBe(401);
    expect((await answerOf(withBasic)).ErrMsg).toMatch(/use Bearer/);
  });

  it('accepts either Basic or Bearer while both are configured (switching without loss)', async () => {
    rig = await pushRig({ auth: { ...oauth, basic: { user: 'u', password: 'p-p-p-p-p-p-p-p' } } });
    expect(
      (
        await answerOf(
          await push(rig.app, cdrFixture(), { authorization: basic('u', 'p-p-p-p-p-p-p-p') }),
        )
      ).ErrCode,
    ).toBe(0);
    expect(
      (
        await answerOf(
          await push(rig.app, cdrFixture(), { authorization: `Bearer ${await token()}` }),
        )
      ).ErrCode,
    ).toBe(0);
    const none = await push(rig.app, cdrFixture(), { authorization: null });
    expect(none.headers.get('www-authenticate')).toBe(
      'Basic realm="tccc-push", charset="UTF-8", Bearer realm="tccc-push"',
    );
  });
});
