/**
 * Serves the built agent console (apps/web/dist):
 * - `index.html` for `/`, `/index.html` and, as SPA fallback, any GET/HEAD of a non-/api
 *   path without a file extension; with `Cache-Control: no-store` and this request's CSP
 *   nonce in place of Vite's placeholder;
 * - other files as they are, `/assets/*` (content-hashed names) cached for a year,
 *   immutable; anything else revalidated (`no-cache`);
 * - never a source map (`*.map`: 404): Vite writes them "hidden" (apps/web/vite.config.ts)
 *   for an error tracker to upload, not for anyone who asks.
 * If the dist folder has no index.html, those pages answer 503 `web_app_not_built` saying
 * how to build it, and the API keeps working.
 */
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Context, MiddlewareHandler } from 'hono';
import { ProblemError } from '../http/problem.js';
import { cspNonce } from '../security/csp.js';

/** Written by Vite's `html.cspNonce` (apps/web/vite.config.ts); replaced per request. */
export const CSP_NONCE_PLACEHOLDER = '__CSP_NONCE__';

const IMMUTABLE = 'public, max-age=31536000, immutable';

export function webApp(options: { distDir: string }): MiddlewareHandler {
  const indexPath = join(options.distDir, 'index.html');
  let cached: { mtimeMs: number; html: string } | undefined;

  /** index.html, re-read when it changes on disk (`pnpm dev` rebuilds it). */
  async function loadIndex(): Promise<string> {
    const info = await stat(indexPath).catch(() => undefined);
    if (!info?.isFile()) {
      throw new ProblemError(
        'web_app_not_built',
        `The agent console is not built (no ${indexPath}). Run \`pnpm build\` at the repository root, or start with \`pnpm start\`, which builds it.`,
      );
    }
    if (cached?.mtimeMs !== info.mtimeMs) {
      cached = { mtimeMs: info.mtimeMs, html: await readFile(indexPath, 'utf8') };
    }
    return cached.html;
  }

  async function sendIndex(c: Context): Promise<Response> {
    const html = (await loadIndex()).replaceAll(CSP_NONCE_PLACEHOLDER, cspNonce(c));
    return c.html(html, 200, { 'Cache-Control': 'no-store' });
  }

  // Created on first use: serveStatic complains on stderr when its root does not exist yet.
  let files: MiddlewareHandler | undefined;
  const staticFiles = () => {
    files ??= serveStatic({ root: options.distDir });
    return files;
  };

  return async (c, next) => {
    const method = c.req.method;
    const path = c.req.path;
    if ((method !== 'GET' && method !== 'HEAD') || path === '/api' || path.startsWith('/api/')) {
      return next();
    }
    if (path === '/' || path === '/index.html') return sendIndex(c);
    if (path.endsWith('.map')) return next();
    if (!existsSync(options.distDir)) return sendIndex(c);
    const served = await staticFiles()(c, async () => {});
    if (served instanceof Response) {
      served.headers.set('Cache-Control', path.startsWith('/assets/') ? IMMUTABLE : 'no-cache');
      return served;
    }
    if (c.finalized) return;
    const lastSegment = path.slice(path.lastIndexOf('/') + 1);
    return lastSegment.includes('.') ? next() : sendIndex(c);
  };
}
