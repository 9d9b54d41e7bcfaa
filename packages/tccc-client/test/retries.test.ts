/**
 * Which failures are retried, how often, and what the caller sees: against the mock TCCC
 * through msw with the real SDK. Requests are counted at the network layer.
 */
import { describe, expect, it } from 'vitest';
import { TcccApiError } from '../src/errors.js';
import { createTcccClient } from '../src/tccc-client.js';
import { mockConfig, recordingLogger, SEAT } from './support/fixtures.js';
import { useMswMock } from './support/msw-mock.js';

const { mock, sent } = useMswMock({ limits: { requestsPerSecond: 1000 } });

// No waiting between retries: the delays themselves are covered by backoff.test.ts.
const noJitter = { retryBaseDelayMs: 0, retryMaxDelayMs: 0 };

async function failure(promise: Promise<unknown>) {
  const error = await promise.catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(TcccApiError);
  return error as TcccApiError;
}

describe('retries', () => {
  it('retries InternalError and succeeds on the third request', async () => {
    mock.addFault({
      target: 'CreateSDKLoginToken',
      kind: 'error',
      code: 'InternalError',
      times: 2,
    });
    const logger = recordingLogger();
    const client = createTcccClient(mockConfig({ ...noJitter, logger }));
    const result = await client.createSdkUrl({ seatUserId: SEAT });
    expect(result.token).toBe(mock.tokens()[0]?.token);
    expect(sent()).toBe(3);
    expect(logger.events('tccc.sdk_url.retry').map((entry) => entry.fields.code)).toEqual([
      'InternalError',
      'InternalError',
    ]);
    expect(logger.events('tccc.sdk_url.issued')[0]?.fields.attempts).toBe(3);
  });

  it('gives up after `retries` retries with the last error and the attempt count', async () => {
    mock.addFault({
      target: 'CreateSDKLoginToken',
      kind: 'error',
      code: 'InternalError.DBError',
      times: 10,
    });
    const client = createTcccClient(mockConfig({ ...noJitter, retries: 2 }));
    const error = await failure(client.createSdkUrl({ seatUserId: SEAT }));
    expect(error).toMatchObject({ code: 'InternalError.DBError', retryable: true, attempts: 3 });
    expect(error.requestId).toBeTruthy();
    expect(sent()).toBe(3);
  });

  it.each([
    ['AuthFailure.SignatureFailure'],
    ['InvalidParameterValue.AccountNotExist'],
    ['InvalidParameter'],
  ])('never retries %s', async (code) => {
    mock.addFault({ target: 'CreateSDKLoginToken', kind: 'error', code, times: 5 });
    const client = createTcccClient(mockConfig({ ...noJitter, retries: 3 }));
    const error = await failure(client.createSdkUrl({ seatUserId: SEAT }));
    expect(error).toMatchObject({ code, retryable: false, attempts: 1 });
    expect(sent()).toBe(1);
  });

  it('retries a dropped connection (NetworkError)', async () => {
    mock.addFault({ target: 'CreateSDKLoginToken', kind: 'drop', times: 1 });
    const client = createTcccClient(mockConfig(noJitter));
    await expect(client.createSdkUrl({ seatUserId: SEAT })).resolves.toMatchObject({
      requestId: expect.any(String),
    });
    expect(sent()).toBe(2);
  });

  it('reports a connection dropped on every attempt as NetworkError', async () => {
    mock.addFault({ target: 'CreateSDKLoginToken', kind: 'drop' });
    const client = createTcccClient(mockConfig({ ...noJitter, retries: 1 }));
    const error = await failure(client.createSdkUrl({ seatUserId: SEAT }));
    expect(error).toMatchObject({ code: 'NetworkError', retryable: true, attempts: 2 });
    expect(error.message).toMatch(/^Could not reach TCCC/);
  });

  it('retries HTTP 502 but not HTTP 400', async () => {
    mock.addFault({ target: 'CreateSDKLoginToken', kind: 'status', status: 502, times: 1 });
    const client = createTcccClient(mockConfig(noJitter));
    await expect(client.createSdkUrl({ seatUserId: SEAT })).resolves.toBeDefined();
    expect(sent()).toBe(2);

    mock.addFault({ target: 'CreateSDKLoginToken', kind: 'status', status: 400, times: 3 });
    const error = await failure(client.createSdkUrl({ seatUserId: SEAT }));
    expect(error).toMatchObject({
      code: 'HttpError',
      httpStatus: 400,
      retryable: false,
      attempts: 1,
    });
    expect(sent()).toBe(3);
  });

  it('retries a request that timed out', async () => {
    mock.addFault({ target: 'CreateSDKLoginToken', kind: 'hang', times: 1 });
    const client = createTcccClient(mockConfig({ ...noJitter, timeoutMs: 150 }));
    await expect(client.createSdkUrl({ seatUserId: SEAT })).resolves.toBeDefined();
    expect(sent()).toBe(2);
  });

  it("maps the mock's own rate limit to a retryable RequestLimitExceeded", async () => {
    mock.addFault({
      target: 'CreateSDKLoginToken',
      kind: 'error',
      code: 'RequestLimitExceeded',
      times: 1,
    });
    const client = createTcccClient(mockConfig({ retries: 0 }));
    const error = await failure(client.createSdkUrl({ seatUserId: SEAT }));
    expect(error).toMatchObject({ code: 'RequestLimitExceeded', retryable: true, attempts: 1 });
    expect(error.message).toMatch(/shared rate limiter \(option `limiter`\)/);
  });

  it('does not retry when the backoff would pass the queue deadline', async () => {
    mock.addFault({
      target: 'CreateSDKLoginToken',
      kind: 'error',
      code: 'InternalError',
      times: 5,
    });
    const client = createTcccClient(
      mockConfig({
        retries: 5,
        retryBaseDelayMs: 60_000,
        retryMaxDelayMs: 60_000,
        random: () => 1,
        queueTimeoutMs: 1_000,
      }),
    );
    const error = await failure(client.createSdkUrl({ seatUserId: SEAT }));
    expect(error).toMatchObject({ code: 'InternalError', attempts: 1 });
    expect(sent()).toBe(1);
  });
});
