import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, ORIGIN, problemOf } from '../../test/harness.js';
import { CSP_NONCE_PLACEHOLDER } from './web-app.js';

let dist: string;
const INDEX = `<!doctype html><html><head>
<meta property="csp-nonce" nonce="${CSP_NONCE_PLACEHOLDER}">
<script type="module" crossorigin nonce="${CSP_NONCE_PLACEHOLDER}" src="/assets/index-Bx1a2b3c.js"></script>
</head><body><div id="app"></div></body></html>`;

beforeAll(async () => {
  dist = await mkdtemp(join(tmpdir(), 'tccc-web-dist-'));
  await mkdir(join(dist, 'assets'));
  await writeFile(join(dist, 'index.html'), INDEX);
  await writeFile(join(dist, 'assets', 'index-Bx1a2b3c.js'), 'console.log("console");');
  await writeFile(join(dist, 'assets', 'index-Bx1a2b3c.js.map'), '{"version":3,"sources":[]}');
  await writeFile(join(dist, 'robots.txt'), 'User-agent: *\nDisallow: /\n');
});
afterAll(() => rm(dist, { recursive: true, force: true }));

const nonceOf = (response: Response) =>
  /'nonce-([^']+)'/.exec(response.headers.get('content-security-policy') ?? '')?.[1];

describe('serving the built console', () => {
  it('serves index.html with this request’s CSP nonce in place of the placeholder, never cached', async () => {
    const { app } = buildApp({ webDistDir: dist });
    const response = await app.request(`${ORIGIN}/`);
    const html = await response.text();
    const nonce = nonceOf(response);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=UTF-8');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(html).not.toContain(CSP_NONCE_PLACEHOLDER);
    expect(html.match(new RegExp(`nonce="${nonce?.replace(/[+/=]/g, '\\$&')}"`, 'g'))).toHaveLength(
      2,
    );

    const again = await app.request(`${ORIGIN}/index.html`);
    expect(nonceOf(again)).not.toBe(nonce);
    expect(await again.text()).toContain(`nonce="${nonceOf(again)}"`);
  });

  it('never serves a source map, even one the build left in dist', async () => {
    const { app } = buildApp({ webDistDir: dist });
    const response = await app.request(`${ORIGIN}/assets/index-Bx1a2b3c.js.map`);
    const body = await problemOf(response);
    expect([body.status, body.code]).toEqual([404, 'not_found']);
  });

  it('falls back to index.html for client-side routes', async () => {
    const { app } = buildApp({ webDistDir: dist });
    const response = await app.request(`${ORIGIN}/calls/42`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<div id="app">');
  });

  it('caches hashed assets for a year and revalidates other files', async () => {
    const { app } = buildApp({ webDistDir: dist });
    const asset = await app.request(`${ORIGIN}/assets/index-Bx1a2b3c.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(asset.headers.get('content-type')).toMatch(/^text\/javascript/);
    const robots = await app.request(`${ORIGIN}/robots.txt`);
    expect(robots.headers.get('cache-control')).toBe('no-cache');
  });

  it('answers 404 for a missing file and for unknown API paths instead of the page', async () => {
    const { app } = buildApp({ webDistDir: dist });
    expect((await problemOf(await app.request(`${ORIGIN}/assets/missing.js`))).status).toBe(404);
    expect((await problemOf(await app.request(`${ORIGIN}/api/calls`))).status).toBe(404);
  });

  it('does not serve files outside the dist folder', async () => {
    const { app } = buildApp({ webDistDir: join(dist, 'assets') });
    const response = await app.request(`${ORIGIN}/..%2findex.html`);
    expect(response.status).not.toBe(200);
  });

  it('says how to build the console when dist is missing, while the API keeps working', async () => {
    const { app } = buildApp({ webDistDir: join(dist, 'does-not-exist') });
    const body = await problemOf(await app.request(`${ORIGIN}/`));
    expect([body.status, body.code]).toEqual([503, 'web_app_not_built']);
    expect(body.detail).toContain('pnpm build');
    expect((await app.request(`${ORIGIN}/healthz`)).status).toBe(200);
  });

  it('picks up a rebuilt index.html (pnpm dev)', async () => {
    const own = await mkdtemp(join(tmpdir(), 'tccc-web-dist-'));
    try {
      await writeFile(join(own, 'index.html'), '<p>v1</p>');
      const { app } = buildApp({ webDistDir: own });
      expect(await (await app.request(`${ORIGIN}/`)).text()).toBe('<p>v1</p>');
      await writeFile(join(own, 'index.html'), '<p>version 2</p>');
      expect(await (await app.request(`${ORIGIN}/`)).text()).toBe('<p>version 2</p>');
    } finally {
      await rm(own, { recursive: true, force: true });
    }
  });
});
