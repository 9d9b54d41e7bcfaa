/**
 * The test pages' own server, on another port than the mock TCCC so that the SDK script is
 * cross-origin, as in production. Every page runs under a strict Content-Security-Policy with
 * a fresh nonce (in <html data-nonce>). It serves:
 *   GET  /?csp=host|nonce-only  the loader page (page-script.ts); `nonce-only` leaves the
 *                               mock's origin out of script-src, so only a nonce'd SDK runs
 *   GET  /react?strict=1&auto=1&sdk=mock|double&offline=<mode>
 *                               the React page (react-page.tsx), see there
 *   GET  /page.js, /react.js    those pages, bundled by esbuild with the loader's source
 *   POST /sdk-url               {sdkUrl, expiresAt}: a fresh URL from the mock's control plane,
 *                               as apps/server's endpoint answers
 *   POST /sdk-url/unauthorized  a problem+json 401, as a signed-out session gets
 *   POST /double-url?offline=…&offlineMs=…&ready=0|1
 *                               {sdkUrl} of the SDK test double (sdk-double.ts), unique each time
 *   GET  /double/tccc.js        the SDK test double
 *   POST /double/beacon         what the double reports by sendBeacon (kept in `beacons`)
 */
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { MockTcccControl } from '@tccc-kit/mock-tccc/testing';
import { build } from 'esbuild';

export const SEAT = 'agent@example.com';

export interface PageServer {
  /** Origin of the page server, e.g. http://127.0.0.1:40123. */
  url: string;
  /** Bodies the SDK double sent by beacon, in arrival order (cleared by the fixture per test). */
  beacons: string[];
  close(): Promise<void>;
}

const source = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** The pages import the loader's source, not its dist: the suite tests the code as it is now. */
async function bundle(entry: string): Promise<string> {
  const result = await build({
    entryPoints: [source(entry)],
    alias: {
      '@tccc-kit/web-loader/react': source('../../src/react/index.ts'),
      '@tccc-kit/web-loader': source('../../src/index.ts'),
    },
    // React's development build: StrictMode double-invokes effects only there.
    define: { 'process.env.NODE_ENV': '"development"' },
    jsx: 'automatic',
    bundle: true,
    format: 'iife',
    target: 'chrome110',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]?.text ?? '';
}

function pageHtml(nonce: string, title: string, script: string): string {
  return `<!doctype html>
<html lang="en" data-nonce="${nonce}"><head><meta charset="utf-8"><title>${title}</title>
<script nonce="${nonce}" src="${script}"></script></head>
<body><main><div id="workbench" style="width:800px;height:520px"></div></main></body></html>`;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function startPageServer(
  mockOrigin: string,
  control: MockTcccControl,
): Promise<PageServer> {
  const [loaderPage, reactPage, sdkDouble] = await Promise.all([
    bundle('./page-script.ts'),
    bundle('./react-page.tsx'),
    bundle('./sdk-double.ts'),
  ]);
  const beacons: string[] = [];
  let doubles = 0;
  const send = (res: ServerResponse, status: number, type: string, body: string) =>
    res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' }).end(body);
  const sendPage = (res: ServerResponse, csp: 'host' | 'nonce-only', title: string, js: string) => {
    const nonce = randomBytes(16).toString('base64');
    const hosts = csp === 'nonce-only' ? '' : ` ${mockOrigin}`;
    const policy = [
      "default-src 'none'",
      `script-src 'nonce-${nonce}'${hosts}`,
      `connect-src 'self' ${mockOrigin}`,
      `style-src 'self' 'unsafe-inline' ${mockOrigin}`,
      `img-src 'self' data: ${mockOrigin}`,
    ].join('; ');
    res.setHeader('content-security-policy', policy);
    send(res, 200, 'text/html; charset=utf-8', pageHtml(nonce, title, js));
  };

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://page.test');
    const route = `${req.method} ${url.pathname}`;
    try {
      switch (route) {
        case 'GET /':
          return sendPage(
            res,
            url.searchParams.get('csp') === 'nonce-only' ? 'nonce-only' : 'host',
            'web-loader test page',
            '/page.js',
          );
        case 'GET /react':
          return sendPage(res, 'host', 'web-loader React test page', '/react.js');
        case 'GET /page.js':
          return send(res, 200, 'text/javascript', loaderPage);
        case 'GET /react.js':
          return send(res, 200, 'text/javascript', reactPage);
        case 'GET /double/tccc.js':
          return send(res, 200, 'text/javascript', sdkDouble);
        case 'POST /double/beacon':
          beacons.push(await readBody(req));
          return send(res, 204, 'text/plain', '');
        case 'POST /double-url': {
          const query = new URLSearchParams(url.searchParams);
          query.set('n', String(++doubles));
          const sdkUrl = `http://${req.headers.host}/double/tccc.js?${query}`;
          return send(res, 200, 'application/json', JSON.stringify({ sdkUrl }));
        }
        case 'POST /sdk-url': {
          const { sdkUrl, expiresAt } = await control.issueToken({ seatUserId: SEAT });
          return send(res, 200, 'application/json', JSON.stringify({ sdkUrl, expiresAt }));
        }
        case 'POST /sdk-url/unauthorized': {
          const problem = {
            type: 'about:blank',
            title: 'Unauthorized',
            status: 401,
            detail: 'Sign in before loading the SDK',
            code: 'unauthenticated',
          };
          return send(res, 401, 'application/problem+json', JSON.stringify(problem));
        }
        default:
          return send(res, 404, 'text/plain', 'not found');
      }
    } catch (error) {
      send(res, 500, 'text/plain', String(error));
    }
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    beacons,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
