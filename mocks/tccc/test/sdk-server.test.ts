/**
 * The real tencentcloud-sdk-nodejs client against the standalone mock server on loopback
 * (endpoint 127.0.0.1:PORT, so the SDK signs service "127").
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SDK_APP_ID } from '../src/config/index.js';
import { type MockTcccServer, startMockTcccServer } from '../src/serve/server.js';
import { cccClient, rejection } from './sdk-client.js';

let server: MockTcccServer;
let endpoint: string;
const seat = { SdkAppId: DEFAULT_SDK_APP_ID, SeatUserId: 'agent@example.com' };

beforeAll(async () => {
  server = await startMockTcccServer();
  endpoint = new URL(server.url).host;
});
afterAll(() => server.close());
beforeEach(() => server.mock.reset());
afterEach(() => {
  vi.useRealTimers();
});

/** Freeze Date (only Date: sockets keep real timers) so the SDK and the mock agree on "now". */
function freezeDate(iso: string) {
  vi.useFakeTimers({ toFake: ['Date'], now: Date.parse(iso) });
}

const client = (options: Parameters<typeof cccClient>[0] = {}) =>
  cccClient({ endpoint, protocol: 'http://', ...options });

describe('CreateSDKLoginToken through the real SDK (standalone server)', () => {
  it('issues a token, an SdkURL on the request origin and ExpiredTime = now + 600 s', async () => {
    freezeDate('2030-01-01T00:00:00Z');
    const res = await client().CreateSDKLoginToken(seat);
    expect(res.Token).toMatch(/^[0-9a-f]{32}$/);
    expect(res.ExpiredTime).toBe(Date.parse('2030-01-01T00:10:00Z') / 1000);
    expect(res.SdkURL).toBe(`${server.url}/sdk/tccc.js?token=${res.Token}`);
    expect(res.RequestId).toMatch(/^[0-9a-f-]{36}$/);
    const [record] = server.mock.tokens();
    expect(record).toMatchObject({
      token: res.Token,
      sdkAppId: DEFAULT_SDK_APP_ID,
      seatUserId: 'agent@example.com',
      onlyOnce: false,
      usedAt: null,
      requestId: res.RequestId,
      expiresAt: '2030-01-01T00:10:00.000Z',
    });
  });

  it('records OnlyOnce in the journal', async () => {
    await client().CreateSDKLoginToken({ ...seat, OnlyOnce: true });
    expect(server.mock.tokens()[0]?.onlyOnce).toBe(true);
  });

  it('accepts the GET form (params in the query string)', async () => {
    const res = await client({ reqMethod: 'GET' }).CreateSDKLoginToken({ ...seat, OnlyOnce: true });
    expect(res.Token).toMatch(/^[0-9a-f]{32}$/);
    expect(server.mock.tokens()[0]).toMatchObject({ sdkAppId: DEFAULT_SDK_APP_ID, onlyOnce: true });
  });

  it('echoes X-TC-TraceId so SDK errors carry the trace id', async () => {
    const error = await rejection(client().CreateSDKLoginToken({ ...seat, SdkAppId: 1 }));
    expect(error.code).toBe('InvalidParameterValue.InstanceNotExist');
    expect(error.traceId).toMatch(/^[0-9a-f-]{36}$/);
    expect(error.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('cloud API errors through the real SDK (standalone server)', () => {
  it('answers AuthFailure.SignatureFailure for a wrong SecretKey', async () => {
    const error = await rejection(client({ secretKey: 'not-the-key' }).CreateSDKLoginToken(seat));
    expect(error.code).toBe('AuthFailure.SignatureFailure');
    expect(error.message).toContain('The provided credentials could not be validated');
    expect(error.message).not.toContain('not-the-key');
  });

  it('answers AuthFailure.SecretIdNotFound for an unknown SecretId', async () => {
    const error = await rejection(client({ secretId: 'AKIDunknown' }).CreateSDKLoginToken(seat));
    expect(error.code).toBe('AuthFailure.SecretIdNotFound');
  });

  it('answers AuthFailure.SignatureExpire when the mock clock is more than 300 s ahead', async () => {
    server.mock.advanceTime(301_000);
    const error = await rejection(client().CreateSDKLoginToken(seat));
    expect(error.code).toBe('AuthFailure.SignatureExpire');
    server.mock.setTime(Date.now() - 290_000);
    await expect(client().CreateSDKLoginToken(seat)).resolves.toHaveProperty('Token');
  });

  it('answers AuthFailure.InvalidAuthorization for signature v1, saying only TC3 is supported', async () => {
    const error = await rejection(client({ signMethod: 'HmacSHA256' }).CreateSDKLoginToken(seat));
    expect(error.code).toBe('AuthFailure.InvalidAuthorization');
    expect(error.message).toContain('TC3-HMAC-SHA256');
  });

  it('answers InvalidParameterValue.InstanceNotExist for an unknown SdkAppId', async () => {
    const error = await rejection(client().CreateSDKLoginToken({ ...seat, SdkAppId: 1400000001 }));
    expect(error.code).toBe('InvalidParameterValue.InstanceNotExist');
  });

  it('answers InvalidParameterValue.AccountNotExist for an unknown seat', async () => {
    const error = await rejection(
      client().CreateSDKLoginToken({ ...seat, SeatUserId: 'nobody@example.com' }),
    );
    expect(error.code).toBe('InvalidParameterValue.AccountNotExist');
  });

  it('answers MissingParameter naming the missing field', async () => {
    const error = await rejection(
      client().CreateSDKLoginToken({ SdkAppId: DEFAULT_SDK_APP_ID } as never),
    );
    expect(error.code).toBe('MissingParameter');
    expect(error.message).toContain('`SeatUserId`');
  });

  it('answers InvalidParameter for wrong types', async () => {
    const error = await rejection(
      client().CreateSDKLoginToken({ ...seat, SdkAppId: '1400000000' } as never),
    );
    expect(error.code).toBe('InvalidParameter');
    expect(error.message).toContain('`SdkAppId`');
    const onlyOnce = await rejection(
      client().CreateSDKLoginToken({ ...seat, OnlyOnce: 'yes' } as never),
    );
    expect(onlyOnce.code).toBe('InvalidParameter');
  });

  it('answers InvalidAction for an action TCCC does not have', async () => {
    const error = await rejection(client().request('DescribeNothing', {}));
    expect(error.code).toBe('InvalidAction');
  });

  it('answers NoSuchVersion when X-TC-Version is not 2020-02-10', async () => {
    const c = client();
    (c as unknown as { apiVersion: string }).apiVersion = '2019-01-01';
    const error = await rejection(c.CreateSDKLoginToken(seat));
    expect(error.code).toBe('NoSuchVersion');
  });

  it('answers RequestLimitExceeded past 20 requests per second, and recovers as the clock moves', async () => {
    freezeDate('2030-01-01T00:00:00Z');
    const c = client();
    for (let i = 0; i < 20; i++) await c.CreateSDKLoginToken(seat);
    const error = await rejection(c.CreateSDKLoginToken(seat));
    expect(error.code).toBe('RequestLimitExceeded');
    expect(error.message).toContain('`20`');
    server.mock.advanceTime(1_000);
    await expect(c.CreateSDKLoginToken(seat)).resolves.toHaveProperty('Token');
  });
});
