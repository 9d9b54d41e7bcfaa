import { afterEach, describe, expect, it } from 'vitest';
import { closeAll, exchange, render, startServer, writeAllThenRead } from '../test/support.js';
import { answerMalformedHttp } from './install.js';

afterEach(closeAll);

async function installed() {
  return startServer(
    (request, response) => {
      if (Number(request.headers['content-length']) > 100) {
        response.writeHead(413, { 'Content-Type': 'text/plain' }).end('too large');
        return;
      }
      request.resume();
      request.on('end', () => response.end('reached'));
    },
    (server) => answerMalformedHttp(server, { render, allow: 'GET, POST' }),
  );
}

describe('answerMalformedHttp', () => {
  it.each([
    ['a missing Host', 'GET / HTTP/1.1\r\n\r\n', 400, 'invalid_host'],
    [
      'a backslash path',
      'GET /a\\b HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
      400,
      'invalid_target',
    ],
    [
      'a bad header byte',
      'GET / HTTP/1.1\r\nHost: x\r\nX: a\u0000b\r\n\r\n',
      400,
      'malformed_request',
    ],
    [
      'an unknown expectation',
      'GET / HTTP/1.1\r\nHost: x\r\nExpect: bogus\r\n\r\n',
      417,
      'expectation_failed',
    ],
    ['CONNECT', 'CONNECT a:443 HTTP/1.1\r\nHost: a:443\r\n\r\n', 405, 'method_not_allowed'],
    [
      'a chunk size overflow',
      'POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nfffffffffffffffffffff\r\n',
      400,
      'malformed_request',
    ],
  ])('installs the answer to %s in one call', async (_name, request, status, kind) => {
    const { port } = await installed();
    const answer = await exchange(port, request);
    expect([answer.status, answer.refusal?.kind]).toEqual([status, kind]);
  });

  it('lets ordinary requests through, and drains an upload refused early', async () => {
    const { port } = await installed();
    const ok = await exchange(port, 'GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    expect([ok.status, ok.body]).toEqual([200, 'reached']);
    const { connection } = await writeAllThenRead(
      port,
      'POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1000000\r\nConnection: close\r\n\r\n',
      1_000_000,
    );
    await connection.closed;
    expect(connection.errors()).toEqual([]);
    expect(connection.received()).toContain('too large');
  });
});
