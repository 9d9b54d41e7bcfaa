/**
 * describeTelCdr: what it sends, how it pages, what it refuses before sending, and that it
 * runs under the same limiter, retry and error policy as createSdkUrl. The real SDK signs
 * and sends; msw answers DescribeTelCdr in TCCC's envelope (support/tel-cdr-stand-in.ts).
 */
import { DEFAULT_SDK_APP_ID, DEFAULT_SECRET_ID } from '@tccc-kit/mock-tccc';
import { describe, expect, it } from 'vitest';
import { TcccApiError } from '../src/errors.js';
import { type AcquireRequest, type RateLimiter, rateLimitKey } from '../src/rate-limiter.js';
import { createTcccClient } from '../src/tccc-client.js';
import { mockConfig, recordingLogger, SEAT } from './support/fixtures.js';
import { useMswMock } from './support/msw-mock.js';
import { sampleCdr, telCdrStandIn } from './support/tel-cdr-stand-in.js';

const { network, sent } = useMswMock({ limits: { requestsPerSecond: 1000 } });

const T0 = Math.floor(Date.now() / 1000) - 3 * 3600;
const RECORDS = Array.from({ length: 250 }, (_, index) => sampleCdr(index, T0 + index * 10));
const window = { from: new Date((T0 - 60) * 1000), to: new Date((T0 + 3600) * 1000) };
const noJitter = { retryBaseDelayMs: 0, retryMaxDelayMs: 0 };

async function failure(promise: Promise<unknown>) {
  const error = await promise.catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(TcccApiError);
  return error as TcccApiError;
}

function standIn() {
  const api = telCdrStandIn(RECORDS);
  network.use(api.handler);
  return api;
}

describe('describeTelCdr', () => {
  it('sends the window in Unix seconds with a 0-based page and returns TCCC records as typed', async () => {
    const api = standIn();
    const client = createTcccClient(mockConfig());
    const page = await client.describeTelCdr({
      from: new Date(T0 * 1000 - 500),
      to: new Date((T0 + 3600) * 1000 + 1),
      pageSize: 20,
      phones: ['008613000000001'],
      sessionIds: ['s-1'],
    });
    expect(api.requests).toEqual([
      {
        SdkAppId: DEFAULT_SDK_APP_ID,
        StartTimeStamp: T0 - 1,
        EndTimeStamp: T0 + 3601,
        PageSize: 20,
        PageNumber: 0,
        Phones: ['008613000000001'],
        SessionIds: ['s-1'],
      },
    ]);
    expect(page.totalCount).toBe(250);
    expect(page.cdrs).toHaveLength(20);
    expect(page.cdrs[0]).toEqual(RECORDS[0]);
    expect(page).toMatchObject({ pageNumber: 0, pageSize: 20 });
    expect(page.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('pages 250 records as 100, 100 and 50 with PageNumber 0, 1, 2', async () => {
    standIn();
    const client = createTcccClient(mockConfig());
    const pages = [];
    for (let pageNumber = 0; pageNumber < 3; pageNumber++) {
      pages.push(await client.describeTelCdr({ ...window, pageNumber }));
    }
    expect(pages.map((page) => page.cdrs.length)).toEqual([100, 100, 50]);
    const ids = pages.flatMap((page) => page.cdrs.map((cdr) => cdr.SessionId));
    expect(new Set(ids).size).toBe(250);
  });

  it.each([
    ['a window of 90 days', { to: new Date(window.from.getTime() + 90 * 86_400_000) }, /90 days/],
    ['an end before the start', { to: new Date(window.from.getTime() - 1) }, /after from/],
    [
      'a start 181 days back',
      {
        from: new Date(Date.now() - 181 * 86_400_000),
        to: new Date(Date.now() - 180 * 86_400_000),
      },
      /180 days/,
    ],
    ['an invalid Date', { from: new Date(Number.NaN) }, /valid Date/],
    ['page size 101', { pageSize: 101 }, /1 to 100/],
    ['page -1', { pageNumber: -1 }, /0-based/],
    ['a phone that is not a string', { phones: [8613] as unknown as string[] }, /phones/],
  ])('refuses %s without sending anything', async (_name, change, message) => {
    const api = standIn();
    const client = createTcccClient(mockConfig());
    const error = await failure(client.describeTelCdr({ ...window, ...change }));
    expect(error).toMatchObject({ code: 'InvalidArgument', action: 'DescribeTelCdr' });
    expect(error.message).toMatch(message);
    expect(api.requests).toHaveLength(0);
    expect(sent()).toBe(0);
  });

  it.each([
    ['no TotalCount', { TelCdrList: [] }, /TotalCount/],
    ['a TelCdrList that is not a list', { TotalCount: 1, TelCdrList: 'x' }, /not a list/],
    ['a record that is not an object', { TotalCount: 1, TelCdrList: [7] }, /other than records/],
  ])(
    'fails with InvalidResponse, not retried, on an answer with %s',
    async (_name, answer, why) => {
      const api = standIn();
      api.answerNextWith(answer);
      const client = createTcccClient(mockConfig({ retries: 2 }));
      const error = await failure(client.describeTelCdr(window));
      expect(error).toMatchObject({ code: 'InvalidResponse', retryable: false, attempts: 1 });
      expect(error.message).toMatch(why);
    },
  );

  it('retries InternalError under the same policy as SDK URLs, logging tel_cdr events', async () => {
    const api = standIn();
    api.failNext('InternalError', 2);
    const logger = recordingLogger();
    const client = createTcccClient(mockConfig({ ...noJitter, logger }));
    const page = await client.describeTelCdr(window);
    expect(page.cdrs).toHaveLength(100);
    expect(api.requests).toHaveLength(3);
    expect(logger.events('tccc.tel_cdr.retry').map((entry) => entry.fields.code)).toEqual([
      'InternalError',
      'InternalError',
    ]);
    expect(logger.events('tccc.tel_cdr.fetched')[0]?.fields).toMatchObject({
      action: 'DescribeTelCdr',
      attempts: 3,
      records: 100,
      totalCount: 250,
    });
  });

  it('names DescribeTelCdr in errors and hints, and carries no seat', async () => {
    const api = standIn();
    api.failNext('RequestLimitExceeded', 3);
    const client = createTcccClient(mockConfig({ ...noJitter, retries: 2 }));
    const error = await failure(client.describeTelCdr(window));
    expect(error).toMatchObject({
      code: 'RequestLimitExceeded',
      action: 'DescribeTelCdr',
      seatUserId: undefined,
      attempts: 3,
    });
    expect(error.message).toMatch(/^TCCC rejected DescribeTelCdr with RequestLimitExceeded/);
    expect(error.message).toMatch(/20 DescribeTelCdr calls per second/);
  });
});

describe('one limiter, keyed by SecretId and action', () => {
  function recordingLimiter() {
    const keys: AcquireRequest['key'][] = [];
    const limiter: RateLimiter = {
      async acquire(request) {
        keys.push(request.key);
      },
    };
    return { keys, limiter };
  }

  it('counts each action of an account under its own key, without the SecretId in it', async () => {
    standIn();
    const { keys, limiter } = recordingLimiter();
    const client = createTcccClient(mockConfig({ limiter }));
    await client.createSdkUrl({ seatUserId: SEAT });
    await client.describeTelCdr(window);
    await client.describeTelCdr({ ...window, pageNumber: 1 });
    expect(keys).toEqual([
      rateLimitKey(DEFAULT_SECRET_ID, 'CreateSDKLoginToken'),
      rateLimitKey(DEFAULT_SECRET_ID, 'DescribeTelCdr'),
      rateLimitKey(DEFAULT_SECRET_ID, 'DescribeTelCdr'),
    ]);
    expect(new Set(keys).size).toBe(2);
    for (const key of keys) expect(key).not.toContain(DEFAULT_SECRET_ID);
  });

  it('lets a sign-in through while call-record pages have used up their own slots', async () => {
    standIn();
    // One request per 1000 s per key, and no waiting: a second request of a key fails at once.
    const client = createTcccClient(
      mockConfig({ requestsPerSecond: 0.001, queueTimeoutMs: 0, retries: 0 }),
    );
    await client.describeTelCdr(window);
    const second = await failure(client.describeTelCdr({ ...window, pageNumber: 1 }));
    expect(second).toMatchObject({ code: 'QueueTimeout', action: 'DescribeTelCdr', attempts: 0 });
    expect(second.message).toMatch(/Too many DescribeTelCdr requests at once/);
    await expect(client.createSdkUrl({ seatUserId: SEAT })).resolves.toHaveProperty('sdkUrl');
  });
});
