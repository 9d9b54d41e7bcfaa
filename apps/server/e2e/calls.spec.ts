/** The call panel driven by SDK events: outbound, inbound, mute and agent status. */
import { AGENT, DEMO_PASSWORD } from './demo-server.js';
import { expect, test } from './fixtures.js';

test.beforeEach(async ({ agentConsole }) => {
  await agentConsole.signInAndConnect(AGENT, DEMO_PASSWORD);
});

test('outbound call: dialing, the callee answers, the agent hangs up', async ({
  agentConsole,
  page,
}) => {
  const number = page.getByLabel('Phone number');

  await number.fill('call me');
  await agentConsole.callButton('Call').click();
  await expect(agentConsole.notice).toContainText('digits only');

  // The mock answers numbers that do not end in 8 or 9 (mocks/tccc/src/sdk/outcomes.ts).
  await number.fill('+86 138 0013 8001');
  await agentConsole.callButton('Call').click();
  await expect(agentConsole.notice).toBeHidden();
  await expect(agentConsole.logEntries('callOuted')).toHaveCount(1);
  await expect(agentConsole.callSummary).toHaveAttribute('data-stage', /dialing|talking/);
  await expect(agentConsole.callSummary).toContainText('+8613800138001');

  await expect(agentConsole.callSummary).toHaveAttribute('data-stage', 'talking');
  await expect(agentConsole.logEntries('calloutAccepted')).toHaveCount(1);
  await expect(agentConsole.callSummary).toHaveText('Connected to +8613800138001');
  await expect(agentConsole.callButton('Call')).toBeDisabled();

  await agentConsole.callButton('Hang up').click();
  await expect(agentConsole.callSummary).toHaveText('No call');
  await expect(agentConsole.logEntries('sessionEnded')).toContainText('"closeBy":"seat"');
  await expect(agentConsole.callButton('Call')).toBeEnabled();
});

test('inbound call: offered by TCCC, accepted, the customer hangs up', async ({
  agentConsole,
  mockTccc,
}) => {
  const { sessionId } = await mockTccc.control.inboundCall({
    seatUserId: AGENT,
    callerPhoneNumber: '008613900139000',
  });

  await expect(agentConsole.callSummary).toHaveText('Incoming call from 008613900139000');
  await expect(agentConsole.logEntries('callIn')).toContainText(sessionId);
  await expect(agentConsole.callButton('Mute')).toBeDisabled();

  await agentConsole.callButton('Accept').click();
  await expect(agentConsole.callSummary).toHaveText('In call with 008613900139000');
  await expect(agentConsole.logEntries('userAccessed')).toHaveCount(1);
  await expect(agentConsole.callButton('Accept')).toBeDisabled();

  await mockTccc.control.endCall(sessionId);
  await expect(agentConsole.callSummary).toHaveText('No call');
  await expect(agentConsole.logEntries('sessionEnded')).toContainText('"closeBy":"client"');
});

test('mute and unmute during a call, then change the agent status', async ({
  agentConsole,
  page,
  mockTccc,
}) => {
  const { sessionId } = await mockTccc.control.inboundCall({ seatUserId: AGENT });
  await agentConsole.callButton('Accept').click();
  await expect(agentConsole.callSummary).toHaveAttribute('data-stage', 'talking');

  await agentConsole.callButton('Mute').click();
  await expect(agentConsole.callButton('Unmute')).toHaveAttribute('aria-pressed', 'true');
  await expect(agentConsole.callSummary).toContainText('(muted)');
  const calls = await mockTccc.control.calls();
  expect(calls.find((call) => call.sessionId === sessionId)).toMatchObject({ muted: true });

  await agentConsole.callButton('Unmute').click();
  await expect(agentConsole.callButton('Mute')).toHaveAttribute('aria-pressed', 'false');
  await expect(agentConsole.callSummary).not.toContainText('(muted)');

  await agentConsole.callButton('Hang up').click();
  await expect(agentConsole.callSummary).toHaveText('No call');

  await page.getByLabel('Agent status').selectOption('rest');
  await agentConsole.callButton('Set status').click();
  await expect(agentConsole.agentStatus).toHaveAttribute('data-status', 'rest');
  await expect(agentConsole.agentStatus).toHaveText('On a break');
  await expect(agentConsole.logEntries('statusChanged').last()).toContainText('"status":"rest"');

  await page.getByLabel('Agent status').selectOption('free');
  await agentConsole.callButton('Set status').click();
  await expect(agentConsole.agentStatus).toHaveAttribute('data-status', 'free');
});
