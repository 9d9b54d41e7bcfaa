/**
 * Every way connecting can fail shows what happened and what to do, and Retry recovers once
 * the cause is gone, spending exactly one fresh SDK URL per press. A long load can be
 * cancelled.
 */
import { countSdkUrlRequests } from './agent-console.js';
import { AGENT, DEMO_PASSWORD, startDemoServer } from './demo-server.js';
import { expect, test } from './fixtures.js';

const ELEVEN_MINUTES_MS = 11 * 60 * 1000;

test.describe('an SDK URL that expired before the SDK logged in', () => {
  // The SDK's login request is refused (401) before it emits tokenExpired.
  test.use({ expectedBrowserErrors: [/status of 401 \(Unauthorized\) \(at \/sdk\/session\)$/] });

  test('is replaced by exactly one fresh one on Retry', async ({
    agentConsole,
    page,
    mockTccc,
  }) => {
    const { control } = mockTccc;
    // The next SDK URL ages 11 minutes (past its 10) between minting and loading.
    let expire = 1;
    await page.route('**/api/tccc/sdk-url', async (route) => {
      // Back to real time first, or the server's signed request would look 11 minutes old.
      await control.setClock(Date.now());
      const response = await route.fetch();
      if (expire > 0) {
        expire -= 1;
        await control.advanceClock(ELEVEN_MINUTES_MS);
      }
      await route.fulfill({ response });
    });
    const sdkUrls = countSdkUrlRequests(page);

    await agentConsole.open();
    await agentConsole.signIn(AGENT, DEMO_PASSWORD);
    await agentConsole.connectButton.click();

    await expect(agentConsole.failure).toHaveAttribute('data-reason', 'token-expired');
    await agentConsole.expectStatus('error');
    await expect(agentConsole.failure).toContainText('The SDK login link expired');
    await expect(agentConsole.failure).toContainText('Retry fetches a fresh one');
    await expect(agentConsole.retryButton).toBeFocused();
    expect(sdkUrls.count).toBe(1);
    await expect(agentConsole.sdkScripts).toHaveCount(0);
    await agentConsole.state('failure-token-expired');

    await agentConsole.retryButton.click();
    await agentConsole.expectStatus('ready');
    expect(sdkUrls.count).toBe(2);
    await expect(agentConsole.failure).toBeHidden();
    await expect(agentConsole.sdkScripts).toHaveCount(1);
  });
});

test.describe('a blocked SDK script', () => {
  test.use({ expectedBrowserErrors: [/status of 404 \(Not Found\)/] });

  test('shows a clear error, and Retry works once the script is back', async ({
    agentConsole,
    page,
    mockTccc,
  }) => {
    const sdkUrls = countSdkUrlRequests(page);
    await mockTccc.control.addFault({ target: 'sdk.script', kind: 'status', status: 404 });
    await agentConsole.open();
    await agentConsole.signIn(AGENT, DEMO_PASSWORD);
    await agentConsole.connectButton.click();

    await agentConsole.expectStatus('error');
    await expect(agentConsole.failure).toHaveAttribute('data-reason', 'script');
    await expect(agentConsole.failure).toContainText('The TCCC SDK script could not be loaded');
    await expect(agentConsole.retryButton).toBeVisible();

    // One attempt, one URL: no automatic retry behind the agent's back.
    expect(sdkUrls.count).toBe(1);
    await agentConsole.retryButton.click();
    await expect.poll(() => sdkUrls.count).toBe(2);
    await agentConsole.expectStatus('error');
    await expect(agentConsole.failure).toHaveAttribute('data-reason', 'script');

    await mockTccc.control.clearFaults();
    await agentConsole.retryButton.click();
    await agentConsole.expectStatus('ready');
    expect(sdkUrls.count).toBe(3);
    await expect(agentConsole.sdkScripts).toHaveCount(1);
  });
});

test('a load that hangs can be cancelled, leaving no SDK behind, and Connect works after', async ({
  agentConsole,
  page,
  mockTccc,
}) => {
  // The SDK logs in but never says ready.
  await mockTccc.control.addFault({ target: 'sdk.ready', kind: 'hang', times: 1 });
  await agentConsole.open();
  await agentConsole.signIn(AGENT, DEMO_PASSWORD);
  await agentConsole.connectButton.click();
  await agentConsole.expectStatus('connecting');
  const cancel = page.getByRole('button', { name: 'Cancel' });
  await expect(cancel).toBeFocused();
  await agentConsole.state('connecting');
  await cancel.click();

  await agentConsole.expectStatus('signed-in');
  await expect(agentConsole.sdkScripts).toHaveCount(0);
  expect(await page.evaluate(() => 'tccc' in window && window.tccc !== undefined)).toBe(false);
  await agentConsole.connectButton.click();
  await agentConsole.expectStatus('ready');
});

test.describe('a stopped server', () => {
  test.use({ expectedBrowserErrors: [/net::ERR_CONNECTION_REFUSED/] });

  test('shows that the server cannot be reached', async ({ agentConsole, mockTccc }) => {
    // A server of its own, so stopping it does not disturb the other tests of this worker.
    const server = await startDemoServer({ tcccUrl: mockTccc.url });
    let stopped = false;
    try {
      await agentConsole.page.goto(server.url);
      await agentConsole.signIn(AGENT, DEMO_PASSWORD);
      await server.close();
      stopped = true;

      await agentConsole.connectButton.click();
      await agentConsole.expectStatus('error');
      await expect(agentConsole.failure).toHaveAttribute('data-reason', 'server-unreachable');
      await expect(agentConsole.failure).toContainText('Cannot reach the server');
      await expect(agentConsole.failure).toContainText('Check that the server is running');
      await expect(agentConsole.retryButton).toBeVisible();
    } finally {
      if (!stopped) await server.close();
    }
  });
});

test('a double click on Connect fetches one SDK URL and injects one script', async ({
  agentConsole,
  page,
  mockTccc,
}) => {
  const sdkUrls = countSdkUrlRequests(page);
  await agentConsole.open();
  await agentConsole.signIn(AGENT, DEMO_PASSWORD);
  await agentConsole.connectButton.dblclick();
  await agentConsole.expectStatus('ready');

  await expect(agentConsole.sdkScripts).toHaveCount(1);
  expect(sdkUrls.count).toBe(1);
  expect(await mockTccc.control.tokens()).toHaveLength(1);
});
