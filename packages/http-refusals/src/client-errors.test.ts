import {
  createServer,
  type IncomingMessage,
  type RequestListener,
  type Server,
  type ServerResponse,
} from 'node:http';
import { type AddressInfo, connect, type Socket } from 'node:net';
import { Duplex } from 'node:stream';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { closeAll, exchange, render as renderAny, startServer } from '../test/support.js';
import { answerClientErrors, malformedAdvice, type ParserRefusal } from './index.js';

/** Every refusal as JSON, so a test can see what the handler was told. */
const render = (refusal: ParserRefusal) => ({
  contentType: 'application/json',
  body: JSON.stringify(refusal),
});

let server: Server | undefined;
afterEach(async () => {
  await closeAll();
  const listening = server;
  server = undefined;
  if (!listening) return;
  await new Promise((resolve) => {
    listening.close(resolve);
    listening.closeAllConnections();
  });
});

async function start(
  handler: RequestListener = (_request, response) => response.end('hello'),
  options: { lingerMs?: number; maxHeaderSize?: number } = {},
): Promise<number> {
  const { lingerMs, maxHeaderSize } = options;
  server = createServer(maxHeaderSize ? { maxHeaderSize } : {}, handler);
  answerClientErrors(server, { render, ...(lingerMs ? { lingerMs } : {}) });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
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
  expect(answer.headers['content-type']).toBe('application/json');
  expect(answer.headers.connection).toBe('close');
  expect(answer.headers['cache-control']).toBe('no-store');
  expect(Number(answer.headers['content-length'])).toBe(Buffer.byteLength(answer.body, 'latin1'));
  return { ...answer, refusal: JSON.parse(answer.body) as ParserRefusal };
}

describe('what a refusal is', () => {
  it('an unknown method: 400 malformed_request with the parser code', async () => {
    const answer = await refusal(await start(), 'BREW / HTTP/1.1\r\nHost: x\r\n\r\n');
    expect(answer.status).toBe(400);
    expect(answer.refusal).toEqual({
      kind: 'malformed_request',
      status: 400,
      parserCode: 'HPE_INVALID_METHOD',
    });
    expect(malformedAdvice('HPE_INVALID_METHOD')).toContain('(HPE_INVALID_METHOD)');
    expect(malformedAdvice(undefined)).not.toContain('(');
  });

  it("headers over the server's limit: 431 headers_too_large with that limit", async () => {
    const port = await start(undefined, { maxHeaderSize: 4096 });
    const answer = await refusal(
      port,
      `GET / HTTP/1.1\r\nHost: x\r\nX-Pad: ${'x'.repeat(8000)}\r\n\r\n`,
    );
    expect(answer.status).toBe(431);
    expect(answer.refusal).toEqual({
      kind: 'headers_too_large',
      status: 431,
      maxHeaderBytes: 4096,
    });
  });
});

describe('answerClientErrors', () => {
  it('answers a malformed request after a finished keep-alive response on the same connection', async () => {
    const port = await start();
    const connection = open(port);
    connection.socket.write('GET / HTTP/1.1\r\nHost: x\r\n\r\n');
    await vi.waitFor(() => expect(connection.received()).toContain('hello'));
    connection.socket.write('GET / HTTP/1.1\r\nHost: x\r\nX-Bad: a\u0000b\r\n\r\n');
    await connection.closed;
    const second = connection.received().slice(connection.received().indexOf('hello') + 5);
    expect(parse(second)).toMatchObject({ status: 400 });
    expect(JSON.parse(parse(second).body)).toMatchObject({ kind: 'malformed_request' });
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
    const port = await start((_request, response) => {
      arrived();
      void held.then(() => response.end('late'));
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
    answerClientErrors(httpServer, { render });
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

describe('answerClientErrors, a body refused mid-way', () => {
  /** A handler that waits for the whole body, as a JSON route does, and reports how it ended. */
  const readingHandler =
    (ended: (how: string) => void) => (request: IncomingMessage, response: ServerResponse) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        ended('end');
        response.end('read');
      });
      request.on('error', (error: NodeJS.ErrnoException) => ended(`error ${error.code}`));
    };

  it.each([
    [
      'a chunk size that overflows',
      'Transfer-Encoding: chunked\r\n\r\nfffffffffffffffffffff\r\nhello\r\n0\r\n\r\n',
      400,
      { kind: 'malformed_request', status: 400, parserCode: 'HPE_INVALID_CHUNK_SIZE' },
    ],
    [
      'Transfer-Encoding: xchunked',
      'Transfer-Encoding: xchunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n',
      400,
      { kind: 'malformed_request', status: 400, parserCode: 'HPE_INVALID_TRANSFER_ENCODING' },
    ],
    [
      'a chunk extension over the limit',
      `Transfer-Encoding: chunked\r\n\r\n5;${'a'.repeat(20_000)}\r\nhello\r\n0\r\n\r\n`,
      413,
      { kind: 'chunk_extensions_too_large', status: 413 },
    ],
  ])(
    'answers %s, though the request already reached the handler',
    async (_name, rest, status, expected) => {
      const endings: string[] = [];
      const { port } = await startServer(
        readingHandler((how) => endings.push(how)),
        (server) => answerClientErrors(server, { render: renderAny }),
      );
      const answer = await exchange(port, `POST /upload HTTP/1.1\r\nHost: x\r\n${rest}`);
      expect([answer.status, answer.headers.connection]).toEqual([status, 'close']);
      expect(answer.refusal).toEqual(expected);
      // The handler, still waiting for the body, sees the request end with an error.
      await vi.waitFor(() => expect(endings).toEqual(['error ECONNRESET']));
    },
  );

  it('closes without a word when the refused request was already being answered', async () => {
    const { port } = await startServer(
      (_request, response) => {
        response.writeHead(200, { 'Content-Type': 'text/plain' });
        response.write('streaming');
      },
      (server) => answerClientErrors(server, { render: renderAny }),
    );
    const connection = open(port);
    connection.socket.write(
      'POST /upload HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n',
    );
    await vi.waitFor(() => expect(connection.received()).toContain('streaming'));
    connection.socket.write('zz\r\nhello\r\n');
    await connection.closed;
    expect(connection.received()).not.toContain('400');
  });
});
