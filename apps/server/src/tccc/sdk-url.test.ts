/**
 * POST /api/tccc/sdk-url end to end on the server side: createApp -> real token client
 * (TC3-signed) -> the real standalone mock TCCC on a loopback port, with its faults.
 */
import type { MockTcccServer } from '@tccc-kit/mock-tccc';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  AGENT,
  browserHeaders,
  buildApp,
  ORIGIN,
  PASSWORD,
  problemOf,
  signIn,
  startMock,
  tokenClientFor,
} from '../../test/harness.js';
import { createDemoAuthenticator } from '../auth/authenticator.js';

let mock: MockTcccServer;
beforeAll(async () => {
  mock = await startMock();
});
afterAll(() => mock.close());
beforeEach(() => mock.mock.reset());

const url = `${ORIGIN}/api/tccc/sdk-url`;

async function signedInApp(
  options: Parameters<typeof tokenClientFor>[1] = {},
  deps: Parameters<typeof buildApp>[0] = {},
) {
  const built = buildApp({ issuer: tokenClientFor(mock, options), ...deps });
  return { ...built, cookie: await signIn(built.app) };
}

const post = (cookie?: string, init: RequestInit = {}) => ({
  method: 'POST',
  ...init,
  headers: { ...browserHeaders(cookie), ...(init.headers as Record<string, string> | undefined) },
});

describe('POST /api/tccc/sdk-url', () => {
  it('returns a fresh one-time SDK URL for the signed-in seat, not cacheable', async () => {
    const { app, cookie } = await signedInApp();
    const response = await app.request(url, post(cookie));
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = (await response.json()) as { sdkUrl: string; expiresAt: string };
    expect(Object.keys(body).sort()).toEqual(['expiresAt', 'sdkUrl']);
    expect(body.sdkUrl.startsWith(`${mock.url}/sdk/`)).toBe(true);
    expect(new Date(body.expiresAt).toISOString()).toBe(body.expiresAt);

    const journal = mock.mock.tokens();
    expect(journal).toHaveLength(1);
    expect(journal[0]?.seatUserId).toBe(AGENT);
  });

  it('takes the seat from the session and ignores a seat in the body', async () => {
    const { app, cookie } = await signedInApp();
    const response = await app.request(
      url,
      post(cookie, {
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ seatUserId: 'agent2@example.com' }),
      }),
    );
    expect(response.status).toBe(200);
    expect(mock.mock.tokens().map((token) => token.seatUserId)).toEqual([AGENT]);
  });

  it('answers 401 not_signed_in without a session, and asks TCCC nothing', async () => {
    const { app } = buildApp({ issuer: tokenClientFor(mock) });
    const body = await problemOf(await app.request(url, post()));
    expect([body.status, body.code]).toEqual([401, 'not_signed_in']);
    expect(mock.mock.tokens()).toHaveLength(0);
  });

  it('answers 415 for a body that is not JSON', async () => {
    const { app, cookie } = await signedInApp();
    const response = await app.request(
      url,
      post(cookie, { headers: { 'content-type': 'text/plain' }, body: 'hi' }),
    );
    expect((await problemOf(response)).status).toBe(415);
  });

  it('answers 403 no_seat when resolveSeat finds none', async () => {
    const demo = createDemoAuthenticator({ accounts: [AGENT], password: PASSWORD });
    const { app, cookie } = await signedInApp(
      {},
      { authenticator: { ...demo, resolveSeat: async () => undefined } },
    );
    const body = await problemOf(await app.request(url, post(cookie)));
    expect([body.status, body.code]).toEqual([403, 'no_seat']);
  });

  it('limits each user to 10 SDK URLs a minute: 10 at once, then one every 6 s (429 + Retry-After)', async () => {
    const { app, cookie, clock } = await signedInApp();
    for (let i = 0; i < 10; i++) expect((await app.request(url, post(cookie))).status).toBe(200);
    clock.advance(1_000);
    const limited = await app.request(url, post(cookie));
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('5');
    expect((await problemOf(limited)).code).toBe('rate_limited');

    const other = await signIn(app, 'agent2@example.com');
    expect((await app.request(url, post(other))).status).toBe(200);

    clock.advance(5_000);
    expect((await app.request(url, post(cookie))).status).toBe(200);
    expect((await app.request(url, post(cookie))).status).toBe(429);
    clock.advance(60_000);
    for (let i = 0; i < 10; i++) expect((await app.request(url, post(cookie))).status).toBe(200);
  });
});

describe('TCCC failures become 502/503/504 problems carrying TCCC code and RequestId', () => {
  it.each([
    ['AuthFailure.SignatureFailure', 502, 'tccc_config_error'],
    ['AuthFailure.SecretIdNotFound', 502, 'tccc_config_error'],
    ['InvalidParameterValue.InstanceNotExist', 502, 'tccc_config_error'],
    ['InvalidParameterValue.AccountNotExist', 502, 'tccc_seat_not_found'],
    ['InternalError', 502, 'tccc_bad_response'],
  ])('%s -> %i %s', async (tcccCode, status, code) => {
    const { app, cookie } = await signedInApp();
    mock.mock.addFault({ target: 'CreateSDKLoginToken', kind: 'error', code: tcccCode });
    const response = await app.request(url, post(cookie));
    const body = await problemOf(response);
    expect([body.status, body.code, body.tcccCode]).toEqual([status, code, tcccCode]);
    expect(body.tcccRequestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.headers.get('retry-after')).toBeNull();
  });

  it('RequestLimitExceeded -> 503 tccc_unavailable with Retry-After', async () => {
    const { app, cookie } = await signedInApp();
    mock.mock.addFault({
      target: 'CreateSDKLoginToken',
      kind: 'error',
      code: 'RequestLimitExceeded',
    });
    const response = await app.request(url, post(cookie));
    const body = await problemOf(response);
    expect([body.status, body.code, body.tcccCode]).toEqual([
      503,
      'tccc_unavailable',
      'RequestLimitExceeded',
    ]);
    expect(response.headers.get('retry-after')).toBe('2');
  });

  it('a real signature failure (wrong SecretKey) -> 502 tccc_config_error, detail free of secrets', async () => {
    const wrongKey = 'wrongwrongwrongwrongwrongwrong00';
    const { app, cookie } = await signedInApp({ secretKey: wrongKey });
    const response = await app.request(url, post(cookie));
    const text = await response.text();
    expect(response.status).toBe(502);
    expect(JSON.parse(text)).toMatchObject({
      code: 'tccc_config_error',
      tcccCode: 'AuthFailure.SignatureFailure',
    });
    expect(text).not.toContain(wrongKey);
    expect(text).toContain('TCCC_SECRET_KEY');
  });

  it('a dropped connection -> 502 tccc_unreachable', async () => {
    const { app, cookie } = await signedInApp();
    mock.mock.addFault({ target: 'CreateSDKLoginToken', kind: 'drop' });
    const body = await problemOf(await app.request(url, post(cookie)));
    expect([body.status, body.code, body.tcccCode]).toEqual([
      502,
      'tccc_unreachable',
      'NetworkError',
    ]);
  });

  it('HTTP 503 from a proxy -> 503 tccc_unavailable', async () => {
    const { app, cookie } = await signedInApp();
    mock.mock.addFault({ target: 'CreateSDKLoginToken', kind: 'status', status: 503 });
    const response = await app.request(url, post(cookie));
    expect([(await problemOf(response)).code, response.headers.get('retry-after')]).toEqual([
      'tccc_unavailable',
      '2',
    ]);
  });

  it('a hanging TCCC -> 504 tccc_timeout after the client timeout, not later', async () => {
    const { app, cookie } = await signedInApp({ timeoutMs: 300 });
    mock.mock.addFault({ target: 'CreateSDKLoginToken', kind: 'hang' });
    const started = performance.now();
    const body = await problemOf(await app.request(url, post(cookie)));
    const elapsed = performance.now() - started;
    expect([body.status, body.code, body.tcccCode]).toEqual([504, 'tccc_timeout', 'Timeout']);
    // Bounded by the 300 ms timeout; the generous ceiling only guards against a hang.
    expect(elapsed).toBeGreaterThanOrEqual(250);
    expect(elapsed).toBeLessThan(5_000);
  });

  it('logs the failure for the operator with the request id, and no secrets', async () => {
    const { app, cookie, logLines } = await signedInApp({
      secretKey: 'wrongwrongwrongwrongwrongwrong00',
    });
    const response = await app.request(url, post(cookie));
    const requestId = response.headers.get('x-request-id');
    const failure = logLines.map((line) => JSON.parse(line)).find((line) => line.level === 'error');
    expect(failure).toMatchObject({
      requestId,
      code: 'tccc_config_error',
      err: { code: 'AuthFailure.SignatureFailure' },
    });
    expect(failure.err.message).toContain('secretKey is the key paired with this secretId');
    expect(logLines.join('\n')).not.toContain('wrongwrongwrongwrongwrongwrong00');
  });
});
