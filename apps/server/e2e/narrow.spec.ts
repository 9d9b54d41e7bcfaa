/**
 * The console on a phone-sized screen (390 px wide): the whole flow fits without sideways
 * scrolling, is operable by keyboard alone, and passes axe in each state.
 */
import type { AgentConsole } from './agent-console.js';
import { AGENT, DEMO_PASSWORD } from './demo-server.js';
import { expect, test } from './fixtures.js';

test.use({ viewport: { width: 390, height: 844 } });

async function expectNoSidewaysScroll(agentConsole: AgentConsole) {
  const overflow = await agentConsole.page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow, 'pixels of horizontal overflow').toBeLessThanOrEqual(0);
}

test('at 390 px: sign in, connect, answer, hold, hang up and get ready again, by keyboard', async ({
  agentConsole,
  page,
  mockTccc,
}) => {
  await agentConsole.open();
  await page.keyboard.type(AGENT);
  await page.keyboard.press('Tab');
  await page.keyboard.type(DEMO_PASSWORD);
  await page.keyboard.press('Enter');
  await agentConsole.expectStatus('signed-in');
  await expect(agentConsole.connectButton).toBeFocused();
  await expectNoSidewaysScroll(agentConsole);
  await agentConsole.state('narrow-connect');
  await page.keyboard.press('Enter');
  await agentConsole.expectStatus('ready');
  await expectNoSidewaysScroll(agentConsole);
  await agentConsole.state('narrow-ready');

  const { sessionId } = await mockTccc.control.inboundCall({
    seatUserId: AGENT,
    callerPhoneNumber: '008613900139000',
    remark: 'Enterprise hotline',
  });
  await expect(agentConsole.button('Accept')).toBeFocused();
  await expectNoSidewaysScroll(agentConsole);
  await agentConsole.state('narrow-incoming-call');
  await page.keyboard.press('Enter');

  await expect(agentConsole.activeCall).toHaveAttribute('data-stage', 'talking');
  await page.keyboard.press('Tab'); // Mute -> Hold
  await expect(page.getByTestId('hold')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('call-state')).toHaveText('On hold');
  await expectNoSidewaysScroll(agentConsole);
  await agentConsole.state('narrow-call-on-hold');

  await mockTccc.control.endCall(sessionId);
  await expect(agentConsole.button('Ready for the next call')).toBeFocused();
  await expectNoSidewaysScroll(agentConsole);
  await agentConsole.state('narrow-after-call');
  await page.keyboard.press('Enter');
  await expect(agentConsole.afterCall).toBeHidden();
  await expect(agentConsole.agentStatus).toHaveAttribute('data-status', 'free');
});

test.describe('a lost connection', () => {
  test.use({
    expectedBrowserErrors: [/status of 503 \(Service Unavailable\) \(at \/sdk\/events\)$/],
  });

  test('at 390 px: the banner fits, says calls are not reaching the agent, and clears by itself', async ({
    agentConsole,
    mockTccc,
  }) => {
    await agentConsole.signInAndConnect(AGENT, DEMO_PASSWORD);
    await mockTccc.control.addFault({ target: 'sdk.events', kind: 'status', status: 503 });
    await mockTccc.control.disconnectSdk({ seatUserId: AGENT });
    await expect(agentConsole.page.getByTestId('connection-lost')).toContainText(
      'Incoming calls are not reaching you',
    );
    await expectNoSidewaysScroll(agentConsole);
    await agentConsole.state('narrow-connection-lost');
    await mockTccc.control.clearFaults();
    await agentConsole.expectStatus('ready');
  });
});
