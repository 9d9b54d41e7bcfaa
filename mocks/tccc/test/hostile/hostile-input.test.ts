/**
 * The hostile-request corpus (corpus.ts) against the standalone mock on a loopback port:
 * every request gets exactly the answer its surface documents (the TCCC envelope at HTTP 200
 * on the cloud API, a 4xx `{"error"}` on the SDK host and the control plane, a 400/431
 * `{"error"}` from the clientError handler once Node's parser refused malformed HTTP), never
 * a 5xx, never a hang, never an internal error
 * logged; Object.prototype is untouched; and the mock still issues tokens afterwards.
 *
 * The mock listens in this process, so a prototype it polluted would be seen here.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SECRET_KEY } from '../../src/config/index.js';
import { type MockTcccServer, startMockTcccServer } from '../../src/serve/server.js';
import { type RawAnswer, rawRequest } from '../../src/testing/raw-http.js';
import { signedRequest } from '../signed-fetch.js';
import { HOSTILE_REQUESTS, type HostileRequest } from './corpus.js';

/**
 * Bad input is refused at once (milliseconds); anything slower than this is a hang. Roomy
 * because one answer once took over 5 s on a 2-core machine at load average 15; still
 * under the 15 s test timeout, so a hang fails as a hang.
 */
const ANSWER_TIMEOUT_MS = 10_000;

let server: MockTcccServer;
const consoleError = vi.spyOn(console, 'error');
const prototypeBefore = Object.getOwnPropertyNames(Object.prototype).sort();

beforeAll(async () => {
  server = await startMockTcccServer();
});
afterAll(async () => {
  await server?.close();
  consoleError.mockRestore();
});
beforeEach(() => server.mock.reset());
afterEach(() => {
  // The mock logs only unexpected errors (its bugs); hostile input must not cause one.
  expect(consoleError).not.toHaveBeenCalled();
});

/** Logs a fake SDK in, as the script would, and returns its bearer credential. */
async function sdkCredential(): Promise<string> {
  const { token } = server.mock.issueToken({ seatUserId: 'agent@example.com', origin: server.url });
  const response = await fetch(`${server.url}/sdk/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { credential: string }).credential;
}

async function send(request: HostileRequest): Promise<RawAnswer> {
  const headers: Record<string, string> = { ...request.headers };
  if (request.sdkSession) headers.authorization = `Bearer ${await sdkCredential()}`;
  if (request.path.startsWith('/__tccc') && request.controlToken !== 'none') {
    headers['x-tccc-control-token'] =
      request.controlToken === 'wrong' ? 'not-the-control-token' : server.controlToken;
  }
  const body = request.body ?? '';
  if (request.raw) {
    const lines = [`${request.method} ${request.path} HTTP/1.1`, `Host: 127.0.0.1:${server.port}`];
    for (const [name, value] of Object.entries(headers)) lines.push(`${name}: ${value}`);
    if (!('content-length' in headers || 'transfer-encoding' in headers) && body.length > 0) {
      lines.push(`Content-Length: ${Buffer.byteLength(body)}`);
    }
    return rawRequest(server.port, lines.join('\r\n'), body, ANSWER_TIMEOUT_MS);
  }
  const { 'content-type': contentType = 'application/json', ...rest } = headers;
  const fetchRequest = request.signed
    ? signedRequest(`${server.url}${request.path}`, {
        body: typeof body === 'string' ? body : new Uint8Array(body),
        contentType,
        headers: rest,
      })
    : new Request(`${server.url}${request.path}`, {
        method: request.method,
        headers,
        ...(request.body === undefined
          ? {}
          : { body: typeof body === 'string' ? body : new Uint8Array(body) }),
      });
  if (request.rewriteAuthorization) {
    const header = fetchRequest.headers.get('authorization') ?? '';
    fetchRequest.headers.set('authorization', request.rewriteAuthorization(header));
  }
  const response = await fetch(fetchRequest, { signal: AbortSignal.timeout(ANSWER_TIMEOUT_MS) });
  return {
    status: response.status,
    headers: Object.fromEntries(response.headers),
    body: await response.text(),
  };
}

function expectAnswer(request: HostileRequest, answer: RawAnswer) {
  const expected = request.expect;
  expect(answer.status, answer.body.slice(0, 300)).toBeLessThan(500);
  switch (expected.kind) {
    case 'envelope':
    case 'issued': {
      expect(answer.status).toBe(200);
      expect(answer.headers['content-type']).toBe('application/json');
      const { Response } = JSON.parse(answer.body) as {
        Response: { Error?: { Code: string; Message: string }; RequestId: string; SdkURL?: string };
      };
      expect(Response.RequestId).toMatch(/^[0-9a-f-]{36}$/);
      if (expected.kind === 'envelope') {
        expect(Response.Error?.Code, Response.Error?.Message.slice(0, 200)).toBe(expected.code);
        expect(Response.Error?.Message).toEqual(expect.any(String));
      } else {
        expect(Response.Error?.Code).toBeUndefined();
        expect(Response.SdkURL).toMatch(/\/sdk\/tccc\.js\?token=[0-9a-f]{32}$/);
      }
      break;
    }
    case 'error':
    case 'parser': {
      expect(answer.headers['content-type']).toMatch(/^application\/json/);
      const body = JSON.parse(answer.body) as { error: { code: string; message: string } };
      expect([answer.status, body.error.code], body.error.message.slice(0, 200)).toEqual([
        expected.status,
        expected.code,
      ]);
      expect(body.error.message).toEqual(expect.any(String));
      if (expected.kind === 'parser') {
        // Refused before the app ran: the connection ends, nothing of the request is echoed.
        expect(answer.headers.connection).toBe('close');
        for (const value of Object.values(request.headers ?? {})) {
          if (value.length > 3) expect(answer.body).not.toContain(value);
        }
      }
      break;
    }
    case 'script':
      expect(answer.status).toBe(200);
      expect(answer.headers['content-type']).toMatch(/^text\/javascript/);
      // The script is static: nothing from the query is reflected into it.
      expect(answer.body).not.toContain('__proto__[x]');
      break;
  }
  if (expected.kind !== 'script') {
    // Errors quote at most 64 characters of what was sent: 500 KB in is never 500 KB out.
    expect(answer.body.length, answer.body.slice(0, 300)).toBeLessThan(1_024);
  }
  expect(answer.body).not.toContain(DEFAULT_SECRET_KEY);
  expect(answer.body).not.toMatch(/root:x:0:0|"name": "@tccc-kit/);
}

for (const [family, requests] of Object.entries(HOSTILE_REQUESTS)) {
  describe(family, () => {
    it.each(requests.map((request) => [request.name, request] as const))(
      '%s',
      async (_name, request) => {
        expectAnswer(request, await send(request));
      },
    );
  });
}

describe('after the whole corpus', () => {
  it('left Object.prototype untouched', () => {
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeBefore);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('still issues a token for a good signed request, and its SDK logs in', async () => {
    const response = await fetch(
      signedRequest(server.url, {
        body: JSON.stringify({ SdkAppId: 1400000000, SeatUserId: 'agent@example.com' }),
      }),
    );
    const { Response } = (await response.json()) as { Response: { SdkURL: string } };
    const token = new URL(Response.SdkURL).searchParams.get('token');
    const login = await fetch(`${server.url}/sdk/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token }),
    });
    expect(login.status).toBe(200);
  });

  it('still answers its control plane', async () => {
    const clock = await fetch(`${server.url}/__tccc/clock`, {
      headers: { 'x-tccc-control-token': server.controlToken },
    });
    expect(clock.status).toBe(200);
    expect(((await clock.json()) as { now: string }).now).toMatch(/^\d{4}-\d\d-\d\dT/);
  });
});
