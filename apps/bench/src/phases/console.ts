/**
 * The agent console (apps/web) as a browser gets it:
 *
 * - **Initial JavaScript**: the scripts `index.html` loads before the first screen works
 *   (its module script and modulepreloads), each gzipped at level 9, against the console's
 *   100 KB budget; and the chunks loaded later (the desk after sign-in, the transfer dialog).
 * - **Connect to Ready**: in Chromium, from the click on Connect to the console showing
 *   `ready`, against a bare page that only calls the loader (`loadTccc` with the server's SDK
 *   URL route). Both are served by the same server build (servers/console-server.ts, one
 *   process each) from the same mock, each run in a fresh context with a signed-in agent;
 *   the variants alternate and the mock is reset before every run. The ratio is what the
 *   console adds between the click and a working softphone (seat lock, React, its panels).
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { type Browser, chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '@tccc-kit/mock-tccc/playwright';
import { build } from 'esbuild';
import { DEMO_PASSWORD, type RunningMock, startConsoleServer } from '../lib/rig.js';
import { median } from '../lib/stats.js';
import type { Size } from './sizes.js';

/** The console's budget for initial JavaScript, min+gzip (apps/web/README.md). */
export const CONSOLE_INITIAL_JS_BUDGET_BYTES = 100 * 1024;
/** Connect to Ready may take at most this multiple of the bare loader page's time. */
export const CONNECT_TO_READY_TARGET = 1.2;

const SEAT = 'agent@example.com';
const WEB_DIST = join(
  dirname(fileURLToPath(import.meta.resolve('@tccc-kit/web/package.json'))),
  'dist',
);
const BARE_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>bare loader page</title>
<meta property="csp-nonce" nonce="__CSP_NONCE__">
<script type="module" src="/bare.js" nonce="__CSP_NONCE__"></script></head>
<body><button id="connect" type="button">Connect</button><p id="state" data-state="idle"></p></body></html>`;

export interface ConsoleResults {
  /** Scripts of index.html (module entry and modulepreloads). */
  initialJs: Size;
  /** Every other script of the build (lazy chunks). */
  lazyJs: Size;
  /** Median ms, click on Connect to `ready`. */
  console: number;
  bare: number;
  consoleRuns: number[];
  bareRuns: number[];
}

async function measureScripts(): Promise<{ initialJs: Size; lazyJs: Size }> {
  const html = await readFile(join(WEB_DIST, 'index.html'), 'utf8');
  const initial = new Set(
    [
      ...html.matchAll(
        /<(?:script[^>]*\bsrc|link[^>]*rel="modulepreload"[^>]*\bhref)="\/([^"]+\.js)"/g,
      ),
    ].map((match) => match[1] as string),
  );
  if (initial.size === 0) throw new Error(`no script in ${WEB_DIST}/index.html: build apps/web`);
  const sum = () => ({ minified: 0, gzipped: 0 });
  const initialJs = sum();
  const lazyJs = sum();
  for (const name of await readdir(join(WEB_DIST, 'assets'))) {
    if (!name.endsWith('.js')) continue;
    const code = await readFile(join(WEB_DIST, 'assets', name));
    const target = initial.has(`assets/${name}`) ? initialJs : lazyJs;
    target.minified += code.byteLength;
    target.gzipped += gzipSync(code, { level: 9 }).byteLength;
  }
  return { initialJs, lazyJs };
}

/** The bare page's dist folder: index.html with the nonce placeholder and bare.js. */
async function writeBarePage(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'tccc-bench-bare-'));
  const bundle = await build({
    entryPoints: [fileURLToPath(new URL('../browser/bare-console.ts', import.meta.url))],
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'chrome110',
    write: false,
    logLevel: 'silent',
  });
  await writeFile(join(dir, 'bare.js'), bundle.outputFiles[0]?.text ?? '');
  await writeFile(join(dir, 'index.html'), BARE_PAGE);
  return dir;
}

/**
 * Runs in the page (as text: this file is compiled without the DOM's types): clicks Connect
 * and resolves with the milliseconds until the ready selector matches.
 */
const TIME_CLICK_TO_READY = `({ connect, ready }) => new Promise((resolve) => {
  const started = performance.now();
  const observer = new MutationObserver(() => {
    if (!document.querySelector(ready)) return;
    observer.disconnect();
    resolve(performance.now() - started);
  });
  observer.observe(document.body, { subtree: true, childList: true, attributes: true });
  document.querySelector(connect).click();
})`;

/** One run: sign in, open the page, click Connect, time it until `readySelector` appears. */
async function timeConnect(
  browser: Browser,
  url: string,
  selectors: { connect: string; ready: string },
): Promise<number> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const signIn = await page.request.post(`${url}/api/session`, {
      data: { email: SEAT, password: DEMO_PASSWORD },
      headers: { origin: url },
    });
    if (!signIn.ok()) throw new Error(`sign-in at ${url} answered ${signIn.status()}`);
    await page.goto(url);
    await page.locator(selectors.connect).waitFor();
    const elapsed: unknown = await page.evaluate(
      `(${TIME_CLICK_TO_READY})(${JSON.stringify(selectors)})`,
    );
    return elapsed as number;
  } finally {
    await context.close();
  }
}

export async function measureConsole(
  mock: RunningMock,
  runs: number,
  progress: (line: string) => void,
): Promise<ConsoleResults> {
  const { initialJs, lazyJs } = await measureScripts();
  const bareDir = await writeBarePage();
  const servers = await Promise.all([
    startConsoleServer({
      name: 'console server',
      mockUrl: mock.url,
      accounts: [SEAT],
      webDistDir: WEB_DIST,
    }),
    startConsoleServer({
      name: 'bare page server',
      mockUrl: mock.url,
      accounts: [SEAT],
      webDistDir: bareDir,
    }),
  ]);
  const [consoleServer, bareServer] = servers;
  const browser = await chromium.launch({ ...chromiumLaunchOptions(), headless: true });
  const consoleRuns: number[] = [];
  const bareRuns: number[] = [];
  const variants = {
    console: () =>
      timeConnect(browser, consoleServer.url, {
        connect: '[data-testid="connect"]',
        ready: '[data-testid="status"][data-state="ready"]',
      }),
    bare: () =>
      timeConnect(browser, bareServer.url, {
        connect: '#connect',
        ready: '#state[data-state="ready"]',
      }),
  };
  try {
    // One unmeasured run of each warms the browser, both servers and the mock.
    for (const variant of ['console', 'bare'] as const) {
      await mock.control.reset();
      await variants[variant]();
    }
    for (let run = 1; run <= runs; run++) {
      progress(`console: Connect to Ready, run ${run} of ${runs}`);
      const order = run % 2 ? (['console', 'bare'] as const) : (['bare', 'console'] as const);
      for (const variant of order) {
        await mock.control.reset();
        (variant === 'console' ? consoleRuns : bareRuns).push(await variants[variant]());
      }
    }
  } finally {
    await browser.close();
    await Promise.all(servers.map((server) => server.child.stop()));
    await rm(bareDir, { recursive: true, force: true });
  }
  return {
    initialJs,
    lazyJs,
    console: median(consoleRuns),
    bare: median(bareRuns),
    consoleRuns,
    bareRuns,
  };
}
