import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertSdkUrl, fetchSdkUrl, TcccLoadError } from './index.js';

const SECRET_URL = 'https://sdk.example.com/tccc-agent-sdk/latest/?token=0123456789abcdef';

describe('assertSdkUrl', () => {
  it.each([
    SECRET_URL,
    'http://localhost:4000/sdk/tccc.js?token=t',
    'http://127.0.0.1:4000/sdk/tccc.js',
    'http://[::1]:4000/sdk/tccc.js',
    'http://localhost?token=t',
    'http://127.0.0.1#t',
  ])('accepts %s', (url) => {
    expect(() => assertSdkUrl(url)).not.toThrow();
  });

  it.each([
    'http://sdk.example.com/?token=0123456789abcdef',
    'http://localhost.example.com/?token=0123456789abcdef',
    'http://localhost:x@evil.example/?token=0123456789abcdef',
    'http://127.0.0.1.evil.example/?token=0123456789abcdef',
    'http://[::1]@evil.example/?token=0123456789abcdef',
    ' https://sdk.example.com/?token=0123456789abcdef',
    'blob:https://sdk.example.com/0123456789abcdef',
    '//sdk.example.com/?token=0123456789abcdef',
    '/sdk/tccc.js?token=0123456789abcdef',
    'javascript:alert(1)//0123456789abcdef',
    'data:text/javascript,0123456789abcdef',
    '',
  ])('refuses %j with reason sdk-url and a message without the URL', (url) => {
    const error = catchError(() => assertSdkUrl(url));
    expect(error).toBeInstanceOf(TcccLoadError);
    expect(error).toMatchObject({ reason: 'sdk-url' });
    expect(error.message).toMatch(/https/);
    expect(error.message).not.toContain('0123456789abcdef');
  });
});

describe('fetchSdkUrl', () => {
  let server: Server;
  let base: string;
  let handle: (req: IncomingMessage, res: ServerResponse) => void;
  const seen: (string | undefined)[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      seen.push(req.method);
      handle(req, res);
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.close();
  });

  const reply = (status: number, type: string, body: string) => {
    handle = (_req, res) => res.writeHead(status, { 'content-type': type }).end(body);
  };

  it('POSTs to the endpoint and returns sdkUrl', async () => {
    reply(200, 'application/json', JSON.stringify({ sdkUrl: SECRET_URL, expiresAt: 'x' }));
    seen.length = 0;
    await expect(fetchSdkUrl({ endpoint: `${base}/api/tccc/sdk-url` })()).resolves.toBe(SECRET_URL);
    expect(seen).toEqual(['POST']);
  });

  it('returns a function that fetches a fresh URL on every call', async () => {
    let n = 0;
    handle = (_req, res) => res.end(JSON.stringify({ sdkUrl: `https://sdk.example.com/${++n}` }));
    const sdkUrl = fetchSdkUrl({ endpoint: base });
    expect([await sdkUrl(), await sdkUrl()]).toEqual([
      'https://sdk.example.com/1',
      'https://sdk.example.com/2',
    ]);
  });

  it('turns a problem+json answer into a TcccLoadError with its status, code and detail', async () => {
    reply(
      401,
      'application/problem+json',
      JSON.stringify({
        type: 'about:blank',
        title: 'Unauthorized',
        status: 401,
        detail: 'Sign in before loading the SDK',
        code: 'unauthenticated',
      }),
    );
    const error = await fetchSdkUrl({ endpoint: `${base}/api/tccc/sdk-url` })().catch((e) => e);
    expect(error).toBeInstanceOf(TcccLoadError);
    expect(error).toMatchObject({ reason: 'sdk-url', status: 401, code: 'unauthenticated' });
    expect(error.message).toContain('401 Sign in before loading the SDK');
    expect(error.message).toContain('/api/tccc/sdk-url');
  });

  it('reports a non-JSON error answer by its status', async () => {
    reply(502, 'text/html', '<h1>Bad gateway</h1>');
    const error = await fetchSdkUrl({ endpoint: base })().catch((e) => e);
    expect(error).toMatchObject({ reason: 'sdk-url', status: 502, code: undefined });
  });

  it('refuses a 200 answer without an sdkUrl string', async () => {
    reply(200, 'application/json', JSON.stringify({ url: SECRET_URL }));
    const error = await fetchSdkUrl({ endpoint: base })().catch((e) => e);
    expect(error).toMatchObject({ reason: 'sdk-url', status: 200 });
    expect(error.message).toContain('no sdkUrl');
    expect(error.message).not.toContain('0123456789abcdef');
  });

  it("lets a network failure reject with fetch's own TypeError (loadTccc wraps it)", async () => {
    const closed = createServer();
    closed.listen(0, '127.0.0.1');
    await once(closed, 'listening');
    const port = (closed.address() as AddressInfo).port;
    closed.close();
    await once(closed, 'close');
    const error = await fetchSdkUrl({ endpoint: `http://127.0.0.1:${port}/x` })().catch((e) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect(error).not.toBeInstanceOf(TcccLoadError);
  });

  it('uses the injected fetch and the default endpoint', async () => {
    const calls: [string, RequestInit | undefined][] = [];
    const fetch = async (input: string | URL | Request, init?: RequestInit) => {
      calls.push([String(input), init]);
      return Response.json({ sdkUrl: SECRET_URL });
    };
    await expect(fetchSdkUrl({ fetch })()).resolves.toBe(SECRET_URL);
    expect(calls).toEqual([['/api/tccc/sdk-url', { method: 'POST' }]]);
  });
});

function catchError(fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a throw');
}
