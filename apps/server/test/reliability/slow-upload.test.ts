/**
 * Oversize uploads against the real server on loopback: a client that writes its whole
 * body before reading (curl -T, many SDKs) still reads the 413, instead of EPIPE or a reset
 * (the server drains what it will not use); and one that asks `Expect: 100-continue` is
 * refused before any `100 Continue`, so it never sends the body at all.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_BODY_LIMIT_BYTES } from '../../src/app.js';
import { buildApp, PASSWORD } from '../harness.js';
import { type Listening, listen, uploadThenRead } from './loopback.js';

let server: Listening;
beforeAll(async () => {
  server = await listen(buildApp().app.fetch);
});
afterAll(() => server?.close());

const BODY = Buffer.alloc(2 * 1024 * 1024, 0x20);
const head = (framing: string, extra = '') =>
  `POST /api/session HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nContent-Type: application/json\r\n${framing}\r\n${extra}\r\n`;

/** Every HTTP status line in `raw`, in order. */
const statuses = (raw: string) => [...raw.matchAll(/HTTP\/1\.1 (\d{3})/g)].map((m) => Number(m[1]));

describe('oversize uploads', () => {
  it('a slow 2 MB upload written in full before reading gets its 413 problem, and the connection serves the next request', async () => {
    const next = `GET /healthz HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nConnection: close\r\n\r\n`;
    const { received, errors } = await uploadThenRead(
      server.port,
      head(`Content-Length: ${BODY.length}`),
      Buffer.concat([BODY, Buffer.from(next)]),
      { pauseMs: 20 }, // about 650 ms in all: longer than a server that gives up at once
    );
    expect(errors).toEqual([]);
    expect(statuses(received)).toEqual([413, 200]);
    expect(received).toContain('"code":"payload_too_large"');
  });

  it('a slow 2 MB chunked upload written in full before reading gets its 413 too', async () => {
    const chunks = [];
    for (let at = 0; at < BODY.length; at += 65_536) {
      chunks.push(Buffer.from('10000\r\n'), BODY.subarray(at, at + 65_536), Buffer.from('\r\n'));
    }
    chunks.push(Buffer.from('0\r\n\r\n'));
    const { received, errors } = await uploadThenRead(
      server.port,
      head('Transfer-Encoding: chunked', 'Connection: close\r\n'),
      Buffer.concat(chunks),
      { pauseMs: 20 },
    );
    expect(errors).toEqual([]);
    expect(statuses(received)).toEqual([413]);
  });

  it('Expect: 100-continue with an oversize Content-Length is refused before 100 Continue', async () => {
    const { received, errors } = await uploadThenRead(
      server.port,
      head(`Content-Length: ${10 * 1024 * 1024}`, 'Expect: 100-continue\r\n'),
      Buffer.alloc(0),
    );
    expect(errors).toEqual([]);
    expect(statuses(received)).toEqual([413]);
    expect(received).toMatch(/\r\nConnection: close\r\n/i);
  });

  it('Expect: 100-continue within the limit gets 100 Continue, then the answer', async () => {
    const body = JSON.stringify({ email: 'agent@example.com', password: PASSWORD });
    expect(body.length).toBeLessThan(API_BODY_LIMIT_BYTES);
    const socketAnswer = await uploadThenRead(
      server.port,
      head(`Content-Length: ${body.length}`, 'Expect: 100-continue\r\nConnection: close\r\n'),
      Buffer.from(body),
    );
    expect(statuses(socketAnswer.received)).toEqual([100, 200]);
  });
});
