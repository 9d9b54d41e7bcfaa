import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { closeAll, open, parse, startServer, writeAllThenRead } from '../test/support.js';
import { drainUnreadBodies } from './drain.js';

afterEach(closeAll);

const HEAD = (bytes: number, extra = '') =>
  `POST /upload HTTP/1.1\r\nHost: x\r\nContent-Length: ${bytes}\r\n${extra ? `${extra}\r\n` : ''}\r\n`;

/** Refuses every upload at once from its headers, as a body limit does. */
function refuseAtOnce(close: boolean) {
  return (_request: IncomingMessage, response: ServerResponse) => {
    response.writeHead(413, {
      'Content-Type': 'text/plain',
      ...(close ? { Connection: 'close' } : {}),
    });
    response.end('too large');
  };
}

describe('drainUnreadBodies', () => {
  it('lets a client that writes its whole 2 MB body before reading get the early 413, and keeps the connection', async () => {
    const { port } = await startServer(refuseAtOnce(false), (server) => drainUnreadBodies(server));
    const { connection, sent } = await writeAllThenRead(port, HEAD(2_000_000), 2_000_000);
    expect(sent).toBe(2_000_000);
    await vi.waitFor(() => expect(connection.received()).toContain('too large'));
    expect(connection.errors()).toEqual([]);
    // The rest of the body was read and thrown away: the next request is served.
    connection.socket.write(HEAD(0, 'Connection: close'));
    await connection.closed;
    expect(connection.received().match(/HTTP\/1\.1 413/g)).toHaveLength(2);
    expect(connection.errors()).toEqual([]);
  });

  it('lingers on a Connection: close answer, so the client still sending is not reset', async () => {
    const { port } = await startServer(refuseAtOnce(true), (server) => drainUnreadBodies(server));
    const { connection, sent } = await writeAllThenRead(port, HEAD(2_000_000), 2_000_000);
    await connection.closed;
    expect(sent).toBe(2_000_000);
    expect(connection.errors()).toEqual([]);
    expect(parse(connection.received())).toMatchObject({ status: 413, body: 'too large' });
  });

  it('drops the connection once more than maxBytes of unread body arrived', async () => {
    const { port } = await startServer(refuseAtOnce(false), (server) =>
      drainUnreadBodies(server, { maxBytes: 100_000 }),
    );
    const connection = open(port);
    connection.socket.write(HEAD(50_000_000));
    await vi.waitFor(() => expect(connection.received()).toContain('too large'));
    for (let i = 0; i < 40 && !connection.socket.destroyed; i++) {
      connection.socket.write(Buffer.alloc(65_536));
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await connection.closed;
  });

  it('drops a connection whose unread body stops coming for idleMs', async () => {
    const { port } = await startServer(refuseAtOnce(false), (server) =>
      drainUnreadBodies(server, { idleMs: 50 }),
    );
    const connection = open(port);
    connection.socket.write(`${HEAD(1_000)}only part of it`);
    await connection.closed;
    expect(parse(connection.received()).status).toBe(413);
  });

  it('leaves bodies the application read alone', async () => {
    const { port } = await startServer(
      (request, response) => {
        const chunks: Buffer[] = [];
        request.on('data', (chunk: Buffer) => chunks.push(chunk));
        request.on('end', () => response.end(`read ${Buffer.concat(chunks).length}`));
      },
      (server) => drainUnreadBodies(server),
    );
    const connection = open(port);
    connection.socket.write(`${HEAD(5, 'Connection: close')}hello`);
    await connection.closed;
    expect(parse(connection.received()).body).toBe('read 5');
  });
});
