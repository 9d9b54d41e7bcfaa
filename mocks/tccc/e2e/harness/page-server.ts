/**
 * The test page's own server, on another port than the mock TCCC so that the SDK script is
 * cross-origin, as in production. It serves:
 *   GET  /?csp=host|nonce-only  the page, under a strict Content-Security-Policy with a fresh
 *                               nonce (in <html data-nonce>); `nonce-only` leaves the mock's
 *                               origin out of script-src, so only a nonce'd SDK script runs
 *   GET  /page.js               the loader's source and page-script.ts, bundled by esbuild
 *   POST /sdk-url               {sdkUrl, expiresAt}: a fresh URL from the mock's control plane,
 *                               as apps/server's endpoint answers
 *   POST /sdk-url/unauthorized  a problem+json 401, as a signed-out session gets
 */
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { MockTcccControl } from '../../src/testing/index.js';

export const SEAT = 'agent@example.com';

export interface PageServer {
  /** Origin of the page server, e.g. http://127.0.0.1:40123. */
  url: string;
  close(): Promise<void>;
}

async function bundlePageScript(): Promise<string> {
  const result = await build({
    entryPoints: [fileURLToPath(new URL('./page-script.ts', import.meta.url))],
    // The loader's source, not its dist: the suite tests the code as it is now.
    alias: {
      '@tccc-kit/web-loader': fileURLToPath(
        new URL('../../../../packages/web-loader/src/index.ts', import.meta.url),
      ),
    },
    bundle: true,
    format: 'iife',
    target: 'chrome110',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]?.text ?? '';
}

function pageHtml(nonce: string): string {
  return `<!doctype html>
<html lang="en" data-nonce="${nonce}"><head><meta charset="utf-8"><title>web-loader test page</title>
<script nonce="${nonce}" src="/page.js"></script></head>
<body><main><div id="workbench" style="width:800px;height:520px"></div></main></body></html>`;
}

export async function startPageServer(
  mockOrigin: string,
  control: MockTcccControl,
): Promise<PageServer> {
  const script = await bundlePageScript();
  const send = (res: ServerResponse, status: number, type: string, body: string) =>
    res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' }).end(body);

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://page.test');
    try {
      if (req.method === 'GET' && url.pathname === '/') {
        const nonce = randomBytes(16).toString('base64');
        const hosts = url.searchParams.get('csp') === 'nonce-only' ? '' : ` ${mockOrigin}`;
        const csp = [
          "default-src 'none'",
          `script-src 'nonce-${nonce}'${hosts}`,
          `connect-src 'self' ${mockOrigin}`,
          `style-src 'self' 'unsafe-inline' ${mockOrigin}`,
          `img-src 'self' data: ${mockOrigin}`,
        ].join('; ');
        res.setHeader('content-security-policy', csp);
        return send(res, 200, 'text/html; charset=utf-8', pageHtml(nonce));
      }
      if (req.method === 'GET' && url.pathname === '/page.js') {
        return send(res, 200, 'text/javascript', script);
      }
      if (req.method === 'POST' && url.pathname === '/sdk-url') {
        const { sdkUrl, expiresAt } = await control.issueToken({ seatUserId: SEAT });
        return send(res, 200, 'application/json', JSON.stringify({ sdkUrl, expiresAt }));
      }
      if (req.method === 'POST' && url.pathname === '/sdk-url/unauthorized') {
        const problem = {
          type: 'about:blank',
          title: 'Unauthorized',
          status: 401,
          detail: 'Sign in before loading the SDK',
          code: 'unauthenticated',
        };
        return send(res, 401, 'application/problem+json', JSON.stringify(problem));
      }
      send(res, 404, 'text/plain', 'not found');
    } catch (error) {
      send(res, 500, 'text/plain', String(error));
    }
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
