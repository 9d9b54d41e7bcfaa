/**
 * Writing a refusal on a raw socket, and closing that socket without losing the answer.
 *
 * A server that closes a connection while the client is still sending makes the kernel
 * reset it, and a reset can discard the answer before the client reads it: a client that
 * writes its whole body before reading sees EPIPE instead of the 413. So a refused
 * connection lingers (Apache's and nginx's "lingering close"): the answer is sent, the
 * writing side shut (FIN), and what the client still sends is read and thrown away until
 * it closes its side, goes quiet for `idleMs`, or `lingerMs` or `maxBytes` run out.
 */
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type { RefusalBody } from './refusals.js';

export interface LingerOptions {
  /** Longest a refused connection is kept open to read what the client still sends (10 s). */
  lingerMs?: number;
  /** Close earlier once the client sent nothing for this long (5 s). */
  idleMs?: number;
  /** Close earlier once this many bytes were thrown away (16 MiB). */
  maxBytes?: number;
}

export const DEFAULT_LINGER: Required<LingerOptions> = {
  lingerMs: 10_000,
  idleMs: 5_000,
  maxBytes: 16 * 1024 * 1024,
};

/** The raw HTTP/1.1 answer: status line, headers (no-store, Connection: close) and body. */
export function rawAnswer(
  status: number,
  { contentType, body }: RefusalBody,
  headers: Record<string, string> = {},
): string {
  return [
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}`,
    `Content-Type: ${contentType}`,
    `Content-Length: ${Buffer.byteLength(body)}`,
    'Cache-Control: no-store',
    ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
    'Connection: close',
    '',
    body,
  ].join('\r\n');
}

/**
 * Shuts the writing side of `socket` after what is queued on it, then reads and discards
 * what the peer still sends until it ends, or a bound is reached; then closes the socket.
 */
export function lingerThenClose(socket: Duplex, options: LingerOptions = {}): void {
  const { lingerMs, idleMs, maxBytes } = { ...DEFAULT_LINGER, ...options };
  if (socket.destroyed) return;
  if (!socket.writableEnded) socket.end();
  if (socket.readableEnded) {
    socket.destroy();
    return;
  }
  let discarded = 0;
  const close = () => {
    clearTimeout(total);
    clearTimeout(idle);
    socket.off('data', onData);
    socket.destroy();
  };
  const total = setTimeout(close, lingerMs);
  let idle = setTimeout(close, idleMs);
  total.unref();
  idle.unref();
  const onData = (chunk: Buffer | string) => {
    discarded += chunk.length;
    if (discarded > maxBytes) return close();
    clearTimeout(idle);
    idle = setTimeout(close, idleMs);
    idle.unref();
  };
  socket.on('data', onData);
  socket.once('end', close);
  socket.once('close', () => {
    clearTimeout(total);
    clearTimeout(idle);
  });
  socket.resume();
}

/** Writes `answer` on `socket` and lingers before closing it. */
export function answerAndClose(socket: Duplex, answer: string, options?: LingerOptions): void {
  socket.write(answer);
  lingerThenClose(socket, options);
}
