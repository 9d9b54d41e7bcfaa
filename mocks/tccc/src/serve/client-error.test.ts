import { connect } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { rawRequest } from '../testing/raw-http.js';
import { type MockTcccServer, startMockTcccServer } from './server.js';

let mock: MockTcccServer;
beforeAll(async () => {
  mock = await startMockTcccServer();
});
afterAll(() => mock.close());
beforeEach(() => mock.mock.reset());

/** Sends `request` (a whole raw request, ending in a blank line) and parses the answer. */
async function refusal(request: string) {
  const answer = await rawRequest(mock.port, request.replace(/\r\n\r\n$/, ''));
  expect(answer.headers['content-type']).toBe('application/json');
  expect(answer.headers.connection).toBe('close');
  expect(Number(answer.headers['content-length'])).toBe(Buffer.byteLength(answer.body));
  const { error } = JSON.parse(answer.body) as { error: { code: string; message: string } };
  return { status: answer.status, body: answer.body, error };
}

describe('malformed HTTP on the standalone mock', () => {
  it('answers an unknown method with 400 malformed_request in the mock error shape', async () => {
    const answer = await refusal('BREW /__tccc/clock HTTP/1.1\r\nHost: x\r\n\r\n');
    expect(answer.status).toBe(400);
    expect(answer.error.code).toBe('malformed_request');
    expect(answer.error.message).toContain('HPE_INVALID_METHOD');
  });

  it('answers a LF in a header value with 400, echoing nothing of the request', async () => {
    const answer = await refusal(
      'GET /sdk/events HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer cred-123\nX-Admin: 1\r\n\r\n',
    );
    expect([answer.status, answer.error.code]).toEqual([400, 'malformed_request']);
    expect(answer.body).not.toMatch(/cred-123|X-Admin|\/sdk\/events/);
  });

  it('answers a header section over the limit with 431 headers_too_large', async () => {
    const answer = await refusal(
      `POST / HTTP/1.1\r\nHost: x\r\nX-Padding: ${'x'.repeat(20_000)}\r\n\r\n`,
    );
    expect([answer.status, answer.error.code]).toEqual([431, 'headers_too_large']);
    expect(answer.error.message).toContain('16384 bytes');
  });

  it('writes nothing on a connection whose request a hang fault holds, and closes it', async () => {
    mock.mock.addFault({ target: '*', kind: 'hang', times: 1 });
    const socket = connect({ host: '127.0.0.1', port: mock.port });
    let received = '';
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString('latin1');
    });
    socket.on('error', () => {}); // a reset still ends the exchange; the bytes are what count
    const closed = new Promise((resolve) => socket.once('close', resolve));
    socket.write(
      'POST / HTTP/1.1\r\nHost: x\r\nX-TC-Action: CreateSDKLoginToken\r\nContent-Length: 2\r\n\r\n{}',
    );
    await vi.waitFor(() => expect(mock.mock.faults()).toEqual([]), { timeout: 5_000 });
    socket.write('BREW / HTTP/1.1\r\nHost: x\r\n\r\n');
    await closed;
    // A 400 written here would have been read as the answer to the held request.
    expect(received).toBe('');
  });
});
