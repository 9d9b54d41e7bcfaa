/**
 * A whole session through the server (sign in, SDK URL, failure, sign out) with every log
 * line captured: none may contain the SecretKey, the SecretId, the password, the SDK URL,
 * its token or the session cookie.
 */
import { DEFAULT_SECRET_ID, DEFAULT_SECRET_KEY } from '@tccc-kit/mock-tccc';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  browserHeaders,
  buildApp,
  ORIGIN,
  PASSWORD,
  SESSION_SECRET,
  signIn,
  startMock,
  tokenClientFor,
} from './harness.js';

let mock: Awaited<ReturnType<typeof startMock>>;
beforeAll(async () => {
  mock = await startMock();
});
afterAll(() => mock.close());

it('logs requests and TCCC events without any secret, URL, token or cookie', async () => {
  const tokenClientLines: string[] = [];
  const { app, logLines } = buildApp({ issuer: tokenClientFor(mock, {}, tokenClientLines) });
  const cookie = await signIn(app);
  const ok = await app.request(`${ORIGIN}/api/tccc/sdk-url`, {
    method: 'POST',
    headers: browserHeaders(cookie),
  });
  const { sdkUrl } = (await ok.json()) as { sdkUrl: string };
  mock.mock.addFault({
    target: 'CreateSDKLoginToken',
    kind: 'error',
    code: 'AuthFailure.SignatureFailure',
  });
  await app.request(`${ORIGIN}/api/tccc/sdk-url`, {
    method: 'POST',
    headers: browserHeaders(cookie),
  });
  await app.request(`${ORIGIN}/api/session`, { method: 'DELETE', headers: browserHeaders(cookie) });

  const all = [...logLines, ...tokenClientLines];
  expect(logLines.length).toBeGreaterThanOrEqual(4);
  expect(tokenClientLines.some((line) => line.includes('tccc.sdk_url.issued'))).toBe(true);
  const token = new URL(sdkUrl).searchParams.get('token') ?? sdkUrl.split('/').pop() ?? '';
  const cookieValue = cookie.split('=')[1] ?? '';
  for (const secret of [
    DEFAULT_SECRET_KEY,
    DEFAULT_SECRET_ID,
    PASSWORD,
    SESSION_SECRET,
    sdkUrl,
    token,
    cookieValue,
  ]) {
    expect(secret.length).toBeGreaterThan(8);
    for (const line of all) expect(line).not.toContain(secret);
  }
});
