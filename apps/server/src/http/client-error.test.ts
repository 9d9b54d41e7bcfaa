import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { rawRequest } from '@tccc-kit/mock-tccc/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { answerClientErrors } from './client-error.js';

let server: Server | undefined;
afterEach(async () => {
  const listening = server;
  server = undefined;
  if (!listening) return;
  await new Promise((resolve) => {
    listening.close(resolve);
    listening.closeAllConnections();
  });
});

async function start(): Promise<number> {
  server = serve({
    // Reads the whole body first, as a JSON route does.
    fetch: async (request) => new Response(`hello ${(await request.text()).length}`),
    hostname: '127.0.0.1',
    port: 0,
    autoCleanupIncoming: false,
  }) as Server;
  answerClientErrors(server);
  await new Promise<void>((resolve) => server?.once('listening', resolve));
  return (server.address() as AddressInfo).port;
}

/** Sends `request` (a whole raw request, ending in a blank line) and parses the answer. */
async function refusal(port: number, request: string) {
  const answer = await rawRequest(port, request.replace(/\r\n\r\n$/, ''));
  expect(answer.headers['content-type']).toBe('application/problem+json');
  expect(answer.headers.connection).toBe('close');
  expect(Number(answer.headers['content-length'])).toBe(Buffer.byteLength(answer.body));
  return { ...answer, problem: JSON.parse(answer.body) as Record<string, unknown> };
}

describe('answerClientErrors', () => {
  it('answers an unknown method with 400 malformed_request as problem+json and closes', async () => {
    const port = await start();
    const answer = await refusal(port, 'BREW / HTTP/1.1\r\nHost: x\r\n\r\n');
    expect(answer.status).toBe(400);
    expect(answer.problem).toEqual({
      type: 'urn:tccc-kit:problem:malformed-request',
      title: 'The request is not valid HTTP',
      status: 400,
      detail: expect.stringContaining('HPE_INVALID_METHOD'),
      code: 'malformed_request',
      parserCode: 'HPE_INVALID_METHOD',
    });
  });

  it('answers a CR/LF injection in a header value with 400, echoing nothing of the request', async () => {
    const port = await start();
    const answer = await refusal(
      port,
      'GET /secret-path?token=tok-123 HTTP/1.1\r\nHost: x\r\nCookie: s=cookie-456\r\nX-Note: a\rSet-Cookie: forged\r\n\r\n',
    );
    expect([answer.status, answer.problem.code]).toEqual([400, 'malformed_request']);
    expect(answer.body).not.toMatch(/secret-path|tok-123|cookie-456|forged/);
    expect(answer.headers['set-cookie']).toBeUndefined();
  });

  it('answers a header section over the limit with 431 headers_too_large', async () => {
    const port = await start();
    const answer = await refusal(
      port,
      `GET / HTTP/1.1\r\nHost: x\r\nX-Padding: ${'x'.repeat(20_000)}\r\n\r\n`,
    );
    expect(answer.status).toBe(431);
    expect(answer.problem).toMatchObject({ status: 431, code: 'headers_too_large' });
    expect(answer.problem.detail).toContain('16384 bytes');
    expect(answer.body).not.toContain('xxxx');
  });

  it.each([
    [
      'a missing Host',
      'GET / HTTP/1.1',
      400,
      'invalid_host',
      'HTTP/1.1 requests need a Host header',
    ],
    [
      'a backslash in the path',
      'GET /assets\\..\\x HTTP/1.1\r\nHost: x',
      400,
      'invalid_request_target',
      'Use forward slashes',
    ],
    [
      'Expect: bogus',
      'GET / HTTP/1.1\r\nHost: x\r\nExpect: bogus',
      417,
      'expectation_failed',
      '100-continue',
    ],
    [
      'CONNECT',
      'CONNECT a.example:443 HTTP/1.1\r\nHost: a.example:443',
      405,
      'method_not_allowed',
      'not one',
    ],
    [
      'a chunk size overflow',
      'POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nfffffffffffffffffffff\r\n',
      400,
      'malformed_request',
      'HPE_INVALID_CHUNK_SIZE',
    ],
  ])('answers %s as problem+json', async (_name, head, status, code, advice) => {
    const port = await start();
    const answer = await refusal(port, `${head}\r\n\r\n`);
    expect([answer.status, answer.problem.status, answer.problem.code]).toEqual([
      status,
      status,
      code,
    ]);
    expect(answer.problem.detail).toContain(advice);
    if (code === 'method_not_allowed') expect(answer.headers.allow).toBe('GET, HEAD, POST, DELETE');
  });
});
