/**
 * The hostile-request corpus (hostile-corpus.ts) against the real server on a loopback
 * port: every request gets the answer its route documents (a 4xx problem+json from the app,
 * or, for malformed HTTP, a 400/431 problem+json from the clientError handler once Node's
 * parser refused the bytes), never a 5xx and never a
 * hang; Object.prototype is untouched; and a good sign-in and SDK URL work afterwards.
 *
 * The server listens in this process, so a prototype polluted by the server would be seen
 * here.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { MockTcccServer } from '@tccc-kit/mock-tccc';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { locateWebDist } from '../../src/web/locate.js';
import {
  AGENT,
  buildApp,
  type FakeClock,
  PASSWORD,
  sessionCookie,
  startMock,
  tokenClientFor,
} from '../harness.js';
import { HOSTILE_REQUESTS, type HostileRequest } from './hostile-corpus.js';
import { type Listening, listen, type RawAnswer, rawRequest } from './loopback.js';

/**
 * No request may take longer than this: the server answers bad input at once (milliseconds).
 * Roomy for a loaded 2-core CI machine (the mock's twin of this suite once saw an answer
 * take over 5 s at load average 15); under the 15 s test timeout, so a hang fails as one.
 */
const ANSWER_TIMEOUT_MS = 10_000;

const webDistDir = locateWebDist(undefined);
let mock: MockTcccServer;
let server: Listening;
let clock: FakeClock;
let cookie: string;
let logLines: string[];
const prototypeBefore = Object.getOwnPropertyNames(Object.prototype).sort();

beforeAll(async () => {
  if (!existsSync(join(webDistDir, 'index.html'))) {
    throw new Error(
      `The web app is not built (${webDistDir}); run \`pnpm --filter @tccc-kit/web build\`.`,
    );
  }
  mock = await startMock();
  const built = buildApp({
    issuer: tokenClientFor(mock),
    webDistDir,
    sdkUrlRateLimitPerMinute: 1_000,
  });
  clock = built.clock;
  logLines = built.logLines;
  server = await listen(built.app.fetch);
  cookie = await signInOverHttp();
});
afterAll(async () => {
  await server?.close();
  await mock?.close();
});

async function signInOverHttp(): Promise<string> {
  const response = await fetch(`${server.url}/api/session`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      origin: server.url,
      'sec-fetch-site': 'same-origin',
    },
    body: JSON.stringify({ email: AGENT, password: PASSWORD }),
    signal: AbortSignal.timeout(ANSWER_TIMEOUT_MS),
  });
  expect(response.status).toBe(200);
  return sessionCookie(response);
}

function headersOf(request: HostileRequest): Record<string, string> {
  const given = Object.entries(request.headers ?? {}).map(([name, value]) => [
    name,
    value.replaceAll('{PORT}', String(server.port)),
  ]);
  return {
    ...(request.sameOrigin === false
      ? {}
      : { origin: server.url, 'sec-fetch-site': 'same-origin' }),
    ...(request.signedIn ? { cookie } : {}),
    ...Object.fromEntries(given),
  };
}

async function send(request: HostileRequest): Promise<RawAnswer> {
  const headers = headersOf(request);
  if (request.raw) {
    const body = request.body ?? '';
    const lines = [`${request.method} ${request.path} HTTP/1.1`];
    const hostGiven = Object.keys(headers).some((name) => name.toLowerCase() === 'host');
    if (!request.omitHost && !hostGiven) lines.push(`Host: 127.0.0.1:${server.port}`);
    for (const [name, value] of Object.entries(headers)) lines.push(`${name}: ${value}`);
    const framed = Object.keys(headers).some((name) =>
      ['content-length', 'transfer-encoding'].includes(name.toLowerCase()),
    );
    if (!framed && body.length > 0) lines.push(`Content-Length: ${Buffer.byteLength(body)}`);
    return rawRequest(server.port, lines.join('\r\n'), body, ANSWER_TIMEOUT_MS);
  }
  const response = await fetch(`${server.url}${request.path}`, {
    method: request.method,
    headers,
    ...(request.body === undefined ? {} : { body: request.body }),
    signal: AbortSignal.timeout(ANSWER_TIMEOUT_MS),
  });
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
    case 'problem':
    case 'parser': {
      expect(answer.headers['content-type']).toBe('application/problem+json');
      const problem = JSON.parse(answer.body) as Record<string, unknown>;
      expect([answer.status, problem.status, problem.code]).toEqual([
        expected.status,
        expected.status,
        expected.code,
      ]);
      expect(typeof problem.detail).toBe('string');
      expect(problem.type).toBe(`urn:tccc-kit:problem:${expected.code.replaceAll('_', '-')}`);
      if (expected.kind === 'parser') {
        // Refused before the app ran: the connection ends, nothing of the request is echoed.
        expect(answer.headers.connection).toBe('close');
        for (const value of Object.values(request.headers ?? {})) {
          if (value.length > 3) expect(answer.body).not.toContain(value);
        }
      } else {
        // Nothing the client sent makes it into response headers.
        expect(answer.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
      }
      break;
    }
    case 'index':
      expect(answer.status).toBe(200);
      expect(answer.headers['content-type']).toMatch(/^text\/html/);
      expect(answer.body).toContain('<meta property="csp-nonce"');
      expect(answer.body).not.toContain('__CSP_NONCE__');
      break;
    case 'ok':
      expect(answer.status).toBe(expected.status);
      break;
  }
  // Never a file from outside the dist folder.
  expect(answer.body).not.toMatch(/root:x:0:0|"name": "@tccc-kit|"devDependencies"/);
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
  it("logged no error: every request above was the client's mistake", () => {
    const errors = logLines.filter((line) => JSON.parse(line).level === 'error');
    expect(errors).toEqual([]);
  });

  it('ends a session on sign-out: the replayed cookie reads nothing and mints nothing', async () => {
    clock.advance(60_000);
    const session = await signInOverHttp();
    const browser = { origin: server.url, 'sec-fetch-site': 'same-origin' };
    const signOut = await fetch(`${server.url}/api/session`, {
      method: 'DELETE',
      headers: { ...browser, cookie: session },
    });
    expect(signOut.status).toBe(204);
    const read = await fetch(`${server.url}/api/session`, { headers: { cookie: session } });
    expect(await read.json()).toEqual({ email: null });
    const mint = await fetch(`${server.url}/api/tccc/sdk-url`, {
      method: 'POST',
      headers: { ...browser, cookie: session },
    });
    expect([mint.status, ((await mint.json()) as { code: string }).code]).toEqual([
      401,
      'not_signed_in',
    ]);
  });

  it('left Object.prototype untouched', () => {
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeBefore);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype.toString.call({})).toBe('[object Object]');
  });

  it('still signs in and issues an SDK URL for the session seat', async () => {
    clock.advance(60_000); // past the sign-in limiter's window, whatever the corpus spent
    const fresh = await signInOverHttp();
    const response = await fetch(`${server.url}/api/tccc/sdk-url`, {
      method: 'POST',
      headers: { cookie: fresh, origin: server.url, 'sec-fetch-site': 'same-origin' },
      signal: AbortSignal.timeout(ANSWER_TIMEOUT_MS),
    });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { sdkUrl: string }).sdkUrl).toContain('/sdk/tccc.js?token=');
    // Every SDK URL, including those the corpus got with hostile bodies, went to the
    // session's seat, never to one named in a body.
    const seats = new Set(mock.mock.tokens().map((token) => token.seatUserId));
    expect([...seats]).toEqual([AGENT]);
  });

  it('serves the console and answers health checks', async () => {
    const page = await fetch(`${server.url}/`, { signal: AbortSignal.timeout(ANSWER_TIMEOUT_MS) });
    expect(page.status).toBe(200);
    const health = await fetch(`${server.url}/healthz`);
    expect(await health.json()).toEqual({ status: 'ok' });
  });
});
