/**
 * lingerOnClose on a plain node:http server that refuses every body at once, with
 * `Connection: close`, without reading it: the way a body cap answers.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { sendWholeBodyThenRead } from '../../test/whole-body-client.js';
import { type LingerOptions, lingerOnClose } from './linger.js';

const MIB = 1024 * 1024;
const servers: Server[] = [];

afterEach(() => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    server.close();
  }
});

async function refusingServer(options?: LingerOptions): Promise<number> {
  const server = createServer((request, response) => {
    const read = request.url === '/read-first';
    const body = '{"error":{"code":"body_too_large"}}';
    const answer = () =>
      response
        .writeHead(413, {
          connection: 'close',
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
        })
        .end(body);
    if (read) request.resume().once('end', answer);
    else answer();
  });
  lingerOnClose(server, options);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

describe('lingerOnClose', () => {
  it('lets a client that sends its whole 10 MB body first read the early answer', async () => {
    const port = await refusingServer();
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const result = await sendWholeBodyThenRead(port, 'POST / HTTP/1.1\r\nHost: x', 10 * MIB);
      expect(result).toMatchObject({
        ok: true,
        status: 413,
        body: '{"error":{"code":"body_too_large"}}',
      });
    }
  });

  it('does not wait for a body declared bigger than maxBytes: the connection closes at once', async () => {
    const port = await refusingServer({ maxBytes: MIB, idleMs: 10_000 });
    const result = await sendWholeBodyThenRead(port, 'POST / HTTP/1.1\r\nHost: x', 4 * MIB);
    expect(result.ok).toBe(false);
    expect(result.ms).toBeLessThan(5_000);
  });

  it('cuts off a client that stops sending, after idleMs', async () => {
    const port = await refusingServer({ idleMs: 200 });
    const server = servers.at(-1) as Server;
    const closed = new Promise<number>((resolve) =>
      server.once('connection', (socket) => socket.once('close', () => resolve(performance.now()))),
    );
    const { connect } = await import('node:net');
    // Half-open, as a client that keeps its side open after the server's FIN.
    const socket = connect({ host: '127.0.0.1', port, allowHalfOpen: true });
    let answer = '';
    let answeredAt = 0;
    socket.on('data', (chunk) => {
      answer += chunk.toString('utf8');
      answeredAt ||= performance.now();
    });
    socket.on('error', () => {}); // the cut-off may reach it as a reset
    socket.write('POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1000000\r\n\r\n');
    socket.write(Buffer.alloc(1000, 0x61)); // then nothing more
    const closedAt = await closed;
    socket.destroy();
    expect(answer).toMatch(/^HTTP\/1\.1 413/);
    expect(closedAt - answeredAt).toBeGreaterThanOrEqual(150);
    expect(closedAt - answeredAt).toBeLessThan(5_000);
  });

  it('closes at once after an answer to a request whose body was read', async () => {
    const port = await refusingServer({ idleMs: 10_000 });
    const result = await sendWholeBodyThenRead(port, 'POST /read-first HTTP/1.1\r\nHost: x', 1000);
    expect(result).toMatchObject({ ok: true, status: 413 });
    expect(result.ms).toBeLessThan(5_000);
  });
});
