/**
 * The real tencentcloud-sdk-nodejs client with its default endpoint (https://ccc.tencentcloudapi.com),
 * intercepted in-process by msw and answered by the mock: the SDK signs service "ccc".
 */
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SDK_APP_ID } from '../src/config/index.js';
import { createMockTccc } from '../src/mock.js';
import { createTcccHandlers, isTcccHost } from '../src/serve/msw.js';
import { cccClient, rejection } from './sdk-client.js';
import { until } from './until.js';

const mock = createMockTccc();
const server = setupServer(...createTcccHandlers(mock));
const seat = { SdkAppId: DEFAULT_SDK_APP_ID, SeatUserId: 'agent@example.com' };

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => {
  server.close();
  mock.close();
});
beforeEach(() => mock.reset());

describe('msw mode', () => {
  it('answers CreateSDKLoginToken on the real host, with an SdkURL on that origin', async () => {
    const res = await cccClient().CreateSDKLoginToken(seat);
    expect(res.SdkURL).toBe(`https://ccc.tencentcloudapi.com/sdk/tccc.js?token=${res.Token}`);
    expect(mock.tokens()).toHaveLength(1);
  });

  it('answers the intl host and region hosts too', async () => {
    await cccClient({ endpoint: 'ccc.intl.tencentcloudapi.com' }).CreateSDKLoginToken(seat);
    await cccClient({ endpoint: 'ccc.ap-singapore.tencentcloudapi.com' }).CreateSDKLoginToken(seat);
    expect(mock.tokens()).toHaveLength(2);
  });

  it('answers the GET form', async () => {
    const res = await cccClient({ reqMethod: 'GET' }).CreateSDKLoginToken(seat);
    expect(res.Token).toMatch(/^[0-9a-f]{32}$/);
  });

  it('answers signature, account and parameter errors with TCCC codes', async () => {
    expect(
      (await rejection(cccClient({ secretKey: 'wrong' }).CreateSDKLoginToken(seat))).code,
    ).toBe('AuthFailure.SignatureFailure');
    expect(
      (await rejection(cccClient({ secretId: 'AKIDother' }).CreateSDKLoginToken(seat))).code,
    ).toBe('AuthFailure.SecretIdNotFound');
    expect(
      (await rejection(cccClient().CreateSDKLoginToken({ ...seat, SeatUserId: 'x@example.com' })))
        .code,
    ).toBe('InvalidParameterValue.AccountNotExist');
    expect((await rejection(cccClient().CreateSDKLoginToken({ ...seat, SdkAppId: 7 }))).code).toBe(
      'InvalidParameterValue.InstanceNotExist',
    );
  });

  it('answers SignatureExpire when the mock clock runs 5 minutes ahead', async () => {
    mock.advanceTime(301_000);
    expect((await rejection(cccClient().CreateSDKLoginToken(seat))).code).toBe(
      'AuthFailure.SignatureExpire',
    );
  });

  it('turns a drop fault into a network error', async () => {
    mock.addFault({ target: 'CreateSDKLoginToken', kind: 'drop', times: 1 });
    const error = await rejection(cccClient().CreateSDKLoginToken(seat));
    expect(error.code).toBeUndefined();
    expect(error.message).toMatch(/request to https:\/\/ccc\.tencentcloudapi\.com\/ failed/);
    await expect(cccClient().CreateSDKLoginToken(seat)).resolves.toHaveProperty('Token');
  });

  it('releases a hung request as a network error on reset', async () => {
    mock.addFault({ target: '*', kind: 'hang', times: 1 });
    const pending = rejection(cccClient().CreateSDKLoginToken(seat));
    // The one-shot rule retires as the request takes it: from then on it is held.
    await until(() => mock.faults().length === 0, 'the request is held');
    mock.reset();
    const error = await pending;
    expect(error.code).toBeUndefined();
    expect(error.message).toContain('failed');
  });
});

describe('isTcccHost', () => {
  it.each([
    ['ccc.tencentcloudapi.com', true],
    ['ccc.intl.tencentcloudapi.com', true],
    ['ccc.ap-guangzhou.tencentcloudapi.com', true],
    ['ccc.na-siliconvalley.tencentcloudapi.com', true],
    ['cvm.tencentcloudapi.com', false],
    ['ccc.tencentcloudapi.com.evil.example', false],
    ['example.com', false],
  ])('%s -> %s', (host, expected) => {
    expect(isTcccHost(host)).toBe(expected);
  });
});
