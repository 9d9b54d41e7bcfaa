/**
 * One SDK per agent across the browser's tabs: a second tab of the same agent does not load
 * a second SDK; it says the console is active elsewhere and offers "Use here", which moves
 * the seat cleanly (the first tab takes it offline and unloads first), and is refused while
 * the holding tab is on a call.
 */
import { AgentConsole } from './agent-console.js';
import { AGENT, DEMO_PASSWORD } from './demo-server.js';
import { expect, test } from './fixtures.js';

// The first tab's SDK is unloaded before the second logs in, but today's fake SDK keeps
// retrying its event stream after the unload; once the newer login has ended that session,
// the retry is refused (401) and Chromium logs it. Not the console's doing: the fake SDK's
// teardown (Agent.offline() ending the session, the stream stopped) is the emulator's work.
test.use({ expectedBrowserErrors: [/status of 401 \(Unauthorized\) \(at \/sdk\/events\)$/] });

test('a second tab offers "Use here", which moves the seat; a tab on a call keeps it', async ({
  agentConsole,
  context,
  mockTccc,
}) => {
  await agentConsole.signInAndConnect(AGENT, DEMO_PASSWORD);
  const second = new AgentConsole(await context.newPage());
  await second.open();
  await second.expectStatus('signed-in');
  await second.connectButton.click();

  await second.expectStatus('elsewhere');
  await expect(second.page.getByTestId('seat-elsewhere')).toContainText(
    'The console is open in another tab',
  );
  await expect(second.button('Use here')).toBeFocused();
  await expect(second.sdkScripts).toHaveCount(0);
  expect(await mockTccc.control.tokens()).toHaveLength(1);
  await second.state('tab-elsewhere');

  await second.page.keyboard.press('Enter');
  await second.expectStatus('ready');
  await agentConsole.expectStatus('moved');
  await expect(agentConsole.sdkScripts).toHaveCount(0);
  await expect(agentConsole.button('Use here')).toBeVisible();
  await agentConsole.state('tab-moved');
  expect(await mockTccc.control.tokens()).toHaveLength(2);

  // Calls ring in the tab that holds the seat now, and only there.
  await mockTccc.control.inboundCall({ seatUserId: AGENT });
  await expect(second.incoming).toBeVisible();
  await expect(agentConsole.incoming).toHaveCount(0);
  await second.button('Accept').click();
  await expect(second.activeCall).toHaveAttribute('data-stage', 'talking');

  // The first tab asks for the seat back during the call: the customer is not dropped.
  await agentConsole.button('Use here').click();
  await expect(
    agentConsole.page.getByTestId('toast').filter({ hasText: 'The other tab is on a call' }),
  ).toBeVisible();
  await agentConsole.expectStatus('elsewhere');
  await expect(second.activeCall).toHaveAttribute('data-stage', 'talking');
  expect(await mockTccc.control.tokens()).toHaveLength(2);
  await second.page.close();
});
