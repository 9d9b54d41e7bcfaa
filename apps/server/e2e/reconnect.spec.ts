/**
 * Reconnect now, while the console is still waiting for the SDK to mend a lost stream by
 * itself: exactly one fresh SDK URL, one live session at TCCC, calls ring again.
 */
import { countSdkUrlRequests } from './agent-console.js';
import { AGENT, DEMO_PASSWORD } from './demo-server.js';
import { expect, test } from './fixtures.js';

// The fake SDK waits 30 s (real time) before reopening a lost stream: the agent is quicker.
test.use({
  mockTcccOptions: { sdk: { reconnectInitialMs: 30_000, reconnectMaxMs: 30_000 } },
  // The unloaded SDK's last reopen attempt may still run; its login was replaced.
  expectedBrowserErrors: [/status of 401 \(Unauthorized\) \(at \/sdk\/events\)$/],
});

test('spends exactly one fresh SDK URL and leaves one live session', async ({
  agentConsole,
  page,
  mockTccc,
}) => {
  const { control } = mockTccc;
  const sdkUrls = countSdkUrlRequests(page);
  await agentConsole.signInAndConnect(AGENT, DEMO_PASSWORD);
  await control.disconnectSdk({ seatUserId: AGENT });
  await agentConsole.expectStatus('reconnecting');

  // By keyboard: the banner's button.
  await agentConsole.button('Reconnect now').focus();
  await page.keyboard.press('Enter');
  await agentConsole.expectStatus('ready');
  await expect(page.getByTestId('connection-lost')).toBeHidden();
  expect(sdkUrls.count).toBe(2);
  expect(await control.tokens()).toHaveLength(2);
  await expect(agentConsole.sdkScripts).toHaveCount(1);
  const sessions = await control.sessions();
  expect(sessions.map((s) => [s.seatUserId, s.connected])).toEqual([[AGENT, true]]);

  await control.inboundCall({ seatUserId: AGENT });
  await expect(agentConsole.incoming).toBeVisible();
});
