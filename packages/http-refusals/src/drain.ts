/**
 * Bodies the application answered without reading, read to their end (within bounds), so
 * the client hears the answer: the generic half of "a slow oversize upload gets its 413".
 *
 * An application may answer before the body has arrived: a 413 from `Content-Length`, a
 * 401, a 503 while shutting down. The client may still be sending, and many clients write
 * the whole body before reading. So, once the answer is sent:
 * - on a connection that stays open, the rest of the body is read and thrown away, and the
 *   connection serves the next request; past `maxBytes`, `lingerMs`, or `idleMs` without
 *   a byte, the connection is dropped instead (an upload that large or that slow is not
 *   waited for, and such a client may then miss the answer);
 * - on a connection the answer closes (`Connection: close`), the close lingers
 *   (answer.ts): the writing side is shut and what still comes is read and thrown away, so
 *   the kernel does not reset the connection and discard the answer.
 *
 * With Hono on Node, create the listener with `autoCleanupIncoming: false`: its own drain
 * gives up after 500 ms and closes, which resets a slow client.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { DEFAULT_LINGER, type LingerOptions, lingerThenClose } from './answer.js';

export type DrainOptions = LingerOptions;

/** How often a drain looks at what arrived (bytes, silence). */
const CHECK_EVERY_MS = 100;

/** Lets Node read and discard the rest of `request`'s body within the bounds; else drops it. */
function discardRest(request: IncomingMessage, options: Required<LingerOptions>): void {
  const socket = request.socket;
  const started = Date.now();
  const startBytes = socket.bytesRead;
  let lastBytes = startBytes;
  let lastProgress = started;
  // Measured with bytesRead: Node's parser throws a dumped body away before any 'data'
  // event, and a 'data' listener on the socket would take it off the parser's fast path.
  const check = setInterval(
    () => {
      const now = Date.now();
      if (socket.bytesRead !== lastBytes) {
        lastBytes = socket.bytesRead;
        lastProgress = now;
      }
      if (
        lastBytes - startBytes > options.maxBytes ||
        now - started > options.lingerMs ||
        now - lastProgress > options.idleMs
      ) {
        stop();
        socket.destroy();
      }
    },
    Math.min(CHECK_EVERY_MS, options.idleMs),
  );
  check.unref();
  const stop = () => clearInterval(check);
  request.once('end', stop);
  socket.once('close', stop);
  // The answer is sent: whoever was reading the body (a web stream, a parser) is done.
  // Node's own dump does the same when nobody had started reading.
  request.removeAllListeners('data');
  request.resume();
}

export function drainUnreadBodies(server: Server, options: DrainOptions = {}): void {
  const bounds = { ...DEFAULT_LINGER, ...options };
  /** Per socket, its latest request: is its body still coming? */
  const latest = new WeakMap<Socket, IncomingMessage>();

  server.on('connection', (socket: Socket) => {
    // Node closes a connection after a `Connection: close` answer with destroySoon(): end,
    // then destroy at once, which resets a client still sending. Linger instead.
    const destroySoon = socket.destroySoon;
    socket.destroySoon = function lingeringDestroySoon(this: Socket) {
      const request = latest.get(socket);
      if (request && !request.complete && !socket.readableEnded) {
        lingerThenClose(socket, bounds);
        return;
      }
      destroySoon.call(this);
    };
  });

  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    latest.set(request.socket, request);
    response.once('finish', () => {
      if (request.complete || request.destroyed || request.socket.writableEnded) return;
      discardRest(request, bounds);
    });
  });
}
