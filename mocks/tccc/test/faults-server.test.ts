/** Each fault kind on the standalone server, seen by the real SDK and by fetch. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SDK_APP_ID } from '../src/config/index.js';
import { type MockTcccServer, startMockTcccServer } from '../src/serve/server.js';
import { cccClient, rejection } from './sdk-client.js';
import { until } from './until.js';

let server: MockTcccServer;
const seat = { SdkAppId: DEFAULT_SDK_APP_ID, SeatUserId: 'agent@example.com' };
const client = () => cccClient({ endpoint: new URL(server.url).host, protocol: 'http://' });

beforeAll(async () => {
  server = await startMockTcccServer();
});
afterAll(() => server.close());
beforeEach(() => server.mock.reset());

describe('fault rules on the cloud API (standalone server)', () => {
  it('error: answers the envelope with the chosen code, then retires after `times`', async () => {
    server.mock.addFault({
      target: 'CreateSDKLoginToken',
      kind: 'error',
      code: 'InternalError.DBError',
      message: 'database down',
      times: 2,
    });
    for (let i = 0; i < 2; i++) {
      const error = await rejection(client().CreateSDKLoginToken(seat));
      expect(error).toMatchObject({ code: 'InternalError.DBError', message: 'database down' });
    }
    await expect(client().CreateSDKLoginToken(seat)).resolves.toHaveProperty('Token');
    expect(server.mock.faults()).toEqual([]);
  });

  it('status: answers that HTTP status, which the SDK reports as httpCode', async () => {
    server.mock.addFault({ target: '*', kind: 'status', status: 503, times: 1 });
    const error = await rejection(client().CreateSDKLoginToken(seat));
    expect(error.httpCode).toBe(503);
    expect(error.message).toBe('Service Unavailable');
  });

  it('drop: destroys the connection without answering', async () => {
    server.mock.addFault({ target: 'CreateSDKLoginToken', kind: 'drop', times: 1 });
    const error = await rejection(client().CreateSDKLoginToken(seat));
    expect(error.code).toBeUndefined();
    expect(error.message).toMatch(/socket hang up|ECONNRESET/);
    await expect(client().CreateSDKLoginToken(seat)).resolves.toHaveProperty('Token');
  });

  it('delay: answers normally after the pause', async () => {
    server.mock.addFault({ target: 'CreateSDKLoginToken', kind: 'delay', ms: 30, times: 1 });
    await expect(client().CreateSDKLoginToken(seat)).resolves.toHaveProperty('Token');
    expect(server.mock.faults()).toEqual([]);
  });

  it('hang: never answers, until the mock resets', async () => {
    server.mock.addFault({ target: 'CreateSDKLoginToken', kind: 'hang', times: 1 });
    const pending = rejection(client().CreateSDKLoginToken(seat));
    await until(() => server.mock.faults().length === 0, 'the request is held');
    server.mock.reset();
    const error = await pending;
    expect(error.code).toBeUndefined();
    expect(error.message).toMatch(/socket hang up|ECONNRESET/);
  });

  it('hang: the client giving up ends the held request', async () => {
    server.mock.addFault({ target: 'CreateSDKLoginToken', kind: 'hang', times: 1 });
    const abort = new AbortController();
    const pending = fetch(server.url, {
      method: 'POST',
      signal: abort.signal,
      headers: { 'x-tc-action': 'CreateSDKLoginToken' },
    });
    await until(() => server.mock.faults().length === 0, 'the request is held');
    abort.abort();
    await expect(pending).rejects.toThrow();
    // The server is still healthy.
    await expect(client().CreateSDKLoginToken(seat)).resolves.toHaveProperty('Token');
  });

  it('does not touch other actions', async () => {
    server.mock.addFault({ target: 'SomethingElse', kind: 'drop' });
    await expect(client().CreateSDKLoginToken(seat)).resolves.toHaveProperty('Token');
  });
});

describe('closing the server', () => {
  it('ends hung requests and stops listening', async () => {
    const own = await startMockTcccServer();
    own.mock.addFault({ target: '*', kind: 'hang', times: 1 });
    const pending = fetch(own.url, { method: 'POST', headers: { 'x-tc-action': 'X' } });
    await until(() => own.mock.faults().length === 0, 'the request is held');
    await own.close();
    await expect(pending).rejects.toThrow();
    await expect(fetch(own.url)).rejects.toThrow();
  });
});
