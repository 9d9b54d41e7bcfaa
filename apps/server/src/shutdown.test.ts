/** Graceful shutdown against a real loopback server with a request in flight. */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from './log/logger.js';
import { createShutdown } from './shutdown.js';

const servers: Server[] = [];
afterEach(() => {
  for (const server of servers.splice(0)) server.closeAllConnections();
});

async function slowServer() {
  let release: () => void = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  let entered: () => void = () => {};
  const inFlight = new Promise<void>((resolve) => {
    entered = resolve;
  });
  const app = new Hono().get('/slow', async (c) => {
    entered();
    await released;
    return c.text('finished');
  });
  const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }) as Server;
  await new Promise<void>((resolve) => server.once('listening', resolve));
  servers.push(server);
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { server, url, release, inFlight };
}

describe('createShutdown', () => {
  it('stops accepting, finishes the in-flight request, runs cleanups, then exits 0', async () => {
    const { server, url, release, inFlight } = await slowServer();
    const events: string[] = [];
    const shutdown = createShutdown({
      server,
      cleanups: [() => void events.push('mock closed')],
      onDrain: () => events.push('draining'),
      timeoutMs: 60_000,
      logger: silentLogger,
      exit: (code) => events.push(`exit ${code}`),
      setTimer: () => undefined,
    });

    const pending = fetch(`${url}/slow`).then((response) => response.text());
    await inFlight;
    const done = shutdown('SIGTERM');
    expect(events).toEqual(['draining']);
    await expect(fetch(`${url}/slow`)).rejects.toThrow();

    release();
    expect(await pending).toBe('finished');
    await done;
    expect(events).toEqual(['draining', 'mock closed', 'exit 0']);
  });

  it('cuts remaining connections and exits 1 when draining outlasts the timeout', async () => {
    const { server, url, inFlight } = await slowServer();
    let fireTimeout: () => void = () => {};
    const exits: number[] = [];
    const shutdown = createShutdown({
      server,
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
    const { server, url, inFlight } = await slowServer();
    const exits: number[] = [];
    const shutdown = createShutdown({
      server,
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
