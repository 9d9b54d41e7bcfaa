/**
 * The cross-cutting behaviour of createApp: security headers, same-origin checks, request
 * ids and logs, body limit, 404/405/500 problems, health.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AGENT,
  browserHeaders,
  buildApp,
  ORIGIN,
  PASSWORD,
  problemOf,
  signIn,
} from '../test/harness.js';
import { API_BODY_LIMIT_BYTES } from './app.js';
import { API_CSP } from './security/csp.js';

const signInInit = (headers: Record<string, string>) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify({ email: AGENT, password: PASSWORD }),
});

describe('cross-site requests', () => {
  it.each([
    ['another Origin', { origin: 'https://evil.example' }],
    ['Origin null (sandboxed frame)', { origin: 'null' }],
    ['Sec-Fetch-Site cross-site', { 'sec-fetch-site': 'cross-site' }],
    [
      'Sec-Fetch-Site same-site (a sibling subdomain)',
      { 'sec-fetch-site': 'same-site', origin: ORIGIN },
    ],
  ])(
    'refuses %s with 403 cross_site_request on every state-changing route',
    async (_name, headers) => {
      const { app } = buildApp();
      const cookie = await signIn(app);
      for (const [method, path] of [
        ['POST', '/api/session'],
        ['DELETE', '/api/session'],
        ['POST', '/api/tccc/sdk-url'],
      ] as const) {
        const response = await app.request(`${ORIGIN}${path}`, {
          ...signInInit({ ...headers, cookie }),
          method,
        });
        const body = await problemOf(response);
        expect([method, path, body.status, body.code]).toEqual([
          method,
          path,
          403,
          'cross_site_request',
        ]);
      }
    },
  );

  it('accepts same-origin browsers and clients that send neither header (curl)', async () => {
    const { app } = buildApp();
    expect((await app.request(`${ORIGIN}/api/session`, signInInit(browserHeaders()))).status).toBe(
      200,
    );
    expect((await app.request(`${ORIGIN}/api/session`, signInInit({}))).status).toBe(200);
  });

  it('compares against PUBLIC_ORIGIN behind a proxy that rewrites Host', async () => {
    const { app } = buildApp({ publicOrigin: 'https://agents.example.com' });
    const internal = 'http://10.0.0.5:8787/api/session';
    expect(
      (await app.request(internal, signInInit({ origin: 'https://agents.example.com' }))).status,
    ).toBe(200);
    expect(
      (await app.request(internal, signInInit({ origin: 'http://10.0.0.5:8787' }))).status,
    ).toBe(403);
  });

  it.each([
    ['a DNS-rebinding host', 'http://evil.example:8787'],
    ['a LAN address', 'http://192.168.1.20:8787'],
    ['a loopback-looking name', 'http://localhost.evil.example'],
    ['a 127.0.0.2 alias', 'http://127.0.0.2'],
  ])('without PUBLIC_ORIGIN refuses %s even when Host and Origin agree', async (_name, origin) => {
    const { app } = buildApp();
    const response = await app.request(
      `${origin}/api/session`,
      signInInit({ origin, 'sec-fetch-site': 'same-origin' }),
    );
    const body = await problemOf(response);
    expect([body.status, body.code]).toEqual([403, 'cross_site_request']);
    expect(body.detail).toContain('PUBLIC_ORIGIN');
  });

  it.each(['http://localhost', 'http://127.0.0.1', 'http://[::1]'])(
    'without PUBLIC_ORIGIN accepts the loopback origin %s',
    async (origin) => {
      const { app } = buildApp();
      const response = await app.request(
        `${origin}/api/session`,
        signInInit({ origin, 'sec-fetch-site': 'same-origin' }),
      );
      expect(response.status).toBe(200);
    },
  );

  it('leaves routes outside /api to their own checks (server-to-server callers send no Origin to match)', async () => {
    const { app } = buildApp();
    app.post('/hooks/echo', (c) => c.json({ ok: true }));
    const response = await app.request('http://tccc.example/hooks/echo', {
      method: 'POST',
      headers: { origin: 'https://tccc.example' },
    });
    expect(response.status).toBe(200);
  });

  it('lets safe methods through whatever their Origin', async () => {
    const { app } = buildApp();
    const response = await app.request(`${ORIGIN}/healthz`, {
      headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
    });
    expect(response.status).toBe(200);
  });
});

describe('errors are problem+json', () => {
  it('404 not_found for an unknown API path', async () => {
    const { app } = buildApp();
    const body = await problemOf(await app.request(`${ORIGIN}/api/nope`));
    expect(body).toEqual({
      type: 'urn:tccc-kit:problem:not-found',
      title: 'Not found',
      status: 404,
      detail: 'Nothing at GET /api/nope.',
      code: 'not_found',
    });
  });

  it('405 method_not_allowed with Allow for a known path', async () => {
    const { app } = buildApp();
    const response = await app.request(`${ORIGIN}/api/session`, {
      method: 'PUT',
      headers: browserHeaders(),
    });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST, GET, HEAD, DELETE');
    expect((await problemOf(response)).code).toBe('method_not_allowed');
    const sdkUrl = await app.request(`${ORIGIN}/api/tccc/sdk-url`);
    expect([sdkUrl.status, sdkUrl.headers.get('allow')]).toEqual([405, 'POST']);
  });

  it('413 payload_too_large over the body limit, before the JSON is parsed', async () => {
    const { app } = buildApp();
    const big = JSON.stringify({ email: AGENT, password: 'x'.repeat(API_BODY_LIMIT_BYTES) });
    const response = await app.request(
      `${ORIGIN}/api/session`,
      signInInit({ ...browserHeaders(), 'content-length': String(big.length) }),
    );
    const body = await problemOf(response);
    expect([body.status, body.code]).toEqual([413, 'payload_too_large']);
  });

  it('413 also for a streamed body without Content-Length', async () => {
    const { app } = buildApp();
    const chunk = new TextEncoder().encode('x'.repeat(4096));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 8) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const response = await app.request(`${ORIGIN}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect((await problemOf(response)).status).toBe(413);
  });

  it('500 internal_error without details for an unexpected failure, logged with the request id', async () => {
    const { app, logLines } = buildApp({
      readiness: {
        check: () => {
          throw new Error('database password is hunter2hunter2 at /srv/app.js:12');
        },
      },
    });
    const response = await app.request(`${ORIGIN}/readyz`);
    const text = await response.text();
    expect(response.status).toBe(500);
    const requestId = response.headers.get('x-request-id') ?? '';
    expect(JSON.parse(text)).toEqual({
      type: 'urn:tccc-kit:problem:internal-error',
      title: 'Internal server error',
      status: 500,
      detail: `Internal server error. Quote request id ${requestId} to the operator.`,
      code: 'internal_error',
    });
    expect(text).not.toMatch(/hunter2|srv|stack/);
    const logged = logLines.map((line) => JSON.parse(line)).find((line) => line.level === 'error');
    expect(logged).toMatchObject({
      msg: 'unhandled error',
      requestId,
      err: { message: expect.stringContaining('database password') },
    });
  });
});

describe('request ids and access logs', () => {
  it('gives every response an X-Request-Id, keeping a well-formed incoming one', async () => {
    const { app } = buildApp();
    const fresh = await app.request(`${ORIGIN}/healthz`);
    expect(fresh.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const given = await app.request(`${ORIGIN}/healthz`, {
      headers: { 'x-request-id': 'lb-1234' },
    });
    expect(given.headers.get('x-request-id')).toBe('lb-1234');
  });

  it.each([
    ['over 64 characters', 'a'.repeat(65)],
    ['with spaces', 'lb 1234'],
    ['with markup', '<script>alert(1)</script>'],
    ['with a quote', 'lb-"1234'],
    ['starting with a dash', '-lb-1234'],
    ['non-ASCII', 'lb-1234-\u00e9'],
  ])(
    'replaces an X-Request-Id %s with a fresh UUID, in the answer and the log',
    async (_name, given) => {
      const { app, logLines } = buildApp();
      const response = await app.request(`${ORIGIN}/healthz`, {
        headers: { 'x-request-id': given },
      });
      const id = response.headers.get('x-request-id');
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(JSON.parse(logLines.at(-1) ?? '{}').requestId).toBe(id);
    },
  );

  it('keeps the usual forms of an incoming request id (UUID, nginx $request_id, trace ids)', async () => {
    const { app } = buildApp();
    for (const given of [
      '7f3c2a0e-5b1d-4c8e-9f6a-1d2e3f4a5b6c',
      '0123456789abcdef0123456789abcdef',
      'Root-1-67891233-abcdef012345678912345678',
      'svc.gateway:42_x',
    ]) {
      const response = await app.request(`${ORIGIN}/healthz`, {
        headers: { 'x-request-id': given },
      });
      expect(response.headers.get('x-request-id')).toBe(given);
    }
  });

  it('logs one line per request with method, path, status, duration and request id', async () => {
    const { app, logLines, clock } = buildApp({
      readiness: {
        check: async () => {
          clock.advance(12);
          return undefined;
        },
      },
    });
    const response = await app.request(`${ORIGIN}/readyz?probe=1`);
    const lines = logLines.map((line) => JSON.parse(line));
    expect(lines).toEqual([
      {
        time: expect.any(String),
        level: 'info',
        msg: 'request',
        method: 'GET',
        path: '/readyz',
        status: 200,
        ms: 12,
        requestId: response.headers.get('x-request-id'),
      },
    ]);
  });
});

describe('security headers', () => {
  let dist: string;
  beforeAll(async () => {
    dist = await mkdtemp(join(tmpdir(), 'tccc-csp-dist-'));
    await writeFile(join(dist, 'index.html'), '<!doctype html><title>console</title>');
    await writeFile(join(dist, 'app.js'), 'console.log("console");');
  });
  afterAll(() => rm(dist, { recursive: true, force: true }));

  const hardening = (response: Response) => [
    response.headers.get('x-content-type-options'),
    response.headers.get('x-frame-options'),
    response.headers.get('cross-origin-resource-policy'),
    response.headers.get('referrer-policy'),
    response.headers.get('permissions-policy'),
  ];
  const HARDENING = [
    'nosniff',
    'DENY',
    'same-origin',
    'strict-origin-when-cross-origin',
    'microphone=(self), camera=(self), geolocation=()',
  ];

  it('gives the console page a CSP with a fresh nonce per request and the SDK origins, plus the usual hardening headers', async () => {
    const { app } = buildApp({
      cspSdkSources: ['http://127.0.0.1:4000', 'ws://127.0.0.1:4000'],
      webDistDir: dist,
    });
    const first = await app.request(`${ORIGIN}/`);
    const second = await app.request(`${ORIGIN}/`);
    const csp = first.headers.get('content-security-policy') ?? '';
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(second.headers.get('content-security-policy')).not.toContain(nonce);
    expect(csp).toContain(`script-src 'self' 'nonce-${nonce}' http://127.0.0.1:4000;`);
    expect(csp).toContain(`style-src 'self' 'nonce-${nonce}' http://127.0.0.1:4000;`);
    expect(csp).toContain("connect-src 'self' http://127.0.0.1:4000 ws://127.0.0.1:4000;");
    expect(csp).toContain("object-src 'none'; base-uri 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(hardening(first)).toEqual(HARDENING);
  });

  it('gives JSON answers (API, health, problems) the strict API policy, without a nonce', async () => {
    const { app } = buildApp({ webDistDir: dist });
    const cookie = await signIn(app);
    for (const response of [
      await app.request(`${ORIGIN}/healthz`),
      await app.request(`${ORIGIN}/api/session`, { headers: { cookie } }),
      await app.request(`${ORIGIN}/api/nope`),
      await app.request(`${ORIGIN}/api/tccc/sdk-url`, { method: 'POST' }),
    ]) {
      expect(response.headers.get('content-type')).toMatch(/^application\/(problem\+)?json/);
      expect(response.headers.get('content-security-policy')).toBe(API_CSP);
      expect(hardening(response)).toEqual(HARDENING);
    }
  });

  it('gives other files the console policy without a nonce', async () => {
    const { app } = buildApp({ cspSdkSources: ['http://127.0.0.1:4000'], webDistDir: dist });
    const script = await app.request(`${ORIGIN}/app.js`);
    expect(script.status).toBe(200);
    const csp = script.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self' http://127.0.0.1:4000;");
    expect(csp).not.toContain('nonce');
    expect(hardening(script)).toEqual(HARDENING);
  });
});

describe('health', () => {
  it('GET /healthz is 200 while the process answers', async () => {
    const { app } = buildApp({ readiness: { check: async () => 'TCCC down' } });
    const response = await app.request(`${ORIGIN}/healthz`);
    expect([response.status, await response.json()]).toEqual([200, { status: 'ok' }]);
  });

  it('GET /readyz is 200 when ready and 503 not_ready with the reason otherwise', async () => {
    let reason: string | undefined;
    const { app } = buildApp({ readiness: { check: async () => reason } });
    expect((await app.request(`${ORIGIN}/readyz`)).status).toBe(200);
    reason = 'The embedded mock TCCC does not answer.';
    const body = await problemOf(await app.request(`${ORIGIN}/readyz`));
    expect([body.status, body.code, body.detail]).toEqual([503, 'not_ready', reason]);
  });

  it('GET /readyz carries the readiness details either way, and a 503 there logs no error', async () => {
    let reason: string | undefined;
    const { app, logLines } = buildApp({
      readiness: {
        check: async () => reason,
        details: () => ({ tccc: reason ? 'unreachable' : 'reachable' }),
      },
    });
    expect(await (await app.request(`${ORIGIN}/readyz`)).json()).toEqual({
      status: 'ready',
      tccc: 'reachable',
    });
    reason = 'TCCC did not answer.';
    expect(await problemOf(await app.request(`${ORIGIN}/readyz`))).toMatchObject({
      code: 'not_ready',
      tccc: 'unreachable',
    });
    expect(logLines.filter((line) => JSON.parse(line).level === 'error')).toEqual([]);
  });
});
