/**
 * Reliability-suite wiring: an app listening on a real loopback socket (port 0) through
 * the production Node server (src/http/node-server.ts: malformed HTTP answered as
 * problem+json, bodies drained, connections tracked). Requests that fetch refuses to send
 * (CRLF in header values, unnormalised paths such as `/../`, invalid bytes) go through the
 * mock's raw HTTP/1.1 client, re-exported here.
 */
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { createNodeServer, listenOn } from '../../src/http/node-server.js';

export interface Listening {
  /** e.g. http://127.0.0.1:41234 */
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

export async function listen(
  fetch: (request: Request, env: unknown) => Response | Promise<Response>,
) {
  const { server } = createNodeServer(fetch);
  const port = await listenOn(server, 0, '127.0.0.1');
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  } satisfies Listening;
}

export { type RawAnswer, rawRequest } from '@tccc-kit/mock-tccc/testing';

/** An answer read in full: status, headers (lower-case names) and body text. */
export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/**
 * One request from a chosen loopback source address (`127.0.0.2`, `127.0.0.3`, ...: Linux
 * routes all of 127.0.0.0/8 to this host), so tests can be several clients at once.
 */
export function requestFrom(
  localAddress: string,
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      url,
      { method: init.method ?? 'GET', headers: init.headers, localAddress, agent: false },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.setTimeout(10_000, () => request.destroy(new Error(`no answer from ${url}`)));
    request.end(init.body);
  });
}

/**
 * A client that writes its request head and whole body before reading anything (as many
 * upload clients do), in 64 KB pieces `pauseMs` apart (a slow upload), then reads until the server closes or `idleMs` passes without
 * bytes. Returns every byte received and the socket errors seen (EPIPE, ECONNRESET).
 */
export async function uploadThenRead(
  port: number,
  head: string,
  body: Buffer,
  options: { idleMs?: number; pauseMs?: number } = {},
): Promise<{ received: string; errors: string[] }> {
  const socket = connect({ host: '127.0.0.1', port });
  socket.pause();
  const errors: string[] = [];
  let received = '';
  socket.on('error', (error: NodeJS.ErrnoException) => errors.push(error.code ?? error.message));
  socket.on('data', (chunk: Buffer) => {
    received += chunk.toString('latin1');
  });
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  socket.write(head);
  for (let at = 0; at < body.length && !socket.destroyed; at += 65_536) {
    if (!socket.write(body.subarray(at, at + 65_536))) {
      await Promise.race([new Promise((resolve) => socket.once('drain', resolve)), closed]);
    }
    if (options.pauseMs) await new Promise((resolve) => setTimeout(resolve, options.pauseMs));
  }
  socket.resume();
  let idle: NodeJS.Timeout | undefined;
  const quiet = new Promise<void>((resolve) => {
    const arm = () => {
      clearTimeout(idle);
      idle = setTimeout(resolve, options.idleMs ?? 1_000);
    };
    arm();
    socket.on('data', arm);
  });
  await Promise.race([closed, quiet]);
  clearTimeout(idle);
  socket.destroy();
  return { received, errors };
}
