/**
 * A corpus of bad requests against the standalone server: each gets the TCCC envelope
 * (HTTP 200) with the right code, never a 500 or a hang.
 */
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type MockTcccServer, startMockTcccServer } from '../src/serve/server.js';
import { signedRequest } from './signed-fetch.js';

let server: MockTcccServer;
beforeAll(async () => {
  server = await startMockTcccServer();
});
afterAll(() => server.close());
beforeEach(() => server.mock.reset());

const goodBody = JSON.stringify({ SdkAppId: 1400000000, SeatUserId: 'agent@example.com' });
const headers = (extra: Record<string, string> = {}) => ({
  'x-tc-action': 'CreateSDKLoginToken',
  'x-tc-version': '2020-02-10',
  'x-tc-timestamp': String(Math.floor(Date.now() / 1000)),
  'content-type': 'application/json',
  ...extra,
});

async function envelope(response: Response) {
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('application/json');
  const body = (await response.json()) as {
    Response: { Error?: { Code: string; Message: string }; RequestId: string };
  };
  expect(body.Response.RequestId).toMatch(/^[0-9a-f-]{36}$/);
  return body.Response;
}

describe('bad input to the cloud API', () => {
  it.each<[string, () => RequestInit, string, RegExp?]>([
    ['no headers, no body', () => ({ method: 'POST' }), 'MissingParameter', /`Action`/],
    [
      'no Version',
      () => ({ method: 'POST', headers: { 'x-tc-action': 'CreateSDKLoginToken' } }),
      'MissingParameter',
      /`Version`/,
    ],
    [
      'an unknown action',
      () => ({ method: 'POST', headers: headers({ 'x-tc-action': 'DropTables' }) }),
      'InvalidAction',
    ],
    [
      'a wrong version',
      () => ({ method: 'POST', headers: headers({ 'x-tc-version': '2017-03-12' }) }),
      'NoSuchVersion',
    ],
    [
      'no Timestamp',
      () => ({
        method: 'POST',
        headers: { 'x-tc-action': 'CreateSDKLoginToken', 'x-tc-version': '2020-02-10' },
      }),
      'MissingParameter',
      /`Timestamp`/,
    ],
    [
      'a non-numeric Timestamp',
      () => ({ method: 'POST', headers: headers({ 'x-tc-timestamp': 'soon' }) }),
      'InvalidParameter',
      /`Timestamp`/,
    ],
    [
      'no Authorization',
      () => ({ method: 'POST', headers: headers(), body: goodBody }),
      'AuthFailure.InvalidAuthorization',
      /missing/,
    ],
    [
      'a malformed Authorization',
      () => ({
        method: 'POST',
        headers: headers({ authorization: 'TC3-HMAC-SHA256 whatever' }),
        body: goodBody,
      }),
      'AuthFailure.InvalidAuthorization',
    ],
    [
      'a Basic Authorization',
      () => ({ method: 'POST', headers: headers({ authorization: 'Basic dXNlcjpwYXNz' }) }),
      'AuthFailure.InvalidAuthorization',
      /TC3-HMAC-SHA256/,
    ],
    [
      'signature v1 form params',
      () => ({
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'Action=CreateSDKLoginToken&SignatureMethod=HmacSHA256&Signature=abc',
      }),
      'AuthFailure.InvalidAuthorization',
      /Only signature v3/,
    ],
    [
      'the PUT method',
      () => ({ method: 'PUT', headers: headers(), body: goodBody }),
      'UnsupportedProtocol',
      /`PUT`/,
    ],
    ['the DELETE method', () => ({ method: 'DELETE' }), 'UnsupportedProtocol'],
  ])('answers %s with %s', async (_name, init, code, message) => {
    const res = await envelope(await fetch(server.url, init()));
    expect(res.Error?.Code).toBe(code);
    if (message) expect(res.Error?.Message).toMatch(message);
  });

  it.each<[string, Parameters<typeof signedRequest>[1], string, RegExp?]>([
    ['broken JSON', { body: '{"SdkAppId": 14' }, 'InvalidParameter', /not a valid JSON object/],
    ['a JSON array', { body: '[1,2]' }, 'InvalidParameter'],
    ['an empty body', { body: '' }, 'InvalidParameter'],
    ['invalid UTF-8', { body: new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]) }, 'InvalidParameter'],
    [
      'a text/plain body',
      { body: goodBody, contentType: 'text/plain' },
      'InvalidParameter',
      /Content-Type/,
    ],
    [
      'a null SeatUserId',
      { body: '{"SdkAppId":1400000000,"SeatUserId":null}' },
      'MissingParameter',
      /`SeatUserId`/,
    ],
    [
      'a numeric SeatUserId',
      { body: '{"SdkAppId":1400000000,"SeatUserId":5}' },
      'InvalidParameter',
      /`SeatUserId`/,
    ],
    [
      'a wrongly cased SeatUserID',
      { body: '{"SdkAppId":1400000000,"SeatUserID":"agent@example.com"}' },
      'UnknownParameter',
      /`SeatUserID` is not recognized; CreateSDKLoginToken takes `SdkAppId`, `SeatUserId`, `OnlyOnce`/,
    ],
    [
      'an extra parameter',
      { body: '{"SdkAppId":1400000000,"SeatUserId":"agent@example.com","Region":"ap-guangzhou"}' },
      'UnknownParameter',
      /`Region`/,
    ],
    [
      'a prototype key',
      { body: '{"SdkAppId":1400000000,"SeatUserId":"agent@example.com","__proto__":{"x":1}}' },
      'UnknownParameter',
      /`__proto__`/,
    ],
    [
      'a fractional SdkAppId',
      { body: '{"SdkAppId":1.5,"SeatUserId":"agent@example.com"}' },
      'InvalidParameter',
    ],
    [
      'the wrong service in the scope',
      { body: goodBody, service: 'ccc' },
      'AuthFailure.SignatureFailure',
      /first label of the host name, "127"/,
    ],
    [
      "a scope date that is not the timestamp's UTC date",
      { body: goodBody, date: '2001-01-01' },
      'AuthFailure.SignatureFailure',
      /UTC date/,
    ],
    [
      'a timestamp 10 minutes old',
      { body: goodBody, timestamp: Math.floor(Date.now() / 1000) - 600 },
      'AuthFailure.SignatureExpire',
    ],
  ])('answers a signed request with %s with %s', async (_name, init, code, message) => {
    const res = await envelope(await fetch(signedRequest(server.url, init)));
    expect(res.Error?.Code).toBe(code);
    if (message) expect(res.Error?.Message).toMatch(message);
  });

  it('accepts unknown extra headers on a good request', async () => {
    const res = await envelope(
      await fetch(
        signedRequest(server.url, {
          body: goodBody,
          headers: { 'x-custom': 'yes', 'x-tc-region': 'ap-nowhere' },
        }),
      ),
    );
    expect(res.Error).toBeUndefined();
  });

  it('refuses a tampered body with SignatureFailure', async () => {
    const signed = signedRequest(server.url, { body: goodBody });
    const tampered = new Request(signed, { body: goodBody.replace('agent@', 'agent2@') });
    const res = await envelope(await fetch(tampered));
    expect(res.Error?.Code).toBe('AuthFailure.SignatureFailure');
  });

  it('answers a 10 MB body (with Content-Length) with RequestSizeLimitExceeded, without reading it', async () => {
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = httpRequest(
        server.url,
        { method: 'POST', headers: headers({ 'content-length': String(10 * 1024 * 1024) }) },
        (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (chunk) => {
            body += chunk;
          });
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
          res.on('error', reject);
        },
      );
      req.on('error', () => {}); // the server may stop reading: writes can fail, the answer still came
      req.write(Buffer.alloc(64 * 1024, 0x20));
      // Never send the rest: the answer must come anyway.
    });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body).Response.Error.Code).toBe('RequestSizeLimitExceeded');
  });

  it('answers a streamed body past the cap with RequestSizeLimitExceeded', async () => {
    const chunk = new Uint8Array(256 * 1024).fill(0x20);
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= 10 * 1024 * 1024) return controller.close();
        sent += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    const res = await envelope(
      await fetch(server.url, {
        method: 'POST',
        headers: headers(),
        body: stream,
        duplex: 'half',
      } as RequestInit),
    );
    expect(res.Error?.Code).toBe('RequestSizeLimitExceeded');
    expect(sent).toBeLessThan(10 * 1024 * 1024);
  });

  it('echoes X-TC-TraceId on errors', async () => {
    const res = await fetch(server.url, {
      method: 'POST',
      headers: { 'x-tc-traceid': 'trace-123' },
    });
    expect(res.headers.get('x-tc-traceid')).toBe('trace-123');
  });
});

describe('caller values quoted in error messages', () => {
  it('quotes at most 64 characters of a 500 KB unknown SeatUserId in AccountNotExist', async () => {
    const res = await envelope(
      await fetch(
        signedRequest(server.url, {
          body: JSON.stringify({ SdkAppId: 1400000000, SeatUserId: 'a'.repeat(500_000) }),
        }),
      ),
    );
    expect(res.Error).toEqual({
      Code: 'InvalidParameterValue.AccountNotExist',
      Message: `The agent account \`${'a'.repeat(64)}…\` does not exist in SDKAppID \`1400000000\`.`,
    });
  });

  it('quotes at most 64 characters of a 10 KB X-TC-Version in NoSuchVersion', async () => {
    const res = await envelope(
      await fetch(server.url, {
        method: 'POST',
        headers: headers({ 'x-tc-version': 'v'.repeat(10_000) }),
      }),
    );
    expect(res.Error?.Code).toBe('NoSuchVersion');
    expect(res.Error?.Message).toContain(`\`${'v'.repeat(64)}…\``);
    expect(res.Error?.Message.length).toBeLessThan(200);
  });

  it('quotes at most 64 characters of a 10 KB Content-Type', async () => {
    const res = await envelope(
      await fetch(
        signedRequest(server.url, { body: goodBody, contentType: `text/${'p'.repeat(10_000)}` }),
      ),
    );
    expect(res.Error?.Code).toBe('InvalidParameter');
    expect(res.Error?.Message).toContain(`\`text/${'p'.repeat(59)}…\``);
    expect(res.Error?.Message.length).toBeLessThan(200);
  });
});
