/**
 * Lingering close, so a client always gets to read the answer.
 *
 * When a server answers before it has read the request body (a body over the cap, a request
 * refused before its body mattered) and closes the connection, the body bytes still arriving
 * meet a closed socket: the kernel answers them with a reset, and a client that sends its
 * whole body before reading (Python's http.client, curl's older modes, Node's fetch at times)
 * loses the answer it was sent. Production servers linger instead (nginx's lingering_close):
 * send the answer, stop writing, keep reading and discarding what the client still sends,
 * for a bounded time and amount, then close.
 *
 * `lingerOnClose(server)` does that for a node:http server: where Node would close a
 * connection after an answer (`Connection: close`, or a framework's clean-up) while the
 * request body is still arriving, the rest of the body is read and thrown away, and the socket
 * closes once it has all arrived; after `maxMs`, `idleMs` without a byte, or `maxBytes`, it is
 * closed anyway. A body declared bigger than `maxBytes` is not waited for at all.
 *
 * It only uses node:http and node:net, and knows nothing of the mock, so it can move to
 * @tccc-kit/http-refusals for the server.
 */
import type { IncomingMessage, Server } from 'node:http';
import type { Socket } from 'node:net';

export interface LingerOptions {
  /** Most body bytes read and discarded after the answer; a bigger declared body closes at once. */
  maxBytes?: number;
  /** Longest linger, in milliseconds. */
  maxMs?: number;
  /** Close when the client has sent nothing for this long, in milliseconds. */
  idleMs?: number;
}

export const DEFAULT_LINGER: Readonly<Required<LingerOptions>> = Object.freeze({
  maxBytes: 32 * 1024 * 1024,
  maxMs: 30_000,
  idleMs: 2_000,
});

export function lingerOnClose(server: Server, options: LingerOptions = {}): void {
  const limits = { ...DEFAULT_LINGER, ...options };
  /** The request each connection is serving (the one whose body may still be arriving). */
  const current = new WeakMap<Socket, IncomingMessage>();

  // First in line: the app may answer (and Node close) within its own 'request' listener.
  server.prependListener('request', (request: IncomingMessage) => {
    current.set(request.socket, request);
  });

  server.prependListener('connection', (socket: Socket) => {
    const destroySoon = socket.destroySoon.bind(socket);
    // Node calls destroySoon() to close a connection once its answer is written.
    socket.destroySoon = () => {
      const request = current.get(socket);
      if (!request || request.complete || request.destroyed) return destroySoon();
      const declared = Number(request.headers['content-length']);
      if (Number.isFinite(declared) && declared > limits.maxBytes) return destroySoon();
      linger(socket, request, limits);
    };
  });
}

function linger(socket: Socket, request: IncomingMessage, limits: Required<LingerOptions>): void {
  // Our side is done: the answer goes out, then FIN. The client's side may still be sending.
  if (socket.writable) socket.end();
  let received = 0;
  const close = () => {
    clearTimeout(total);
    clearTimeout(idle);
    request.off('data', onData);
    socket.destroy();
  };
  const total = setTimeout(close, limits.maxMs);
  const idle = setTimeout(close, limits.idleMs);
  const onData = (chunk: Buffer) => {
    received += chunk.length;
    if (received > limits.maxBytes) return close();
    idle.refresh();
    // A body reader the app abandoned (a web stream nobody pulls) pauses the request when its
    // queue fills; a paused request would stop the socket instead of draining it.
    if (request.readableFlowing === false) request.resume();
  };
  total.unref();
  idle.unref();
  // Once the whole body is in, nothing unread is left: closing now is a clean FIN, no reset.
  request.once('end', close);
  request.once('error', close);
  socket.once('close', () => {
    clearTimeout(total);
    clearTimeout(idle);
  });
  request.on('data', onData);
  request.resume();
}
