/**
 * Answers TCCC should never give (caught before a browser sees them), bad arguments, and
 * the promise that no secret, token or SDK URL leaks into errors or logs.
 */
import { inspect } from 'node:util';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { TcccApiError } from '../src/errors.js';
import { createTcccClient } from '../src/tccc-client.js';
import { expectNoSecrets, mockConfig, recordingLogger, SEAT } from './support/fixtures.js';
import { useMswMock } from './support/msw-mock.js';

const { mock, network, sent } = useMswMock();
const API = 'https://ccc.tencentcloudapi.com/';

async function failure(promise: Promise<unknown>) {
  const error = await promise.catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(TcccApiError);
  return error as TcccApiError;
}

describe('unusable answers', () => {
  it.each([
    ['an HTML page with status 200', () => HttpResponse.text('<html>captive portal</html>')],
    ['JSON without Response', () => HttpResponse.json({ ok: true })],
    [
      'a Response without SdkURL',
      () => HttpResponse.json({ Response: { Token: 'abc', ExpiredTime: 1, RequestId: 'r' } }),
    ],
    [
      'an SdkURL that is not a URL',
      () =>
        HttpResponse.json({
          Response: { SdkURL: 'nope', Token: 'abc', ExpiredTime: 1, RequestId: 'r' },
        }),
    ],
    [
      'an SdkURL that is not http(s)',
      () =>
        HttpResponse.json({
          Response: { SdkURL: 'javascript:alert(1)', Token: 'abc', ExpiredTime: 1, RequestId: 'r' },
        }),
    ],
  ])('fails with InvalidResponse on %s, without retrying', async (_, answer) => {
    network.use(http.post(API, answer));
    const client = createTcccClient(mockConfig());
    const error = await failure(client.createSdkUrl({ seatUserId: SEAT }));
    expect(error).toMatchObject({ code: 'InvalidResponse', retryable: false, attempts: 1 });
    expect(sent()).toBe(1);
  });
});

describe('arguments', () => {
  it.each([
    [{ seatUserId: '' }, /seatUserId is required/],
    [{ seatUserId: ' agent@example.com' }, /whitespace/],
    [{ seatUserId: 'agent\n@example.com' }, /control characters/],
    [{ seatUserId: 'a'.repeat(129) }, /longer than 128/],
    [{ seatUserId: SEAT, onlyOnce: 'yes' }, /onlyOnce must be a boolean/],
    [undefined, /pass an object/],
  ])('rejects %j with InvalidArgument before sending anything', async (request, problem) => {
    const client = createTcccClient(mockConfig());
    const error = await failure(client.createSdkUrl(request as never));
    expect(error).toMatchObject({ code: 'InvalidArgument', retryable: false, attempts: 0 });
    expect(error.message).toMatch(problem);
    expect(sent()).toBe(0);
  });
});

describe('redaction', () => {
  it('keeps the SecretId, SecretKey, tokens and SDK URLs out of every error and log entry', async () => {
    const logger = recordingLogger();
    const base = mockConfig({ logger, retryBaseDelayMs: 0, retryMaxDelayMs: 0, timeoutMs: 100 });
    const client = createTcccClient(base);
    const wrongKey = createTcccClient({ ...base, secretKey: 'wrongsecretkey000000000000000000' });
    const errors: unknown[] = [];
    const collect = (promise: Promise<unknown>) =>
      promise.catch((error: unknown) => errors.push(error));

    await client.createSdkUrl({ seatUserId: SEAT });
    await client.createSdkUrl({ seatUserId: SEAT, onlyOnce: true });
    await collect(wrongKey.createSdkUrl({ seatUserId: SEAT }));
    await collect(client.createSdkUrl({ seatUserId: 'nobody@example.com' }));
    mock.addFault({
      target: 'CreateSDKLoginToken',
      kind: 'error',
      code: 'InternalError',
      times: 3,
    });
    await collect(client.createSdkUrl({ seatUserId: SEAT }));
    mock.addFault({ target: 'CreateSDKLoginToken', kind: 'drop', times: 3 });
    await collect(client.createSdkUrl({ seatUserId: SEAT }));
    mock.addFault({ target: 'CreateSDKLoginToken', kind: 'hang', times: 3 });
    await collect(client.createSdkUrl({ seatUserId: SEAT }));
    await collect(client.createSdkUrl({ seatUserId: SEAT, signal: AbortSignal.abort() }));

    expect(errors.map((error) => (error as TcccApiError).code)).toEqual([
      'AuthFailure.SignatureFailure',
      'InvalidParameterValue.AccountNotExist',
      'InternalError',
      'NetworkError',
      'Timeout',
      'Aborted',
    ]);
    const issued = mock.tokens();
    expect(issued).toHaveLength(2);
    expect(logger.events('tccc.sdk_url.issued')).toHaveLength(2);
    expect(logger.entries.length).toBeGreaterThan(10);
    const secrets = [
      base.secretKey,
      base.secretId,
      'wrongsecretkey000000000000000000',
      ...issued.flatMap((record) => [record.token, `token=${record.token}`]),
    ];
    expectNoSecrets(
      [...errors, ...errors.map((error) => (error as TcccApiError).toJSON())],
      secrets,
    );
    expectNoSecrets(logger.entries, secrets);
    expectNoSecrets([client, wrongKey], secrets);
    expect(Object.keys(client)).toEqual([
      'createSdkUrl',
      'describeTelCdr',
      'listSkillGroups',
      'listStaff',
    ]);
    expect(inspect(client, { breakLength: Number.POSITIVE_INFINITY })).toBe(
      '{ createSdkUrl: [AsyncFunction: createSdkUrl], describeTelCdr: [AsyncFunction: describeTelCdr], listSkillGroups: [AsyncFunction: listSkillGroups], listStaff: [AsyncFunction: listStaff] }',
    );
  });

  it('keeps going when the logger throws', async () => {
    const explode = () => {
      throw new Error('logger down');
    };
    const client = createTcccClient(
      mockConfig({ logger: { debug: explode, info: explode, warn: explode, error: explode } }),
    );
    await expect(client.createSdkUrl({ seatUserId: SEAT })).resolves.toMatchObject({
      token: expect.any(String),
    });
  });
});
