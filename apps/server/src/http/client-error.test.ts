import { createServer, type Server } from 'node:http';
import { type AddressInfo, connect, type Socket } from 'node:net';
import { Duplex } from 'node:stream';
import { serve } from '@hono/node-server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { answerClientErrors, type ClientErrorOptions } from './client-error.js';

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

async function start(
  fetch: (request: Request) => Response | Promise<Response> = () => new Response('hello'),
  options?: ClientErrorOptions,
): Promise<number> {
  server = serve({ fetch, hostname: '127.0.0.1', port: 0 }) as Server;
  answerClientErrors(server, options);
  await new Promise<void>((resolve) => server?.once('listening', resolve));
  return (server.address() as AddressInfo).port;
}

/** A raw connection that collects every byte the server sends until it closes. */
function open(port: number, options: { allowHalfOpen?: boolean } = {}) {
  const socket: Socket = connect({ host: '127.0.0.1', port, ...options });
  let received = '';
  socket.setEncoding('latin1');
  socket.on('data', (chunk: string) => {
    received += chunk;
  });
  socket.on('error', () => {}); // a reset still ends the exchange; the bytes are what count
  const ended = new Promise<void>((resolve) => socket.once('end', resolve));
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  return { socket, ended, closed, received: () => received };
}

function parse(raw: string) {
  const end = raw.indexOf('\r\n\r\n');
  const [statusLine = '', ...lines] = raw.slice(0, end).split('\r\n');
  const headers = Object.fromEntries(
    lines.map((line) => {
      const colon = line.indexOf(':');
      return [line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim()];
    }),
  );
  return { status: Number(statusLine.split(' ')[1]), headers, body: raw.slice(end + 4) };
}

async function refusal(port: number, request: string) {
  const connection = open(port);
  connection.socket.write(request);
  await connection.closed;
  const answer = parse(connection.received());
  expect(answer.headers['content-type']).toBe('application/problem+json');
  expect(answer.headers.connection).toBe('close');
  expect(Number(answer.headers['content-length'])).toBe(Buffer.byteLength(answer.body, 'latin1'));
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

  it('answers a malformed request after a finished keep-alive response on the same connection', async () => {
    const port = await start();
    const connection = open(port);
    connection.socket.write('GET / HTTP/1.1\r\nHost: x\r\n\r\n');
    await vi.waitFor(() => expect(connection.received()).toContain('hello'));
    connection.socket.write('GET / HTTP/1.1\r\nHost: x\r\nX-Bad: a\u0000b\r\n\r\n');
    await connection.closed;
    const second = connection.received().slice(connection.received().indexOf('hello') + 5);
    expect(parse(second)).toMatchObject({ status: 400 });
    expect(JSON.parse(parse(second).body)).toMatchObject({ code: 'malformed_request' });
  });

  it('writes nothing while a response is still in flight, and closes the connection', async () => {
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let arrived = () => {};
    const requestArrived = new Promise<void>((resolve) => {
      arrived = resolve;
    });
    const port = await start(async () => {
      arrived();
      await held;
      return new Response('late');
    });
    const connection = open(port);
    connection.socket.write('GET / HTTP/1.1\r\nHost: x\r\n\r\n');
    await requestArrived;
    connection.socket.write('BREW / HTTP/1.1\r\nHost: x\r\n\r\n');
    await connection.closed;
    release();
    // A 400 written here would have been read as the answer to the first request.
    expect(connection.received()).toBe('');
  });

  it('closes a refused connection whose peer keeps it half-open, after lingerMs', async () => {
    const port = await start(undefined, { lingerMs: 20 });
    const connection = open(port, { allowHalfOpen: true });
    connection.socket.write('BREW / HTTP/1.1\r\nHost: x\r\n\r\n');
    await connection.ended; // the whole answer arrived; this side never closes
    expect(parse(connection.received()).status).toBe(400);
    await vi.waitFor(
      async () => {
        const open = await new Promise<number>((resolve, reject) =>
          server?.getConnections((error, count) => (error ? reject(error) : resolve(count))),
        );
        expect(open).toBe(0);
      },
      { timeout: 5_000 },
    );
    connection.socket.destroy();
  });

  it.each([
    ['the peer reset the connection', 'ECONNRESET', false],
    ['the socket is no longer writable', 'HPE_INVALID_METHOD', true],
  ])('writes nothing and destroys the socket when %s', (_case, code, endFirst) => {
    const httpServer = createServer();
    answerClientErrors(httpServer);
    const written: string[] = [];
    const socket = new Duplex({
      read() {},
      write(chunk: Buffer, _encoding, callback) {
        written.push(chunk.toString());
        callback();
      },
    });
    if (endFirst) socket.end();
    const before = written.length;
    httpServer.emit('clientError', Object.assign(new Error('client error'), { code }), socket);
    expect(written.length).toBe(before);
    expect(socket.destroyed).toBe(true);
  });
});
