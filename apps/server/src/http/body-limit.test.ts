import { connect } from 'node:net';
import { type ServerType, serve } from '@hono/node-server';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bodyFraming } from './body-framing.js';
import { bodyLimit } from './body-limit.js';
import { ProblemError, problemResponse } from './problem.js';

const LIMIT = 16;

/** A Hono app with the limit in front of a handler that reports the framing and the body. */
function limitedApp() {
  const app = new Hono();
  app.use(bodyLimit(LIMIT));
  app.post('/', async (c) => {
    const framing = bodyFraming(c).kind;
    return c.json({ framing, body: await c.req.text() });
  });
  app.onError((error, c) => {
    if (error instanceof ProblemError) return problemResponse(c, error.problem);
    throw error;
  });
  return app;
}

describe('bodyLimit over a real HTTP/1.1 socket', () => {
  let server: ServerType;
  let port: number;

  beforeAll(async () => {
    server = serve({ fetch: limitedApp().fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise<void>((resolve) => server.once('listening', resolve));
    port = (server.address() as { port: number }).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  /** Sends `head` (request line and headers) and `body` as written, exactly. */
  function raw(head: string[], body = ''): Promise<{ status: number; body: string }> {
    return new Promise((resolve, reject) => {
      const socket = connect(port, '127.0.0.1');
      let text = '';
      socket.setEncoding('utf8');
      socket.on('data', (chunk: string) => {
        text += chunk;
      });
      socket.on('error', reject);
      socket.on('end', () => {
        const status = Number(text.slice(9, 12));
        resolve({ status, body: text.slice(text.indexOf('\r\n\r\n') + 4) });
      });
      socket.end(
        `${[...head, 'Host: 127.0.0.1', 'Connection: close'].join('\r\n')}\r\n\r\n${body}`,
      );
    });
  }

  const chunked = (...chunks: string[]) =>
    `${chunks.map((chunk) => `${chunk.length.toString(16)}\r\n${chunk}\r\n`).join('')}0\r\n\r\n`;

  it('lets a POST with neither Content-Length nor Transfer-Encoding through as bodiless', async () => {
    const response = await raw(['POST / HTTP/1.1']);
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toEqual({ framing: 'none', body: '' });
  });

  it('refuses a Content-Length over the limit with 413 payload_too_large', async () => {
    const response = await raw(
      ['POST / HTTP/1.1', `Content-Length: ${LIMIT + 1}`],
      'x'.repeat(LIMIT + 1),
    );
    expect(response.status).toBe(413);
    expect(JSON.parse(response.body)).toMatchObject({
      code: 'payload_too_large',
      detail: `Request bodies are limited to ${LIMIT} bytes.`,
    });
  });

  it('passes a body within the limit to the handler intact', async () => {
    const response = await raw(['POST / HTTP/1.1', 'Content-Length: 5'], 'hello');
    expect(JSON.parse(response.body)).toEqual({ framing: 'length', body: 'hello' });
  });

  it('counts a chunked body and refuses it once it passes the limit', async () => {
    const response = await raw(
      ['POST / HTTP/1.1', 'Transfer-Encoding: chunked'],
      chunked('x'.repeat(10), 'y'.repeat(10)),
    );
    expect(response.status).toBe(413);
  });

  it('passes a chunked body within the limit to the handler intact', async () => {
    const response = await raw(
      ['POST / HTTP/1.1', 'Transfer-Encoding: chunked'],
      chunked('hel', 'lo'),
    );
    expect(JSON.parse(response.body)).toEqual({ framing: 'unknown', body: 'hello' });
  });
});

describe('bodyLimit in-process (app.request), where a body needs no length header', () => {
  it('counts a body sent without Content-Length', async () => {
    const app = limitedApp();
    const over = await app.request('/', { method: 'POST', body: 'x'.repeat(LIMIT + 1) });
    expect(over.status).toBe(413);
    const within = await app.request('/', { method: 'POST', body: 'hello' });
    expect(await within.json()).toEqual({ framing: 'unknown', body: 'hello' });
  });

  it('calls Content-Length: 0 bodiless', async () => {
    const app = limitedApp();
    const response = await app.request('/', {
      method: 'POST',
      headers: { 'content-length': '0' },
    });
    expect(await response.json()).toEqual({ framing: 'none', body: '' });
  });
});
