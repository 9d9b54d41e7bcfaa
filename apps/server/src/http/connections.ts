/**
 * The server's connections, drained the way load balancers expect on shutdown.
 *
 * `node:http`'s `server.close()` stops accepting and closes idle connections, but a busy
 * keep-alive connection goes on being served new requests until it happens to be idle,
 * which under steady load is never; at the deadline those requests are reset. Here,
 * once `drain()` is called:
 * - every answer still to be written carries `Connection: close`, so the client will not
 *   send another request on that connection;
 * - a new request on an existing connection is refused cleanly: `503 shutting_down`
 *   (problem+json, `Connection: close`, `Retry-After: 0`: retry at once, on a new
 *   connection, which reaches another instance);
 * - an idle connection is closed once it has been idle for `idleGraceMs`, by default the
 *   server's `keepAliveTimeout` (5 s): the time this server announces in `Keep-Alive:
 *   timeout=5`, after which clients that honour it have dropped the connection themselves
 *   and Node would close it anyway. Closing sooner would race a client sending its next
 *   request on it (that request would be lost); a client that does send one within the
 *   grace gets it refused cleanly instead. The close lingers (@tccc-kit/http-refusals);
 * - `drained` resolves when the last connection has closed.
 * Answers in flight are never cut here; main.ts's SHUTDOWN_TIMEOUT_MS is the only deadline.
 */
import type { IncomingMessage, RequestListener, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { answerRefusal, lingerThenClose } from '@tccc-kit/http-refusals';
import { PROBLEM_CONTENT_TYPE, problem } from './problem.js';

export interface ConnectionDrain {
  /** `listener` behind the drain: refuses new requests once draining. */
  guard(listener: RequestListener): RequestListener;
  /** Starts draining; resolves once every connection has closed. */
  drain(): Promise<void>;
  /** Connections open now, and how many of them have a request in flight. */
  stats(): { open: number; busy: number };
}

interface Connection {
  socket: Socket;
  /** Requests received whose answer has not finished. */
  busy: Set<ServerResponse>;
  idleSince: number;
  closeTimer?: NodeJS.Timeout;
}

export function trackConnections(
  server: Server,
  options: { idleGraceMs?: number; now?: () => number } = {},
): ConnectionDrain {
  const idleGraceMs = () => options.idleGraceMs ?? server.keepAliveTimeout;
  const now = options.now ?? Date.now;
  const connections = new Map<Socket, Connection>();
  let draining = false;
  let allClosed: () => void = () => {};
  const drained = new Promise<void>((resolve) => {
    allClosed = resolve;
  });

  const closeWhenIdle = (connection: Connection) => {
    clearTimeout(connection.closeTimer);
    if (connection.busy.size > 0 || connection.socket.destroyed) return;
    const wait = connection.idleSince + idleGraceMs() - now();
    if (wait <= 0) {
      lingerThenClose(connection.socket);
      return;
    }
    connection.closeTimer = setTimeout(() => closeWhenIdle(connection), wait);
    connection.closeTimer.unref();
  };

  server.on('connection', (socket: Socket) => {
    const connection: Connection = { socket, busy: new Set(), idleSince: now() };
    connections.set(socket, connection);
    socket.once('close', () => {
      clearTimeout(connection.closeTimer);
      connections.delete(socket);
      if (draining && connections.size === 0) allClosed();
    });
    if (draining) closeWhenIdle(connection);
  });

  const refuse = (response: ServerResponse) => {
    const body = problem(
      'shutting_down',
      'This server is shutting down. Send the request again: a new connection reaches a server that is up.',
    );
    answerRefusal(
      response,
      body.status,
      { contentType: PROBLEM_CONTENT_TYPE, body: JSON.stringify(body) },
      { Connection: 'close', 'Retry-After': '0' },
    );
  };

  return {
    guard(listener) {
      return function drainAware(this: unknown, request: IncomingMessage, response) {
        const connection = connections.get(request.socket);
        if (connection) {
          clearTimeout(connection.closeTimer);
          connection.busy.add(response);
          response.once('close', () => {
            connection.busy.delete(response);
            connection.idleSince = now();
            if (draining) closeWhenIdle(connection);
          });
        }
        if (draining) return refuse(response);
        return listener.call(this, request, response);
      };
    },
    drain() {
      if (draining) return drained;
      draining = true;
      for (const connection of connections.values()) {
        for (const response of connection.busy) {
          if (!response.headersSent) response.setHeader('Connection', 'close');
        }
        closeWhenIdle(connection);
      }
      if (connections.size === 0) allClosed();
      return drained;
    },
    stats() {
      let busy = 0;
      for (const connection of connections.values()) if (connection.busy.size > 0) busy++;
      return { open: connections.size, busy };
    },
  };
}
