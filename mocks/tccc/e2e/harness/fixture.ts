/**
 * Fixtures of the web-loader browser suite: the mock TCCC (one per worker, reset per test,
 * from the mock's own Playwright fixture) plus the test page's server, and `loaderPage`: a
 * page opened on it with the loader ready to drive through `window.harness`.
 */
import type { Page } from '@playwright/test';
import { test as base } from '../../src/playwright/fixture.js';
import { type PageServer, startPageServer } from './page-server.js';

export interface LoaderPageOptions {
  /** `nonce-only`: script-src allows only the page's nonce, not the mock's origin. */
  csp?: 'host' | 'nonce-only';
}

export interface LoaderFixtures {
  /** Opens the test page; resolves once `window.harness` exists. */
  openLoaderPage(options?: LoaderPageOptions): Promise<Page>;
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
  openLoaderPage: async ({ page, pageServer }, use) => {
    await use(async (options = {}) => {
      await page.goto(`${pageServer.url}/?csp=${options.csp ?? 'host'}`);
      await page.waitForFunction(() => window.harness !== undefined);
      return page;
    });
  },
});

export { expect } from '@playwright/test';
export { SEAT } from './page-server.js';
