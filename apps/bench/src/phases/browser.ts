/**
 * Time from starting a load to `ready` in Chromium, against the mock's SDK host: with
 * `loadTccc()` and with the guide's bare script-tag injection (the baseline), so the ratio
 * is the loader's overhead. A tiny page server on its own loopback port (so the SDK script
 * is cross-origin, as in production) serves the page and its script. Every run gets a
 * fresh browser context and a freshly minted SDK URL; the variants alternate; medians are
 * reported.
 */
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '@tccc-kit/mock-tccc/playwright';
import { build } from 'esbuild';
import type { RunningMock } from '../lib/rig.js';
import { median } from '../lib/stats.js';

const SEAT = 'agent@example.com';
const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>tccc-kit bench</title>
<script src="/page.js"></script></head><body></body></html>`;

/** What browser/page-script.ts puts on `window`. */
interface BenchPage {
  bench: Record<'withLoader' | 'bare', (sdkUrl: string) => Promise<number>>;
}

export interface BrowserResults {
  /** Median ms from the call to `ready`. */
  withLoader: number;
  bare: number;
  withLoaderRuns: number[];
  bareRuns: number[];
}

async function bundlePageScript(): Promise<string> {
  const result = await build({
    entryPoints: [fileURLToPath(new URL('../browser/page-script.ts', import.meta.url))],
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'chrome110',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]?.text ?? '';
}

async function startPageServer(script: string): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((request, response) => {
    if (request.url === '/page.js') {
      response.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
    } else if (request.url === '/') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE);
    } else {
      response.writeHead(404).end();
    }
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export async function measureBrowser(
  mock: RunningMock,
  runs: number,
  progress: (line: string) => void,
): Promise<BrowserResults> {
  const pageServer = await startPageServer(await bundlePageScript());
  const browser = await chromium.launch({ ...chromiumLaunchOptions(), headless: true });
  const withLoaderRuns: number[] = [];
  const bareRuns: number[] = [];
  try {
    const timeOne = async (variant: 'withLoader' | 'bare'): Promise<number> => {
      const context = await browser.newContext();
      try {
        const page = await context.newPage();
        await page.goto(pageServer.url);
        const { sdkUrl } = await mock.control.issueToken({ seatUserId: SEAT });
        return await page.evaluate(
          ([name, url]) => (globalThis as unknown as BenchPage).bench[name](url),
          [variant, sdkUrl] as const,
        );
      } finally {
        await context.close();
      }
    };
    // One unmeasured load of each warms the browser, the page server and the mock.
    await timeOne('withLoader');
    await timeOne('bare');
    for (let run = 1; run <= runs; run++) {
      progress(`browser: run ${run} of ${runs}`);
      const [first, second] =
        run % 2 ? (['withLoader', 'bare'] as const) : (['bare', 'withLoader'] as const);
      for (const variant of [first, second]) {
        (variant === 'withLoader' ? withLoaderRuns : bareRuns).push(await timeOne(variant));
      }
    }
  } finally {
    await browser.close();
    await pageServer.close();
  }
  return { withLoader: median(withLoaderRuns), bare: median(bareRuns), withLoaderRuns, bareRuns };
}
