/** Signing in, connecting, signing out and switching agents, and what happens without a session. */
import { AGENT, AGENT2, DEMO_PASSWORD } from './demo-server.js';
import { expect, test } from './fixtures.js';

test('signs in, connects and reaches ready, the SDK script carrying the page nonce', async ({
  agentConsole,
  page,
  mockTccc,
}) => {
  await agentConsole.open();
  await agentConsole.expectStatus('signed-out');
  await expect(page.getByTestId('demo-hint')).toContainText('agent@example.com');
  await expect(page.getByTestId('demo-hint')).toContainText(DEMO_PASSWORD);
  await expect(page.getByLabel('Email')).toBeFocused();
  await agentConsole.state('sign-in');

  await agentConsole.signIn(AGENT, DEMO_PASSWORD);
  await expect(agentConsole.connectButton).toBeFocused();
  await agentConsole.state('connect');
  await agentConsole.connectButton.click();
  await agentConsole.expectStatus('ready');

  await expect(agentConsole.sdkScripts).toHaveCount(1);
  const nonces = await page.evaluate(() => ({
    page: document.querySelector<HTMLMetaElement>('meta[property="csp-nonce"]')?.nonce,
    sdk: document.querySelector<HTMLScriptElement>('script[src*="/sdk/"]')?.nonce,
  }));
  expect(nonces.page).toMatch(/^[A-Za-z0-9+/_-]{16,}={0,2}$/);
  expect(nonces.sdk).toBe(nonces.page);
  await expect(agentConsole.logEntries('ready')).toHaveCount(1);
  // The agent's status is the header's state, with its time in state.
  await expect(agentConsole.agentStatus).toHaveAttribute('data-status', 'free');
  await expect(agentConsole.agentStatus).toContainText('Free');
  await expect(agentConsole.agentStatus).toContainText(/0:0\d/);
  await agentConsole.state('ready');

  const sessions = await mockTccc.control.sessions();
  expect(sessions.map((session) => [session.seatUserId, session.connected])).toEqual([
    [AGENT, true],
  ]);
});

test.describe('a wrong password', () => {
  test.use({ expectedBrowserErrors: [/status of 401 \(Unauthorized\)/] });

  test('is refused with a message and no session', async ({ agentConsole, page }) => {
    await agentConsole.open();
    await page.getByLabel('Email').fill(AGENT);
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(agentConsole.signInMessage).toBeVisible();
    await expect(agentConsole.signInMessage).not.toBeEmpty();
    await agentConsole.expectStatus('signed-out');
    await agentConsole.state('sign-in-refused');
    expect(await (await page.request.get('/api/session')).json()).toEqual({ email: null });
  });
});

test('the SDK URL endpoint answers 401 problem+json without a session', async ({ request }) => {
  const response = await request.post('/api/tccc/sdk-url');
  expect(response.status()).toBe(401);
  expect(response.headers()['content-type']).toContain('application/problem+json');
  const problem = await response.json();
  expect(problem).toMatchObject({
    status: 401,
    code: expect.any(String),
    detail: expect.any(String),
  });
  expect(problem).not.toHaveProperty('sdkUrl');
});

test.describe('a session that ended', () => {
  test.use({ expectedBrowserErrors: [/status of 401 \(Unauthorized\)/] });

  test('sends the agent back to sign-in when Connect gets 401', async ({
    agentConsole,
    context,
  }) => {
    await agentConsole.open();
    await agentConsole.signIn(AGENT, DEMO_PASSWORD);
    await context.clearCookies();
    await agentConsole.connectButton.click();
    await agentConsole.expectStatus('signed-out');
    await expect(agentConsole.signInMessage).toContainText('Your session has ended');
    await expect(agentConsole.page.getByLabel('Email')).toBeVisible();
    await expect(agentConsole.sdkScripts).toHaveCount(0);
  });
});

test('signing out takes the seat offline at TCCC, unloads the SDK, and agent2 then takes a call without a reload', async ({
  agentConsole,
  page,
  mockTccc,
}) => {
  await agentConsole.signInAndConnect(AGENT, DEMO_PASSWORD);
  await page.evaluate(() => {
    (window as { sameDocument?: boolean }).sameDocument = true;
  });

  await agentConsole.signOut();
  await expect(agentConsole.sdkScripts).toHaveCount(0);
  await expect(page.locator('#tcccSdkDomRoot')).toHaveCount(0);
  expect(await page.evaluate(() => 'tccc' in window && window.tccc !== undefined)).toBe(false);
  expect(await (await page.request.get('/api/session')).json()).toEqual({ email: null });
  // As TCCC sees it: the seat takes no calls any more.
  const seat = (await mockTccc.control.sessions()).find((s) => s.seatUserId === AGENT);
  expect(seat === undefined || !seat.connected || seat.status !== 'free').toBe(true);
  await expect(mockTccc.control.inboundCall({ seatUserId: AGENT })).rejects.toMatchObject({
    status: 409,
  });

  await agentConsole.signIn(AGENT2, DEMO_PASSWORD);
  await agentConsole.connectButton.click();
  await agentConsole.expectStatus('ready');
  await expect(agentConsole.sdkScripts).toHaveCount(1);
  expect(await page.evaluate(() => (window as { sameDocument?: boolean }).sameDocument)).toBe(true);

  // The SDK now serves agent2: a call for agent2 rings here.
  await mockTccc.control.inboundCall({ seatUserId: AGENT2 });
  await expect(agentConsole.incoming).toBeVisible();
});

test('signing out during a call asks first, then ends the call and takes the seat offline', async ({
  agentConsole,
  page,
  mockTccc,
}) => {
  await agentConsole.signInAndConnect(AGENT, DEMO_PASSWORD);
  const { sessionId } = await mockTccc.control.inboundCall({ seatUserId: AGENT });
  await agentConsole.button('Accept').click();
  await expect(agentConsole.activeCall).toHaveAttribute('data-stage', 'talking');

  await agentConsole.button('Sign out').click();
  const dialog = page.getByRole('alertdialog', { name: 'End the call and sign out?' });
  await expect(dialog).toBeVisible();
  // The safe choice has the focus: Enter does not drop the customer.
  await expect(dialog.getByRole('button', { name: 'Stay on the call' })).toBeFocused();
  await agentConsole.state('sign-out-during-call');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(agentConsole.activeCall).toBeVisible();

  await agentConsole.button('Sign out').click();
  await dialog.getByRole('button', { name: 'End call and sign out' }).click();
  await agentConsole.expectStatus('signed-out');
  const call = (await mockTccc.control.calls()).find((c) => c.sessionId === sessionId);
  expect(call).toMatchObject({ state: 'ended', closeBy: 'seat' });
  await expect(mockTccc.control.inboundCall({ seatUserId: AGENT })).rejects.toMatchObject({
    status: 409,
  });
});

test('the SDK workbench can render inside the page instead of floating', async ({
  agentConsole,
  page,
}) => {
  await agentConsole.open();
  await agentConsole.signIn(AGENT, DEMO_PASSWORD);
  await page.getByLabel('Show the SDK workbench in this page').check();
  const container = page.getByTestId('workbench');
  await expect(container).toBeVisible();
  const box = await container.boundingBox();
  expect(box?.width).toBeGreaterThanOrEqual(760);
  expect(box?.height).toBeGreaterThanOrEqual(480);

  await agentConsole.connectButton.click();
  await agentConsole.expectStatus('ready');
  await expect(agentConsole.sdkScripts).toHaveAttribute('data-render-dom-id', 'tccc-workbench');
  await expect(container.locator('#tcccSdkDomRoot')).toHaveCount(1);

  await agentConsole.signOut();
  await expect(page.locator('#tcccSdkDomRoot')).toHaveCount(0);
});
