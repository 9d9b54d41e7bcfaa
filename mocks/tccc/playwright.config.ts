import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from '@tccc-kit/mock-tccc/playwright';

/**
 * Browser suites of the mock (the fake SDK in real pages).
 * Real Chromium: the system one when installed, see chromiumLaunchOptions.
 */
export default defineConfig({
  testDir: 'e2e',
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  workers: 2,
  // A test takes 1-8 s on an idle 2-core machine; the margin is for a loaded one.
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    launchOptions: chromiumLaunchOptions(),
    trace: 'retain-on-failure',
  },
});
