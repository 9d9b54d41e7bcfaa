/**
 * Against real loopback servers, no msw: the standalone mock TCCC on port 0 (the SDK signs
 * for 127.0.0.1 as it would for any host), and a bare server that never answers.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type MockTcccServer, startMockTcccServer } from '@tccc-kit/mock-tccc';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { TcccClientConfig } from '../src/config.js';
import { TcccApiError } from '../src/errors.js';
import { createTcccClient } from '../src/tccc-client.js';
import { expectNoSecrets, mockConfig, SEAT, SEAT_2, until } from './support/fixtures.js';
import { createManualClock } from './support/manual-clock.js';

let server: MockTcccServer;
beforeAll(async () => {
  server = await startMockTcccServer({ port: 0, host: '127.0.0.1' });
});
afterEach(() => server.mock.reset());
afterAll(() => server.close());

const config = (overrides: Partial<TcccClientConfig> = {}) =>
  mockConfig({ endpoint: server.url, retryBaseDelayMs: 0, retryMaxDelayMs: 0, ...overrides });

async function failure(promise: Promise<unknown>) {
  const error = await promise.catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(TcccApiError);
  return error as TcccApiError;
}

/** Uses left on the only fault rule, to count the requests that reached the mock. */
const remaining = () => server.mock.faults()[0]?.remaining;

describe('against the standalone mock TCCC', () => {
  it('issues SDK URLs for two seats from one reused client', async () => {
    const client = createTcccClient(config());
    const first = await client.createSdkUrl({ seatUserId: SEAT });
    const second = await client.createSdkUrl({ seatUserId: SEAT_2, onlyOnce: true });
    expect(first.sdkUrl.startsWith(`${server.url}/`)).toBe(true);
    expect(first.token).not.toBe(second.token);
    expect(
      server.mock
        .tokens()
        .map(({ seatUserId, onlyOnce, token }) => ({ seatUserId, onlyOnce, token })),
    ).toEqual([
      { seatUserId: SEAT, onlyOnce: false, token: first.token },
      { seatUserId: SEAT_2, onlyOnce: true, token: second.token },
    ]);
    const record = server.mock.tokens()[0];
    expect(first.expiresAt.toISOString()).toBe(record?.expiresAt);
    expect(first.requestId).toBe(record?.requestId);
  });

  it.each([
    [
      'a wrong SecretKey',
      { secretKey: 'wrongsecretkey000000000000000000' },
      SEAT,
      'AuthFailure.SignatureFailure',
    ],
    [
      'an unknown SecretId',
      { secretId: 'AKIDunknown00000000000000000000000000' },
      SEAT,
      'AuthFailure.SecretIdNotFound',
    ],
    ['an unknown seat', {}, 'nobody@example.com', 'InvalidParameterValue.AccountNotExist'],
    [
      'an unknown SdkAppId',
      { sdkAppId: 1400000999 },
      SEAT,
      'InvalidParameterValue.InstanceNotExist',
    ],
  ])('maps %s to %s without retrying', async (_, overrides, seatUserId, code) => {
    const client = createTcccClient(config(overrides));
    const error = await failure(client.createSdkUrl({ seatUserId }));
    expect(error).toMatchObject({ code, retryable: false, attempts: 1 });
    expect(error.requestId).toBeTruthy();
    expect(error.traceId).toBeTruthy();
    expectNoSecrets([error], [config().secretKey, config().secretId, config(overrides).secretKey]);
  });

  it("maps the mock's rate limit to RequestLimitExceeded when another process spends it", async () => {
    const strict = await startMockTcccServer({ port: 0, limits: { requestsPerSecond: 1 } });
    try {
      const options = config({ endpoint: strict.url, retries: 0 });
      await createTcccClient(options).createSdkUrl({ seatUserId: SEAT });
      // A second client stands for a second process: its limiter knows nothing of the first.
      const error = await failure(createTcccClient(options).createSdkUrl({ seatUserId: SEAT }));
      expect(error).toMatchObject({ code: 'RequestLimitExceeded', retryable: true, attempts: 1 });
    } finally {
      await strict.close();
    }
  });

  it('retries InternalError faults and counts three requests', async () => {
    server.mock.addFault({
      target: 'CreateSDKLoginToken',
      kind: 'error',
      code: 'InternalError',
      times: 5,
    });
    const client = createTcccClient(config({ retries: 2 }));
    const error = await failure(client.createSdkUrl({ seatUserId: SEAT }));
    expect(error).toMatchObject({ code: 'InternalError', attempts: 3 });
    expect(remaining()).toBe(2);
  });

  it('turns a dropped connection into NetworkError (socket hang up) and recovers on retry', async () => {
    server.mock.addFault({ target: 'CreateSDKLoginToken', kind: 'drop', times: 2 });
    const once = createTcccClient(config({ retries: 0 }));
    const error = await failure(once.createSdkUrl({ seatUserId: SEAT }));
    expect(error).toMatchObject({ code: 'NetworkError', retryable: true });
    expect(error.message).toMatch(/socket hang up|ECONNRESET/);
    const retrying = createTcccClient(config({ retries: 1 }));
    await expect(retrying.createSdkUrl({ seatUserId: SEAT })).resolves.toBeDefined();
    expect(server.mock.faults()).toEqual([]);
  });

  it('times out on a hung request', async () => {
    server.mock.addFault({ target: 'CreateSDKLoginToken', kind: 'hang', times: 1 });
    const client = createTcccClient(config({ retries: 0, timeoutMs: 100 }));
    expect(await failure(client.createSdkUrl({ seatUserId: SEAT }))).toMatchObject({
      code: 'Timeout',
    });
  });
});

describe('against a server that never answers', () => {
  it('closes the connection of a timed-out request', async () => {
    const arrived: IncomingMessage[] = [];
    let closed = 0;
    const silent = createServer((request) => {
      arrived.push(request);
      request.socket.on('close', () => {
        closed += 1;
      });
    });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = silent.address() as AddressInfo;
      // Our timeout runs on a manual clock; the SDK's own backstop timer (real time, 31 s)
      // is far beyond the wait below, so only our abort can close the socket in time.
      const clock = createManualClock(Date.now());
      const client = createTcccClient(
        mockConfig({ endpoint: `http://127.0.0.1:${port}`, timeoutMs: 30_000, retries: 0, clock }),
      );
      const call = client.createSdkUrl({ seatUserId: SEAT });
      await until(() => arrived.length === 1, 'the request reaches the server');
      expect(closed).toBe(0);
      clock.advance(30_000);
      const error = await failure(call);
      expect(error.code).toBe('Timeout');
      expect(arrived[0]?.headers['x-tc-action']).toBe('CreateSDKLoginToken');
      expect(arrived[0]?.headers['x-tc-traceid']).toBe(error.traceId);
      await until(() => closed === 1, 'the server sees the socket close');
    } finally {
      silent.closeAllConnections();
      silent.close();
    }
  });
});
