import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { closeAll, exchange, open, parse, render, startServer } from '../test/support.js';
import { answerExpectations } from './expectations.js';

afterEach(closeAll);

/** Refuses bodies over 10 bytes from Content-Length, else reads the body and echoes it. */
function limitedEcho(request: IncomingMessage, response: ServerResponse) {
  if (Number(request.headers['content-length']) > 10) {
    response.writeHead(413, { 'Content-Type': 'text/plain' }).end('too large');
    return;
  }
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => response.end(Buffer.concat(chunks)));
}

describe('answerExpectations', () => {
  it('refuses an oversize upload with Expect: 100-continue before any 100 Continue', async () => {
    const { port } = await startServer(limitedEcho, (server) =>
      answerExpectations(server, { render }),
    );
    const connection = open(port);
    connection.socket.write(
      'POST /upload HTTP/1.1\r\nHost: x\r\nContent-Length: 10000000\r\nExpect: 100-continue\r\n\r\n',
    );
    await connection.closed;
    expect(connection.received()).not.toContain('100 Continue');
    const answer = parse(connection.received());
    // The client may or may not send the body now: the connection cannot be reused.
    expect([answer.status, answer.body, answer.headers.connection]).toEqual([
      413,
      'too large',
      'close',
    ]);
  });

  it('sends 100 Continue once the application reads the body, then its answer', async () => {
    const { port } = await startServer(limitedEcho, (server) =>
      answerExpectations(server, { render }),
    );
    const connection = open(port);
    connection.socket.write(
      'POST /upload HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n',
    );
    await vi.waitFor(() => expect(connection.received()).toBe('HTTP/1.1 100 Continue\r\n\r\n'));
    connection.socket.write('hello');
    await vi.waitFor(() => expect(connection.received()).toContain('hello'));
    const answer = parse(connection.received().slice('HTTP/1.1 100 Continue\r\n\r\n'.length));
    expect([answer.status, answer.body, answer.headers.connection]).toEqual([
      200,
      'hello',
      undefined,
    ]);
    // The connection stays usable (HTTP/1.1 persists without a Connection header).
    connection.socket.write('POST /upload HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nagain');
    await vi.waitFor(() => expect(connection.received()).toContain('again'));
    connection.socket.destroy();
  });

  it('answers any other expectation with 417 in the server shape', async () => {
    const { port } = await startServer(limitedEcho, (server) =>
      answerExpectations(server, { render }),
    );
    const answer = await exchange(port, 'GET / HTTP/1.1\r\nHost: x\r\nExpect: bogus\r\n\r\n');
    expect([answer.status, answer.headers.connection]).toEqual([417, 'close']);
    expect(answer.refusal).toEqual({ kind: 'expectation_failed', status: 417 });
  });
});
