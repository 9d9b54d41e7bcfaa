/**
 * Browser end-to-end tests of the whole demo: real Chromium, the real server (createApp on a
 * loopback port), the web app as built by Vite, the standalone mock TCCC serving the fake SDK.
 * Each worker starts its own mock and server (e2e/fixtures.ts); nothing is shared between
 * workers and nothing is retried: a flaky test is a bug.
 *
 * Prerequisite: the web app is built (turbo's test:e2e depends on build; by hand:
 * `pnpm --filter @tccc-kit/web build`).
 */
import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from '@tccc-kit/mock-tccc/playwright';

export default defineConfig({
  testDir: './e2e',
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  workers: 2,
  // Generous ceilings for a loaded 2-core machine; a passing run takes a fraction of them.
  // A test takes 2-8 s on an idle 2-core machine; the margin is for a loaded one.
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    launchOptions: chromiumLaunchOptions(),
    trace: 'retain-on-failure',
    actionTimeout: 10_000,
  },
});
