/**
 * A day at the desk, driven by SDK events from the mock TCCC: outbound and inbound calls,
 * the incoming banner, the screen pop, mute, hold, keypad, how calls end (in words), after-
 * call work and the status menu. Every state is checked by axe-core; keyboard where an agent
 * would use it.
 */
import { AGENT, DEMO_PASSWORD } from './demo-server.js';
import { expect, test } from './fixtures.js';

test.beforeEach(async ({ agentConsole }) => {
  await agentConsole.signInAndConnect(AGENT, DEMO_PASSWORD);
});

test('outbound call: dialing, the callee answers, the screen pop, the agent hangs up, after-call work, Ready', async ({
  agentConsole,
  page,
}) => {
  const number = page.getByLabel('Phone number');
  await number.fill('call me');
  await agentConsole.button('Call').click();
  await expect(agentConsole.notice).toContainText('digits only');
  await expect(number).toHaveAttribute('aria-invalid', 'true');

  // The mock answers numbers that do not end in 8 or 9 (mocks/tccc/src/sdk/outcomes.ts).
  await agentConsole.dial('+86 138 0013 8001');
  await expect(agentConsole.notice).toBeHidden();
  await expect(agentConsole.activeCall).toHaveAttribute('data-stage', /dialing|talking/);
  await expect(page.getByTestId('call-peer')).toHaveText('+8613800138001');
  // The screen pop: the server's lookupCaller knows this number.
  await expect(page.getByTestId('customer-name')).toContainText('Wang Wei');

  await expect(agentConsole.activeCall).toHaveAttribute('data-stage', 'talking');
  await expect(agentConsole.logEntries('calloutAccepted')).toHaveCount(1);
  await expect(page.getByTestId('call-state')).toHaveText('On call');
  await expect(page.getByTestId('mute')).toBeFocused();
  await expect(agentConsole.agentStatus).toHaveAttribute('data-status', 'busy');
  await agentConsole.state('outbound-call');

  await agentConsole.button('Hang up').click();
  await expect(agentConsole.afterCall).toHaveAttribute('data-outcome', 'agent-hung-up');
  await expect(page.getByTestId('call-outcome')).toHaveText('You ended the call');
  await expect(agentConsole.logEntries('sessionEnded')).toContainText('"closeBy":"seat"');
  await expect(page.getByTestId('wrap-up-timer')).toHaveText(/^0:0\d$/);
  await expect(agentConsole.button('Ready for the next call')).toBeFocused();
  await agentConsole.state('after-call');

  await page.keyboard.press('Enter');
  await expect(agentConsole.afterCall).toBeHidden();
  await expect(agentConsole.agentStatus).toHaveAttribute('data-status', 'free');
});

test('inbound call by keyboard: the banner, focus on Accept, mute, hold, keypad, the customer hangs up', async ({
  agentConsole,
  page,
  mockTccc,
}) => {
  const { sessionId } = await mockTccc.control.inboundCall({
    seatUserId: AGENT,
    callerPhoneNumber: '008613900139000',
    remark: 'Enterprise hotline',
    timeoutSeconds: 30,
  });

  await expect(agentConsole.incoming).toBeVisible();
  await expect(page.getByTestId('incoming-number')).toHaveText('008613900139000');
  await expect(page.getByTestId('incoming-remark')).toHaveText('Enterprise hotline');
  await expect(page.getByTestId('seconds-left')).toContainText(/Answer within \d+ s/);
  await expect(page.getByTestId('customer-name')).toContainText('Li Na');
  await expect(agentConsole.logEntries('callIn')).toContainText(sessionId);
  // Focus is on Accept: the agent answers with Enter.
  await expect(agentConsole.button('Accept')).toBeFocused();
  await agentConsole.state('incoming-call');
  await page.keyboard.press('Enter');

  await expect(agentConsole.activeCall).toHaveAttribute('data-stage', 'talking');
  await expect(agentConsole.logEntries('userAccessed')).toHaveCount(1);
  await expect(page.getByTestId('mute')).toBeFocused();
  await expect(page.getByTestId('call-timer')).toHaveText(/^0:0\d$/);

  // Mute (Space on the focused toggle).
  await page.keyboard.press('Space');
  await expect(agentConsole.button('Unmute')).toHaveAttribute('aria-pressed', 'true');
  expect((await mockTccc.control.calls()).find((c) => c.sessionId === sessionId)).toMatchObject({
    muted: true,
  });
  await agentConsole.button('Unmute').click();
  await expect(agentConsole.button('Mute')).toHaveAttribute('aria-pressed', 'false');

  // Hold, as TCCC sees it, and back.
  await page.getByTestId('hold').focus();
  await page.keyboard.press('Enter');
  await expect(agentConsole.button('Resume')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('call-state')).toHaveText('On hold');
  await expect
    .poll(async () => (await mockTccc.control.calls()).find((c) => c.sessionId === sessionId)?.held)
    .toBe(true);
  await agentConsole.state('call-on-hold');
  await agentConsole.button('Resume').click();
  await expect
    .poll(async () => (await mockTccc.control.calls()).find((c) => c.sessionId === sessionId)?.held)
    .toBe(false);

  // Keypad: each key sends its tone.
  await agentConsole.button('Keypad').click();
  await page.getByRole('button', { name: 'Send 1' }).click();
  await page.keyboard.press('2');
  await page.getByRole('button', { name: 'Send hash' }).click();
  await expect(page.getByTestId('dtmf-sent')).toHaveText('12#');
  await agentConsole.state('keypad');

  // Status changes are not possible during a call, and the menu says why.
  await agentConsole.agentStatus.click();
  await expect(page.getByRole('menuitem', { name: /^Break: lunch/ })).toHaveAttribute(
    'aria-disabled',
    'true',
  );
  await expect(page.getByRole('menuitem', { name: /^Break: lunch/ })).toContainText(
    'Not during a call',
  );
  await page.keyboard.press('Escape');

  await mockTccc.control.endCall(sessionId);
  await expect(agentConsole.afterCall).toHaveAttribute('data-outcome', 'customer-hung-up');
  await expect(page.getByTestId('call-outcome')).toHaveText('The customer hung up');
  await expect(agentConsole.logEntries('sessionEnded')).toContainText('"closeBy":"client"');
});

test('how unanswered calls end, in words: declined, missed, busy, no answer', async ({
  agentConsole,
  page,
  mockTccc,
}) => {
  await mockTccc.control.inboundCall({ seatUserId: AGENT });
  await agentConsole.button('Decline').click();
  await expect(agentConsole.afterCall).toHaveAttribute('data-outcome', 'declined');
  await expect(page.getByTestId('call-outcome')).toHaveText('You declined the call');
  await agentConsole.button('Ready for the next call').click();

  await mockTccc.control.inboundCall({ seatUserId: AGENT, timeoutSeconds: 10 });
  await expect(agentConsole.incoming).toBeVisible();
  await mockTccc.control.advanceClock(11_000);
  await expect(agentConsole.afterCall).toHaveAttribute('data-outcome', 'missed');
  await expect(page.getByTestId('call-outcome')).toContainText('Missed');
  await agentConsole.state('missed-call');
  await agentConsole.button('Ready for the next call').click();

  await agentConsole.dial('13800138008');
  await expect(agentConsole.afterCall).toHaveAttribute('data-outcome', 'busy');
  await expect(page.getByTestId('call-outcome')).toContainText('Busy');
  await agentConsole.button('Ready for the next call').click();

  await agentConsole.dial('13800138009');
  await expect(agentConsole.activeCall).toHaveAttribute('data-stage', 'dialing');
  await expect(agentConsole.button('Cancel call')).toBeVisible();
  await mockTccc.control.advanceClock(31_000);
  await expect(agentConsole.afterCall).toHaveAttribute('data-outcome', 'no-answer');
  await expect(page.getByTestId('call-outcome')).toHaveText('No answer');
});

test('the status menu sets a break with its reason in one step, by keyboard, and back to Free', async ({
  agentConsole,
  page,
  mockTccc,
}) => {
  await agentConsole.agentStatus.focus();
  await page.keyboard.press('Enter');
  const menu = page.getByRole('menu');
  await expect(menu).toBeVisible();
  await expect(page.getByRole('menuitem', { name: /^Free/ })).toContainText('Your status now');
  await agentConsole.state('status-menu');
  await page.getByRole('menuitem', { name: /^Break: lunch/ }).focus();
  await page.keyboard.press('Enter');

  await expect(agentConsole.agentStatus).toHaveAttribute('data-status', 'rest');
  await expect(agentConsole.agentStatus).toContainText('On a break: lunch');
  await expect(agentConsole.agentStatus).toBeFocused();
  await expect(agentConsole.logEntries('statusChanged').last()).toContainText('"status":"rest"');
  expect((await mockTccc.control.sessions())[0]?.status).toBe('rest');
  await agentConsole.state('on-break');

  await agentConsole.chooseStatus('Free');
  await expect(agentConsole.agentStatus).toHaveAttribute('data-status', 'free');
});
