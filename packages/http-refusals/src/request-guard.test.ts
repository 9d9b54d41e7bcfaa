import { afterEach, describe, expect, it } from 'vitest';
import { closeAll, exchange, render, startServer } from '../test/support.js';
import { answerMalformedHttp } from './install.js';
import { guardRequests, requestRefusal } from './request-guard.js';

afterEach(closeAll);

/** A guarded server whose handler answers `reached` (so a test sees what got through). */
async function guarded() {
  const { port } = await startServer(
    guardRequests((_request, response) => response.end('reached'), { render }),
    (server) => {
      // What answerMalformedHttp does: let a missing Host reach the guard.
      (server as typeof server & { requireHostHeader: boolean }).requireHostHeader = false;
    },
  );
  return (head: string) => exchange(port, `${head}\r\nConnection: close\r\n\r\n`);
}

describe('guardRequests', () => {
  it.each([
    ['a missing Host on HTTP/1.1', 'GET / HTTP/1.1', 'missing'],
    ['two Host headers', 'GET / HTTP/1.1\r\nHost: a.example\r\nHost: b.example', 'duplicate'],
    ['a Host with a path', 'GET / HTTP/1.1\r\nHost: a.example/x', 'invalid'],
    ['a Host with a space', 'GET / HTTP/1.1\r\nHost: a example', 'invalid'],
    ['a Host with userinfo', 'GET / HTTP/1.1\r\nHost: user@a.example', 'invalid'],
    ['an unclosed IPv6 literal', 'GET / HTTP/1.1\r\nHost: [::1', 'invalid'],
    ['a bracketed non-address', 'GET / HTTP/1.1\r\nHost: [evil]', 'invalid'],
    ['a port past 65535', 'GET / HTTP/1.1\r\nHost: a.example:70000', 'invalid'],
  ])('refuses %s: 400 invalid_host, before the handler', async (_name, head, problem) => {
    const answer = await guarded().then((send) => send(head));
    expect(answer.status).toBe(400);
    expect(answer.refusal).toEqual({ kind: 'invalid_host', status: 400, problem });
  });

  it.each([
    ['a backslash in the path', 'GET /assets\\..\\..\\package.json HTTP/1.1', 'backslash'],
    ['a backslash in an absolute URL path', 'GET http://a.example/a\\b HTTP/1.1', 'backslash'],
    ['a target that is not a path', 'GET * HTTP/1.1', 'not_a_path'],
  ])('refuses %s: 400 invalid_target', async (_name, line, problem) => {
    const answer = await guarded().then((send) => send(`${line}\r\nHost: a.example`));
    expect(answer.refusal).toEqual({ kind: 'invalid_target', status: 400, problem });
  });

  it.each([
    ['a host name', 'GET / HTTP/1.1\r\nHost: agents.example.com'],
    ['a host and port', 'GET / HTTP/1.1\r\nHost: localhost:8787'],
    ['an IPv4 address', 'GET / HTTP/1.1\r\nHost: 127.0.0.1:8787'],
    ['an IPv6 literal', 'GET / HTTP/1.1\r\nHost: [::1]:8787'],
    ['a backslash in the query only', 'GET /search?q=a\\b HTTP/1.1\r\nHost: a.example'],
    ['an absolute-form target', 'GET http://a.example/x HTTP/1.1\r\nHost: a.example'],
    ['HTTP/1.0 without Host', 'GET / HTTP/1.0'],
  ])('lets %s through', async (_name, head) => {
    const answer = await guarded().then((send) => send(head));
    expect([answer.status, answer.body]).toEqual([200, 'reached']);
  });

  it('answers OPTIONS * with 204 and Allow', async () => {
    const answer = await guarded().then((send) => send('OPTIONS * HTTP/1.1\r\nHost: a.example'));
    expect([answer.status, answer.headers.allow]).toEqual([
      204,
      'GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS',
    ]);
  });

  it('keeps the connection open after a refusal (the request itself was well framed)', async () => {
    const { port } = await startServer(
      (_request, response) => response.end('reached'),
      (server) => answerMalformedHttp(server, { render }),
    );
    const answer = await exchange(
      port,
      'GET /a\\b HTTP/1.1\r\nHost: x\r\n\r\nGET /ok HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
    );
    expect(answer.status).toBe(400);
  });
});

describe('requestRefusal', () => {
  it('is undefined for an ordinary request', () => {
    const request = { rawHeaders: ['Host', 'a.example'], httpVersion: '1.1', url: '/x' };
    expect(requestRefusal(request as never)).toBeUndefined();
  });
});
