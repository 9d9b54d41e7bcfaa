/**
 * Transfer, as two agents live it: agent@example.com (this test's page) is on a call, opens
 * Transfer, picks a colleague or a skill group from the lists the server reads from the cloud
 * API (DescribeSkillGroupInfoList / DescribeStaffInfoList, through the mock), by keyboard;
 * their console shows "Transferred to …" and after-call work, and agent2@example.com (a second
 * browser context, signed in as the other seat) gets the call and accepts it; the mock's
 * control plane shows the call on the new seat. A target that cannot take the call is refused
 * with a clear message and the call stays where it was.
 */

import type { Browser, Page } from '@playwright/test';
import { DEFAULT_SDK_APP_ID } from '@tccc-kit/mock-tccc';
import type { StartedMockTccc } from '@tccc-kit/mock-tccc/testing';
import { AgentConsole } from './agent-console.js';
import { AGENT, AGENT2, DEMO_PASSWORD, type DemoServer } from './demo-server.js';
import { expect, test } from './fixtures.js';

type MockControl = StartedMockTccc['control'];

const app = DEFAULT_SDK_APP_ID;
test.use({
  mockTcccOptions: {
    apps: [{ sdkAppId: app }],
    skillGroups: [
      { sdkAppId: app, skillGroupId: 101, name: 'Support' },
      { sdkAppId: app, skillGroupId: 102, name: 'Billing' },
      // Nobody is a member: a transfer here finds no free agent.
      { sdkAppId: app, skillGroupId: 103, name: 'Complaints' },
    ],
    staff: [
      { sdkAppId: app, mail: AGENT, name: 'Wu Fang', skillGroups: [101] },
      { sdkAppId: app, mail: AGENT2, name: 'Zhou Min', skillGroups: [101, 102] },
    ],
  },
});

/** agent2's console in a browser context of its own (its own cookies: another person). */
async function openColleague(browser: Browser, demoServer: DemoServer) {
  const context = await browser.newContext({ baseURL: demoServer.url });
  const colleague = new AgentConsole(await context.newPage());
  await colleague.signInAndConnect(AGENT2, DEMO_PASSWORD);
  return { colleague, close: () => context.close() };
}

/** An inbound call for agent@example.com, accepted: the call to transfer. */
async function onCall(agentConsole: AgentConsole, control: MockControl) {
  const { sessionId } = await control.inboundCall({
    seatUserId: AGENT,
    callerPhoneNumber: '008613900139000',
  });
  await expect(agentConsole.button('Accept')).toBeFocused();
  await agentConsole.page.keyboard.press('Enter');
  await expect(agentConsole.activeCall).toHaveAttribute('data-stage', 'talking');
  return sessionId;
}

/** Opens the dialog from the call's Transfer button by keyboard; waits for the lists. */
async function openTransfer(page: Page) {
  await page.getByTestId('transfer').focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Transfer the call' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('group', { name: 'Agents' })).toBeVisible();
  return dialog;
}

test('to a colleague by keyboard: "Transferred to Zhou Min", after-call work, and agent2 takes the call', async ({
  agentConsole,
  page,
  browser,
  demoServer,
  mockTccc,
}) => {
  const { colleague, close } = await openColleague(browser, demoServer);
  try {
    await agentConsole.signInAndConnect(AGENT, DEMO_PASSWORD);
    const sessionId = await onCall(agentConsole, mockTccc.control);

    const dialog = await openTransfer(page);
    // The lists as TCCC has them, sorted by name, without the agent themselves.
    await expect(
      dialog.getByRole('group', { name: 'Skill groups' }).locator('label'),
    ).toContainText(['Billing', 'Complaints', 'Support']);
    const agents = dialog.getByRole('group', { name: 'Agents' }).locator('label');
    await expect(agents).toHaveCount(1);
    await expect(agents).toContainText('Zhou Min');
    await expect(agents).toContainText(`${AGENT2} · Support · Billing`);
    await expect(dialog.getByLabel('Filter')).toBeFocused();
    await expect(dialog.getByTestId('transfer-submit')).toBeDisabled();
    await agentConsole.state('transfer-dialog');

    // Filter, Tab to the colleague, Space picks, Tab twice to the Transfer button, Enter.
    await page.keyboard.type('zhou');
    await expect(dialog.getByRole('group', { name: 'Skill groups' })).toContainText('None match.');
    await page.keyboard.press('Tab');
    await expect(dialog.getByRole('radio', { name: /Zhou Min/ })).toBeFocused();
    await page.keyboard.press('Space');
    await expect(dialog.getByRole('radio', { name: /Zhou Min/ })).toBeChecked();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    const submit = dialog.getByRole('button', { name: 'Transfer to Zhou Min' });
    await expect(submit).toBeFocused();
    await page.keyboard.press('Enter');

    await expect(dialog).toBeHidden();
    await expect(agentConsole.afterCall).toHaveAttribute('data-outcome', 'transferred');
    await expect(page.getByTestId('call-outcome')).toHaveText('Transferred to Zhou Min');
    await expect(page.getByTestId('wrap-up-timer')).toHaveText(/^0:0\d$/);
    await expect(agentConsole.button('Ready for the next call')).toBeFocused();
    await expect(agentConsole.logEntries('transfer')).toContainText(AGENT2);
    await agentConsole.state('after-transfer');

    // The colleague's console rings with the same customer; they accept by keyboard.
    await expect(colleague.incoming).toBeVisible();
    await expect(colleague.page.getByTestId('incoming-number')).toHaveText('008613900139000');
    await expect(colleague.logEntries('callIn')).toContainText(sessionId);
    await expect(colleague.button('Accept')).toBeFocused();
    await colleague.page.keyboard.press('Enter');
    await expect(colleague.activeCall).toHaveAttribute('data-stage', 'talking');

    // As TCCC sees it: the same call, now on agent2's seat, the first leg transferred.
    const call = await mockTccc.control.call(sessionId);
    expect(call).toMatchObject({ state: 'talking', seatUserId: AGENT2 });
    expect(call.legs.map((leg) => [leg.seatUserId, leg.via])).toEqual([
      [AGENT, 'route'],
      [AGENT2, 'transfer'],
    ]);
    expect(call.legs[0]?.endedAt).toBeDefined();

    await page.keyboard.press('Enter');
    await expect(agentConsole.afterCall).toBeHidden();
    await expect(agentConsole.agentStatus).toHaveAttribute('data-status', 'free');
  } finally {
    await close();
  }
});

test.describe('refused transfers', () => {
  // TCCC's SDK host answers a refused transfer with 409; Chromium logs the failed request.
  test.use({
    expectedBrowserErrors: [/status of 409 \(Conflict\) \(at \/sdk\/calls\/[^/]+\/transfer\)$/],
  });

  test('to a skill group, after two refusals that keep the call: a colleague on a break, a group with nobody free', async ({
    agentConsole,
    page,
    browser,
    demoServer,
    mockTccc,
  }) => {
    const { colleague, close } = await openColleague(browser, demoServer);
    try {
      await colleague.chooseStatus('Break: lunch');
      await expect(colleague.agentStatus).toHaveAttribute('data-status', 'rest');
      await agentConsole.signInAndConnect(AGENT, DEMO_PASSWORD);
      const sessionId = await onCall(agentConsole, mockTccc.control);

      // The colleague is on a break: TCCC refuses, the dialog says why, the call stays.
      const dialog = await openTransfer(page);
      await dialog.getByRole('radio', { name: /Zhou Min/ }).check();
      await dialog.getByRole('button', { name: 'Transfer to Zhou Min' }).click();
      const problem = dialog.getByTestId('transfer-problem');
      await expect(problem).toContainText('Zhou Min could not take the call.');
      await expect(problem).toContainText('The customer is still with you');
      await expect(problem).toContainText(
        'TCCC: Agent "agent2@example.com" cannot take the call now',
      );
      await expect(dialog.getByRole('button', { name: 'Transfer to Zhou Min' })).toBeEnabled();
      await agentConsole.state('transfer-refused');
      expect(await mockTccc.control.call(sessionId)).toMatchObject({
        state: 'talking',
        seatUserId: AGENT,
      });

      // A group with nobody free: the same.
      await dialog.getByRole('radio', { name: 'Complaints' }).check();
      await dialog.getByRole('button', { name: 'Transfer to Complaints' }).click();
      await expect(problem).toContainText('Complaints could not take the call.');
      await expect(problem).toContainText('TCCC: No agent of skill group 103 is free');

      // Escape closes the dialog, focus goes back to Transfer, the call goes on.
      await page.keyboard.press('Escape');
      await expect(dialog).toBeHidden();
      await expect(page.getByTestId('transfer')).toBeFocused();
      await expect(agentConsole.activeCall).toHaveAttribute('data-stage', 'talking');
      await expect(agentConsole.afterCall).toBeHidden();

      // The colleague is back from the break; the call goes to Support by keyboard, where the
      // next free member (agent2) takes it.
      await colleague.chooseStatus('Free');
      await expect(colleague.agentStatus).toHaveAttribute('data-status', 'free');
      await page.keyboard.press('Enter');
      await expect(dialog).toBeVisible();
      await page.keyboard.type('supp');
      await page.keyboard.press('Tab');
      await expect(dialog.getByRole('radio', { name: 'Support' })).toBeFocused();
      await page.keyboard.press('Space');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      await expect(dialog.getByRole('button', { name: 'Transfer to Support' })).toBeFocused();
      await page.keyboard.press('Enter');

      await expect(agentConsole.afterCall).toHaveAttribute('data-outcome', 'transferred');
      await expect(page.getByTestId('call-outcome')).toHaveText('Transferred to Support');
      await expect(colleague.incoming).toBeVisible();
      await colleague.button('Accept').click();
      await expect(colleague.activeCall).toHaveAttribute('data-stage', 'talking');
      const call = await mockTccc.control.call(sessionId);
      expect(call).toMatchObject({ state: 'talking', seatUserId: AGENT2 });
      expect(call.legs.at(-1)).toMatchObject({
        seatUserId: AGENT2,
        via: 'transfer',
        skillGroupId: 101,
      });
    } finally {
      await close();
    }
  });
});

test.describe('at 390 px', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('the transfer dialog fits the screen and works by keyboard', async ({
    agentConsole,
    page,
    mockTccc,
  }) => {
    await agentConsole.signInAndConnect(AGENT, DEMO_PASSWORD);
    await onCall(agentConsole, mockTccc.control);
    const dialog = await openTransfer(page);
    await expect(dialog.getByRole('radio', { name: /Zhou Min/ })).toBeVisible();
    const box = await dialog.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= 390).toBe(true);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow, 'pixels of horizontal overflow').toBeLessThanOrEqual(0);
    await agentConsole.state('narrow-transfer-dialog');
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('transfer')).toBeFocused();
  });
});
