/**
 * Graceful shutdown against a real loopback server (the production Node server of
 * http/node-server.ts) with keep-alive connections and requests in flight.
 */
import { Agent, request as httpRequest } from 'node:http';
import { Hono } from 'hono';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createNodeServer, listenOn, type NodeServer } from './http/node-server.js';
import { silentLogger } from './log/logger.js';
import { createShutdown } from './shutdown.js';

const started: NodeServer[] = [];
const agents: Agent[] = [];
afterEach(() => {
  for (const { server } of started.splice(0)) server.closeAllConnections();
  for (const agent of agents.splice(0)) agent.destroy();
});

/**
 * A server with GET /slow (held until `release()`) and GET /fast. Idle connections are
 * closed after `idleGraceMs` once draining (production: the keep-alive timeout, 5 s).
 */
async function slowServer(idleGraceMs?: number) {
  let release: () => void = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  let entered: () => void = () => {};
  const inFlight = new Promise<void>((resolve) => {
    entered = resolve;
  });
  const app = new Hono()
    .get('/slow', async (c) => {
      entered();
      await released;
      return c.text('finished');
    })
    .get('/fast', (c) => c.text('fast'));
  const node = createNodeServer(app.fetch, idleGraceMs === undefined ? {} : { idleGraceMs });
  started.push(node);
  const port = await listenOn(node.server, 0, '127.0.0.1');
  return { ...node, url: `http://127.0.0.1:${port}`, release, inFlight };
}

/** A keep-alive client with one connection, so requests reuse it. */
function keepAliveClient() {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  agents.push(agent);
  return (url: string) =>
    new Promise<{ status: number; connection: string | undefined; body: string }>(
      (resolve, reject) => {
        const request = httpRequest(url, { agent }, (response) => {
          let body = '';
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => {
            body += chunk;
          });
          response.on('end', () =>
            resolve({
              status: response.statusCode ?? 0,
              connection: response.headers.connection,
              body,
            }),
          );
        });
        request.on('error', reject);
        request.end();
      },
    );
}

describe('createShutdown', () => {
  it('turns readiness first, finishes the request in flight with Connection: close, then runs cleanups and exits 0', async () => {
    const { server, connections, url, release, inFlight } = await slowServer();
    const events: string[] = [];
    const shutdown = createShutdown({
      server,
      connections,
      cleanups: [() => void events.push('mock closed')],
      onDrain: () => events.push('not ready'),
      timeoutMs: 60_000,
      logger: silentLogger,
      exit: (code) => events.push(`exit ${code}`),
      setTimer: () => undefined,
    });

    const get = keepAliveClient();
    const pending = get(`${url}/slow`);
    await inFlight;
    const done = shutdown('SIGTERM');
    expect(events).toEqual(['not ready']);
    await expect(fetch(`${url}/fast`)).rejects.toThrow(); // no new connections

    release();
    expect(await pending).toEqual({ status: 200, connection: 'close', body: 'finished' });
    await done;
    expect(events).toEqual(['not ready', 'mock closed', 'exit 0']);
  });

  it('refuses a new request on a kept-alive connection cleanly: 503 shutting_down, Connection: close', async () => {
    const { server, connections, url, release, inFlight } = await slowServer();
    const exits: number[] = [];
    const shutdown = createShutdown({
      server,
      connections,
      cleanups: [],
      timeoutMs: 60_000,
      logger: silentLogger,
      exit: (code) => exits.push(code),
      setTimer: () => undefined,
    });
    const client = keepAliveClient();
    expect((await client(`${url}/fast`)).connection).toBe('keep-alive');
    // Another connection stays busy, so the server is still draining.
    const slow = fetch(`${url}/slow`);
    await inFlight;

    void shutdown('SIGTERM');
    const refused = await client(`${url}/fast`); // on the kept-alive connection
    expect([refused.status, refused.connection]).toEqual([503, 'close']);
    expect(JSON.parse(refused.body)).toMatchObject({ status: 503, code: 'shutting_down' });
    release();
    expect((await slow).status).toBe(200);
    await vi.waitFor(() => expect(exits).toEqual([0]));
  });

  it('closes idle keep-alive connections, so the drain ends without waiting for them', async () => {
    const { server, connections, url } = await slowServer(50);
    const exits: number[] = [];
    const shutdown = createShutdown({
      server,
      connections,
      cleanups: [],
      timeoutMs: 60_000,
      logger: silentLogger,
      exit: (code) => exits.push(code),
      setTimer: () => undefined,
    });
    const client = keepAliveClient();
    await client(`${url}/fast`);
    expect(connections.stats()).toEqual({ open: 1, busy: 0 });
    await shutdown('SIGTERM');
    expect(exits).toEqual([0]);
    expect(connections.stats().open).toBe(0);
  });

  it('keeps serving for delayMs with readiness already turned, then drains', async () => {
    const { server, connections, url } = await slowServer(50);
    let ready = true;
    const exits: number[] = [];
    const shutdown = createShutdown({
      server,
      connections,
      cleanups: [],
      onDrain: () => {
        ready = false;
      },
      delayMs: 300,
      timeoutMs: 60_000,
      logger: silentLogger,
      exit: (code) => exits.push(code),
    });
    const done = shutdown('SIGTERM');
    expect(ready).toBe(false);
    const during = await fetch(`${url}/fast`);
    expect([during.status, await during.text()]).toEqual([200, 'fast']);
    await done;
    expect(exits).toEqual([0]);
  });

  it('cuts remaining connections and exits 1 when draining outlasts the timeout', async () => {
    const { server, connections, url, inFlight } = await slowServer();
    let fireTimeout: () => void = () => {};
    const exits: number[] = [];
    const shutdown = createShutdown({
      server,
      connections,
      cleanups: [],
      timeoutMs: 5_000,
      logger: silentLogger,
      exit: (code) => exits.push(code),
      setTimer: (fn, ms) => {
        expect(ms).toBe(5_000);
        fireTimeout = fn;
      },
    });
    const pending = fetch(`${url}/slow`);
    await inFlight;
    void shutdown('SIGTERM');
    fireTimeout();
    expect(exits).toEqual([1]);
    await expect(pending).rejects.toThrow();
  });

  it('forces the exit on a second signal', async () => {
    const { server, connections, url, inFlight } = await slowServer();
    const exits: number[] = [];
    const shutdown = createShutdown({
      server,
      connections,
      cleanups: [],
      timeoutMs: 60_000,
      logger: silentLogger,
      exit: (code) => exits.push(code),
      setTimer: () => undefined,
    });
    const pending = fetch(`${url}/slow`).catch(() => 'cut');
    await inFlight;
    void shutdown('SIGTERM');
    void shutdown('SIGINT');
    expect(exits).toEqual([1]);
    expect(await pending).toBe('cut');
  });
});
