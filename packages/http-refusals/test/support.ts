/**
 * Test support: real loopback servers and raw sockets, so every test sees the bytes a
 * client would.
 */
import { createServer, type RequestListener, type Server } from 'node:http';
import { type AddressInfo, connect, type Socket } from 'node:net';
import type { Refusal } from '../src/refusals.js';

/** Every refusal as JSON, so a test can see what the renderer was told. */
export const render = (refusal: Refusal) => ({
  contentType: 'application/json',
  body: JSON.stringify(refusal),
});

const servers: Server[] = [];

/** A server on 127.0.0.1:0 with `handler`, after `install(server)`; closed by `closeAll`. */
export async function startServer(
  handler: RequestListener,
  install: (server: Server) => void = () => {},
  options: { maxHeaderSize?: number } = {},
): Promise<{ server: Server; port: number }> {
  const server = createServer(
    options.maxHeaderSize ? { maxHeaderSize: options.maxHeaderSize } : {},
    handler,
  );
  install(server);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port };
}

export async function closeAll(): Promise<void> {
  await Promise.all(
    servers.splice(0).map(
      (server) =>
        new Promise((resolve) => {
          server.close(resolve);
          server.closeAllConnections();
        }),
    ),
  );
}

/** A raw connection that collects every byte the server sends, and how it ended. */
export function open(port: number, options: { allowHalfOpen?: boolean } = {}) {
  const socket: Socket = connect({ host: '127.0.0.1', port, ...options });
  let received = '';
  const errors: string[] = [];
  socket.setEncoding('latin1');
  socket.on('data', (chunk: string) => {
    received += chunk;
  });
  socket.on('error', (error: NodeJS.ErrnoException) => errors.push(error.code ?? error.message));
  const ended = new Promise<void>((resolve) => socket.once('end', resolve));
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  return { socket, ended, closed, received: () => received, errors: () => errors };
}

export interface Parsed {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** The first HTTP answer in `raw` (after any `100 Continue`), with a Content-Length body. */
export function parse(raw: string): Parsed {
  const end = raw.indexOf('\r\n\r\n');
  const [statusLine = '', ...lines] = raw.slice(0, end).split('\r\n');
  const headers = Object.fromEntries(
    lines.map((line) => {
      const colon = line.indexOf(':');
      return [line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim()];
    }),
  );
  const rest = raw.slice(end + 4);
  let body =
    headers['content-length'] === undefined
      ? rest
      : rest.slice(0, Number(headers['content-length']));
  if (headers['transfer-encoding'] === 'chunked') {
    body = '';
    let at = 0;
    for (;;) {
      const lineEnd = rest.indexOf('\r\n', at);
      const size = Number.parseInt(rest.slice(at, lineEnd), 16);
      if (!(size > 0)) break;
      body += rest.slice(lineEnd + 2, lineEnd + 2 + size);
      at = lineEnd + 2 + size + 2;
    }
  }
  return { status: Number(statusLine.split(' ')[1]), headers, body };
}

/** Sends `request` on a new connection, waits for the server to close it, parses the answer. */
export async function exchange(port: number, request: string) {
  const connection = open(port);
  connection.socket.write(request);
  await connection.closed;
  const answer = parse(connection.received());
  const json = answer.headers['content-type'] === 'application/json';
  return { ...answer, refusal: json ? (JSON.parse(answer.body) as Refusal) : undefined };
}

/**
 * Sends `head` then `bodyBytes` of body in 64 KB pieces WITHOUT reading anything until all
 * is written, as many upload clients do, then reads the answer.
 */
export async function writeAllThenRead(port: number, head: string, bodyBytes: number) {
  const connection = open(port);
  connection.socket.pause();
  connection.socket.write(head);
  let sent = 0;
  while (sent < bodyBytes && !connection.socket.destroyed) {
    const piece = Math.min(65_536, bodyBytes - sent);
    const flushed = connection.socket.write(Buffer.alloc(piece, 0x20));
    sent += piece;
    if (!flushed) {
      await Promise.race([
        new Promise((resolve) => connection.socket.once('drain', resolve)),
        connection.closed,
      ]);
    }
  }
  connection.socket.resume();
  return { connection, sent };
}
