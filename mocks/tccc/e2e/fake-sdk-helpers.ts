/**
 * Helpers for the fake SDK browser suite: a page server on its own origin (so the SDK is
 * cross-origin, as in production) whose pages carry a strict Content-Security-Policy, and a
 * loader that injects the SDK script the way the TCCC guide does.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from '@playwright/test';
import { expect } from '@playwright/test';
// The loader's typings declare `window.tccc` for the page functions of this suite.
import type {} from '@tccc-kit/web-loader';
import { test as base } from '../src/playwright/fixture.js';
import type { TelCdrInfo } from '../src/state/tencent-types.js';
import type { StartedMockTccc } from '../src/testing/start.js';

const pageCss = '#workbench { width: 800px; height: 520px; }';
const pageHtml = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>fake SDK host page</title>
<link rel="stylesheet" href="/page.css"></head>
<body><main><h1>Agent desk</h1><div id="workbench"></div></main></body></html>`;

export interface PageServer {
  /** Origin of the page server, e.g. http://127.0.0.1:40123. */
  url: string;
}

async function startPageServer(mockOrigin: string): Promise<{ url: string; server: Server }> {
  const csp = [
    "default-src 'none'",
    `script-src ${mockOrigin}`,
    `connect-src ${mockOrigin}`,
    "style-src 'self'",
  ].join('; ');
  const server = createServer((request, response) => {
    if (request.url === '/page.css') {
      response.writeHead(200, { 'content-type': 'text/css' }).end(pageCss);
      return;
    }
    response
      .writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'content-security-policy': csp,
      })
      .end(pageHtml);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, server };
}

export const test = base.extend<{ cspViolations: string[] }, { pageServer: PageServer }>({
  pageServer: [
    async ({ mockTccc }, use) => {
      const { url, server } = await startPageServer(mockTccc.url);
      await use({ url });
      await new Promise((resolve) => server.close(resolve));
    },
    { scope: 'worker' },
  ],
  cspViolations: async ({ page }, use) => {
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    await use(violations);
  },
});

export { expect };

/** Every SDK event the page has seen, in order, with its payload. */
export interface SeenEvent {
  name: string;
  payload: unknown;
}

declare global {
  interface Window {
    __events: SeenEvent[];
    /** What `Agent.offline()` settled with, when injectSdk was told to call it on load. */
    __offline?: Promise<unknown>;
  }
}

/** The fake SDK's events that TCCC does not document [unconfirmed], recorded as well. */
const EXTENSION_EVENTS = ['connectionLost', 'connectionRestored', 'loggedOut'] as const;

/**
 * Inject `<script crossorigin="anonymous" src=sdkUrl>` as the TCCC guide does, and on its
 * `load` check that window.tccc exists and subscribe to every event, documented and
 * extension (recorded in window.__events). With `offlineOnLoad`, call `Agent.offline()` in
 * the load handler, while the SDK's login request is certainly still in flight (its answer
 * cannot arrive in the task that ran the script); its result goes to window.__offline.
 * Resolves with 'load' or 'error' (the script failed to load).
 */
export function injectSdk(
  page: Page,
  sdkUrl: string,
  options: { renderDomId?: string; offlineOnLoad?: boolean } = {},
): Promise<'load' | 'error'> {
  return page.evaluate(
    ({ sdkUrl, renderDomId, offlineOnLoad, extensions }) =>
      new Promise<'load' | 'error'>((resolve) => {
        window.__events = [];
        const script = document.createElement('script');
        script.crossOrigin = 'anonymous';
        script.src = sdkUrl;
        if (renderDomId) script.dataset.renderDomId = renderDomId;
        script.addEventListener('load', () => {
          const tccc = window.tccc;
          if (!tccc) throw new Error('window.tccc is missing right after load');
          for (const name of [...Object.values(tccc.events), ...extensions]) {
            tccc.on(name, (payload: unknown) => window.__events.push({ name, payload }));
          }
          if (offlineOnLoad) {
            window.__offline = Promise.resolve(tccc.Agent.offline()).then(
              (result) => result,
              (error: unknown) => error,
            );
          }
          resolve('load');
        });
        script.addEventListener('error', () => resolve('error'));
        document.body.append(script);
      }),
    {
      sdkUrl,
      renderDomId: options.renderDomId,
      offlineOnLoad: options.offlineOnLoad ?? false,
      extensions: EXTENSION_EVENTS,
    },
  );
}

/** Issue a token for the seat, load the SDK into the page and wait for `ready`. */
export async function loadSdk(
  page: Page,
  mockTccc: StartedMockTccc,
  seatUserId: string,
  options: { renderDomId?: string } = {},
): Promise<void> {
  const { sdkUrl } = await mockTccc.control.issueToken({ seatUserId });
  expect(await injectSdk(page, sdkUrl, options)).toBe('load');
  await waitForEvent(page, 'ready');
}

/** The CDR the mock holds for a call (from the state export). */
export async function cdrOf(mockTccc: StartedMockTccc, sessionId: string): Promise<TelCdrInfo> {
  const state = await mockTccc.control.state({ omit: ['tokens', 'calls', 'pushes'] });
  const record = state.cdrs
    ?.flatMap((app) => app.records)
    .find((cdr) => cdr.SessionId === sessionId);
  if (!record) throw new Error(`the mock holds no CDR for call ${sessionId}`);
  return record;
}

/** Wait until the page has seen an event named `name`; returns its payload. */
export async function waitForEvent(page: Page, name: string, nth = 0): Promise<unknown> {
  const handle = await page.waitForFunction(
    ({ name, nth }) => window.__events.filter((e) => e.name === name)[nth] ?? false,
    { name, nth },
  );
  return ((await handle.jsonValue()) as SeenEvent).payload;
}

export const eventNames = (page: Page) =>
  page.evaluate(() => window.__events.map((event) => event.name));
