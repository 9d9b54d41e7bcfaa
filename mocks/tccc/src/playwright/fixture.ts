/**
 * Playwright fixture: one mock TCCC per worker (a real server on 127.0.0.1, port 0), reset
 * before each test so tests cannot see each other's tokens, sessions, calls, faults or clock.
 *
 *   import { test, expect } from '@tccc-kit/mock-tccc/playwright';
 *   test('agent takes a call', async ({ page, mockTccc }) => {
 *     const { sdkUrl } = await mockTccc.control.issueToken({ seatUserId: 'agent@example.com' });
 *     ...
 *   });
 *
 * Override the mock's configuration per project or file with
 * `test.use({ mockTcccOptions: { apps: [...] } })`; an app's `dataPush` there is pushed to in
 * every test (the reset before each test puts it back), or set one per test with
 * `mockTccc.control.setDataPush(...)` and read the journal with `control.pushes()` /
 * `control.waitForPushes()`. `test.use({ mockTcccClock: 'paused' })`
 * starts each test with the mock clock paused: nothing rings out, answers or expires until
 * the test moves time (`control.advanceClock`), so a loaded machine cannot race it.
 */
import { test as base } from '@playwright/test';
import type { MockTcccServerOptions } from '../serve/server.js';
import { type StartedMockTccc, startMockTccc } from '../testing/start.js';

export interface MockTcccWorkerFixtures {
  /** Options of the worker's mock (accounts, apps, limits...). Port and host are fixed. */
  mockTcccOptions: Omit<MockTcccServerOptions, 'port' | 'host' | 'mock'>;
  /** The worker's running mock TCCC: `url` and the typed `control` client. */
  mockTccc: StartedMockTccc;
}

export interface MockTcccTestFixtures {
  /** Mock time in each test: `running` (real time, the default) or `paused` from the start. */
  mockTcccClock: 'running' | 'paused';
  /** Automatic: resets the worker's mock before each test (and pauses its clock if asked). */
  mockTcccReset: undefined;
}

export const test = base.extend<MockTcccTestFixtures, MockTcccWorkerFixtures>({
  mockTcccOptions: [{}, { scope: 'worker', option: true }],
  mockTccc: [
    async ({ mockTcccOptions }, use) => {
      const mock = await startMockTccc({ ...mockTcccOptions, host: '127.0.0.1', port: 0 });
      try {
        await use(mock);
      } finally {
        await mock.close();
      }
    },
    { scope: 'worker' },
  ],
  mockTcccClock: ['running', { option: true }],
  mockTcccReset: [
    async ({ mockTccc, mockTcccClock }, use) => {
      await mockTccc.control.reset();
      if (mockTcccClock === 'paused') await mockTccc.control.pauseClock();
      await use(undefined);
    },
    { auto: true },
  ],
});

export { expect } from '@playwright/test';
