/**
 * Playwright fixtures of the demo's browser tests.
 *
 * Per worker: one mock TCCC (the mock's own Playwright fixture: standalone, loopback, port 0,
 * reset before each test) and one demo server pointed at it.
 * Per test: a fresh browser context (so no cookies carry over), an `AgentConsole` page
 * object, and a watch on the browser: console errors, uncaught page errors and CSP
 * violations fail the test unless the test lists them as expected.
 * After the worker: the server's logs must not contain a secret, an SDK URL or a token.
 */
import { expect } from '@playwright/test';
import { test as withMockTccc } from '@tccc-kit/mock-tccc/playwright';
import { AgentConsole } from './agent-console.js';
import { type DemoServer, SECRETS, startDemoServer } from './demo-server.js';

interface WorkerFixtures {
  demoServer: DemoServer;
}

interface TestFixtures {
  agentConsole: AgentConsole;
  /** Browser console errors / CSP violations this test provokes on purpose. */
  expectedBrowserErrors: RegExp[];
  /** What the browser complained about so far (checked after the test). */
  browserErrors: string[];
}

export const test = withMockTccc.extend<TestFixtures, WorkerFixtures>({
  demoServer: [
    async ({ mockTccc }, use) => {
      const server = await startDemoServer({ tcccUrl: mockTccc.url });
      await use(server);
      await server.close();
      const leaks = server.logLines.filter(
        (line) =>
          SECRETS.some((secret) => line.includes(secret)) ||
          /\/sdk\/tccc\.js\?|[?&]token=(?!\[redacted\])/.test(line),
      );
      expect(leaks, 'server log lines containing a secret, an SDK URL or a token').toEqual([]);
    },
    { scope: 'worker' },
  ],
  baseURL: async ({ demoServer }, use) => {
    await use(demoServer.url);
  },
  expectedBrowserErrors: [[], { option: true }],
  browserErrors: [
    async ({ page, expectedBrowserErrors }, use) => {
      const errors: string[] = [];
      page.on('console', (message) => {
        if (message.type() !== 'error') return;
        const where = message.location().url;
        const path = URL.canParse(where) ? new URL(where).pathname : where;
        errors.push(`console.error: ${withoutQuery(message.text())} (at ${path})`);
      });
      page.on('pageerror', (error) => errors.push(`uncaught: ${withoutQuery(error.message)}`));
      // Runs before the page's own scripts and is not subject to the page's CSP.
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (event) => {
          console.error(
            `CSP violation: ${event.effectiveDirective} blocked ${event.blockedURI.split('?')[0]}`,
          );
        });
      });
      await use(errors);
      const unexpected = errors.filter(
        (error) => !expectedBrowserErrors.some((pattern) => pattern.test(error)),
      );
      expect(unexpected, 'browser console errors, page errors or CSP violations').toEqual([]);
    },
    { auto: true },
  ],
  agentConsole: async ({ page }, use) => {
    await use(new AgentConsole(page));
  },
});

export { expect };

/** SDK URLs carry a one-time token in the query: keep it out of test output. */
function withoutQuery(text: string): string {
  return text.replace(/(https?:\/\/[^\s?#]+)\?[^\s#]*/g, '$1?…');
}
