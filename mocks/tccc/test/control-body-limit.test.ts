/**
 * The control plane's 64 KiB body cap on the standalone server: enforced while the body is
 * read, so a chunked body (no Content-Length) that goes past the cap is refused at once, even
 * when its sender never finishes it.
 */
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MAX_CONTROL_BODY_BYTES } from '../src/control/index.js';
import { type MockTcccServer, startMockTcccServer } from '../src/serve/server.js';

let server: MockTcccServer;
beforeAll(async () => {
  server = await startMockTcccServer();
});
afterAll(() => server.close());
beforeEach(() => server.mock.reset());

/** A refusal comes at once; waiting longer than this means the server waited for the body. */
const ANSWER_TIMEOUT_MS = 5_000;

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/**
 * POSTs `chunks` one write at a time (Node sends them chunked when no Content-Length is
 * given) and resolves with the answer. With `finish: false` the body is never ended: an
 * answer can then only come from a server that refused before reading to the end.
 */
function post(
  path: string,
  chunks: string[],
  options: { finish: boolean; headers?: Record<string, string> },
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      request.destroy();
      reject(new Error(`no answer within ${ANSWER_TIMEOUT_MS} ms: the body was not capped`));
    }, ANSWER_TIMEOUT_MS);
    const request = httpRequest(
      `${server.url}${path}`,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-tccc-control-token': server.controlToken,
          ...options.headers,
        },
      },
      (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          body += chunk;
        });
        response.on('end', () => {
          clearTimeout(timer);
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body });
          request.destroy();
        });
        response.on('error', reject);
      },
    );
    request.on('error', () => {}); // the server may stop reading: later writes can fail
    for (const chunk of chunks) request.write(chunk);
    if (options.finish) request.end();
  });
}

/** A JSON body of about `bytes` bytes, in 8 KiB pieces. */
function jsonChunks(fields: Record<string, unknown>, padding: number): string[] {
  const text = JSON.stringify({ ...fields, padding: 'x'.repeat(padding) });
  const chunks: string[] = [];
  for (let at = 0; at < text.length; at += 8 * 1024) chunks.push(text.slice(at, at + 8 * 1024));
  return chunks;
}

function expectTooLarge(answer: Answer) {
  expect(answer.status).toBe(413);
  expect(answer.headers['transfer-encoding']).toBeUndefined();
  expect(answer.headers.connection).toBe('close');
  expect(JSON.parse(answer.body)).toEqual({
    error: {
      code: 'body_too_large',
      message: `The body exceeds ${MAX_CONTROL_BODY_BYTES} bytes; control-plane requests are small JSON objects.`,
    },
  });
}

describe('control-plane body cap', () => {
  it('refuses a chunked body past 64 KiB with 413, without waiting for its end', async () => {
    const chunks = jsonChunks({ target: '*', kind: 'drop' }, MAX_CONTROL_BODY_BYTES + 8 * 1024);
    expectTooLarge(await post('/__tccc/faults', chunks, { finish: false }));
    expect(server.mock.faults()).toEqual([]);
  });

  it('caps the SDK half of the control plane too (/__tccc/calls/inbound)', async () => {
    const chunks = jsonChunks({ seatUserId: 'agent@example.com' }, MAX_CONTROL_BODY_BYTES);
    expectTooLarge(await post('/__tccc/calls/inbound', chunks, { finish: false }));
  });

  it('refuses a Content-Length over 64 KiB before the body is sent', async () => {
    const answer = await post('/__tccc/clock', ['{'], {
      finish: false,
      headers: { 'content-length': String(10 * 1024 * 1024) },
    });
    expectTooLarge(answer);
  });

  it('accepts a chunked body under the cap and reads it whole', async () => {
    const rule = JSON.stringify({ target: '*', kind: 'error', code: 'InternalError', times: 1 });
    const chunks = [rule.slice(0, 10), rule.slice(10)];
    const answer = await post('/__tccc/faults', chunks, { finish: true });
    expect(answer.status).toBe(201);
    expect(JSON.parse(answer.body)).toMatchObject({ target: '*', code: 'InternalError' });
  });
});
