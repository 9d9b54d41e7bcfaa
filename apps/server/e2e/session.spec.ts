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
  await agentConsole.signIn(AGENT, DEMO_PASSWORD);
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
  await expect(agentConsole.agentStatus).not.toHaveText('Unknown');

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

test('signing out unloads the SDK; agent2 then signs in and takes a call, without a reload', async ({
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
  await expect(agentConsole.eventLog.locator('li')).toHaveCount(0);
  expect(await (await page.request.get('/api/session')).json()).toEqual({ email: null });

  await agentConsole.signIn(AGENT2, DEMO_PASSWORD);
  await agentConsole.connectButton.click();
  await agentConsole.expectStatus('ready');
  await expect(agentConsole.sdkScripts).toHaveCount(1);
  expect(await page.evaluate(() => (window as { sameDocument?: boolean }).sameDocument)).toBe(true);

  // The SDK now serves agent2: a call for agent2 rings here.
  await mockTccc.control.inboundCall({ seatUserId: AGENT2 });
  await expect(agentConsole.callSummary).toHaveAttribute('data-stage', 'ringing');
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
  await expect(page.getByLabel('Show the SDK workbench in this page')).toBeDisabled();

  await agentConsole.signOut();
  await expect(page.locator('#tcccSdkDomRoot')).toHaveCount(0);
});
