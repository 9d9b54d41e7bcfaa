/**
 * Fixtures of the loader's browser suites: the mock TCCC (one per worker, reset per test, from
 * the mock's own Playwright fixture) plus the test pages' server, and helpers that open a page
 * on it: `openLoaderPage` (the loader, driven through `window.harness`) and `openReactPage`
 * (the React binding, driven like a user would).
 */
import type { Page } from '@playwright/test';
import { test as base } from '@tccc-kit/mock-tccc/playwright';
import { type PageServer, startPageServer } from './page-server.js';

export interface LoaderPageOptions {
  /** `nonce-only`: script-src allows only the page's nonce, not the mock's origin. */
  csp?: 'host' | 'nonce-only';
}

export interface ReactPageOptions {
  strict?: boolean;
  autoConnect?: boolean;
  /** `double`: the SDK test double instead of the mock's fake SDK. */
  sdk?: 'mock' | 'double';
  /** How the double's `Agent.offline()` behaves (see sdk-double.ts). */
  offline?: 'promise' | 'void' | 'hang' | 'throw' | 'reject';
  offlineMs?: number;
  /** `false`: the double never emits `ready`. */
  ready?: boolean;
  timeoutMs?: number;
  /** Render the SDK's workbench into the console (renderDomId). */
  embed?: boolean;
}

export interface LoaderFixtures {
  /** Opens the loader test page; resolves once `window.harness` exists. */
  openLoaderPage(options?: LoaderPageOptions): Promise<Page>;
  /** Opens the React test page; resolves once the console has rendered. */
  openReactPage(options?: ReactPageOptions): Promise<Page>;
  /** What the SDK double sent by beacon during this test. */
  beacons: string[];
}

export const test = base.extend<LoaderFixtures, { pageServer: PageServer }>({
  pageServer: [
    async ({ mockTccc }, use) => {
      const server = await startPageServer(mockTccc.url, mockTccc.control);
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
  beacons: async ({ pageServer }, use) => {
    pageServer.beacons.length = 0;
    await use(pageServer.beacons);
  },
  openLoaderPage: async ({ page, pageServer }, use) => {
    await use(async (options = {}) => {
      await page.goto(`${pageServer.url}/?csp=${options.csp ?? 'host'}`);
      await page.waitForFunction(() => window.harness !== undefined);
      return page;
    });
  },
  openReactPage: async ({ page, pageServer }, use) => {
    await use(async (options = {}) => {
      const query = new URLSearchParams({
        strict: options.strict ? '1' : '0',
        auto: options.autoConnect ? '1' : '0',
        sdk: options.sdk ?? 'mock',
      });
      if (options.offline) query.set('offline', options.offline);
      if (options.offlineMs !== undefined) query.set('offlineMs', String(options.offlineMs));
      if (options.ready === false) query.set('ready', '0');
      if (options.timeoutMs !== undefined) query.set('timeoutMs', String(options.timeoutMs));
      if (options.embed) query.set('embed', '1');
      await page.goto(`${pageServer.url}/react?${query}`);
      await page.getByRole('status', { name: 'connection' }).waitFor();
      return page;
    });
  },
});

export { expect } from '@playwright/test';
export { SEAT } from './page-server.js';
