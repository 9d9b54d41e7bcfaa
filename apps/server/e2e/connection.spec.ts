/**
 * A lost link to TCCC is shown at once and mended: the SDK host's event stream drops (the
 * mock's control plane closes it, an `sdk.events` fault keeps the host "down"), the console
 * says Connection lost / incoming calls are not reaching you, and recovers by itself when the
 * host is back; a session TCCC ended meanwhile is signed in again by itself; and a newer login of the seat elsewhere ends this one,
 * which the console says, offering to take the seat back. Reconnect now: reconnect.spec.ts.
 */
import { AgentConsole, countSdkUrlRequests } from './agent-console.js';
import { AGENT, DEMO_PASSWORD } from './demo-server.js';
import { expect, test } from './fixtures.js';

/** While the host is "down" the fake SDK's stream reopen attempts get this status. */
const HOST_DOWN = { target: 'sdk.events', kind: 'status', status: 503 } as const;

test.describe('a lost event stream', () => {
  test.use({
    // One pattern: a two-element array would read as Playwright's [value, options] tuple.
    // 503: the fake SDK's attempts to reopen the stream while the host is down; 401: once
    // TCCC ended the session (grace passed), its credential is refused.
    expectedBrowserErrors: [
      /status of (503 \(Service Unavailable\)|401 \(Unauthorized\)) \(at \/sdk\/events\)$/,
    ],
  });

  test('is shown at once, calls do not reach the seat, and the console recovers by itself on the same login', async ({
    agentConsole,
    page,
    mockTccc,
  }) => {
    const { control } = mockTccc;
    const sdkUrls = countSdkUrlRequests(page);
    await agentConsole.signInAndConnect(AGENT, DEMO_PASSWORD);
    expect(sdkUrls.count).toBe(1);

    await control.addFault(HOST_DOWN);
    expect(await control.disconnectSdk({ seatUserId: AGENT })).toBe(1);

    await agentConsole.expectStatus('reconnecting');
    const lost = page.getByTestId('connection-lost');
    await expect(lost).toBeVisible();
    await expect(lost).toContainText('Connection to TCCC lost');
    await expect(lost).toContainText('Incoming calls are not reaching you');
    await expect(lost).toContainText('reconnecting by itself');
    await expect(agentConsole.status).toContainText('Connection lost: reconnecting');
    await expect(agentConsole.button('Reconnect now')).toBeVisible();
    await agentConsole.state('connection-lost');
    // True as TCCC sees it: the seat is not offered calls while its stream is gone.
    await expect(control.inboundCall({ seatUserId: AGENT })).rejects.toMatchObject({
      status: 409,
    });

    // The host is back: the SDK reopens its stream with the same login; no new SDK URL.
    await control.clearFaults();
    await agentConsole.expectStatus('ready');
    await expect(lost).toBeHidden();
    await expect(agentConsole.agentStatus).toHaveAttribute('data-status', 'free');
    expect(sdkUrls.count).toBe(1);
    expect(await control.tokens()).toHaveLength(1);
    await agentConsole.state('connection-restored');

    await control.inboundCall({ seatUserId: AGENT });
    await expect(agentConsole.incoming).toBeVisible();
  });

  test('during a call keeps the call on screen with its controls, and the call goes on after', async ({
    agentConsole,
    page,
    mockTccc,
  }) => {
    const { control } = mockTccc;
    await agentConsole.signInAndConnect(AGENT, DEMO_PASSWORD);
    const { sessionId } = await control.inboundCall({ seatUserId: AGENT });
    await agentConsole.button('Accept').click();
    await expect(agentConsole.activeCall).toHaveAttribute('data-stage', 'talking');
    await expect(page.getByTestId('mute')).toBeFocused();

    await control.addFault(HOST_DOWN);
    await control.disconnectSdk({ seatUserId: AGENT });
    await agentConsole.expectStatus('reconnecting');
    await expect(page.getByTestId('connection-lost')).toBeVisible();
    // The call stays, its controls too, and the focus was not pulled away from them.
    await expect(agentConsole.activeCall).toHaveAttribute('data-stage', 'talking');
    await expect(agentConsole.button('Hang up')).toBeVisible();
    await expect(page.getByTestId('mute')).toBeFocused();
    await agentConsole.state('connection-lost-on-call');

    await control.clearFaults();
    await agentConsole.expectStatus('ready');
    await expect(agentConsole.activeCall).toHaveAttribute('data-stage', 'talking');
    // Events of the call reach the console again: the customer hangs up.
    await control.endCall(sessionId);
    await expect(agentConsole.afterCall).toHaveAttribute('data-outcome', 'customer-hung-up');
  });

  test('when TCCC ended the session meanwhile, the console signs the seat in again by itself with one fresh SDK URL', async ({
    agentConsole,
    page,
    mockTccc,
  }) => {
    const { control } = mockTccc;
    const sdkUrls = countSdkUrlRequests(page);
    await agentConsole.signInAndConnect(AGENT, DEMO_PASSWORD);

    await control.addFault(HOST_DOWN);
    await control.disconnectSdk({ seatUserId: AGENT });
    await agentConsole.expectStatus('reconnecting');
    // The outage outlasts TCCC's grace period (60 s): the session is over at TCCC.
    await control.advanceClock(61_000);
    await expect
      .poll(async () => (await control.sessions()).filter((s) => s.seatUserId === AGENT))
      .toEqual([]);

    // The host is back; the old login is refused, the console says so and loads again a
    // second later (autoReconnectDelaysMs): watched on every frame, so the short state is seen.
    const saidSo = page.waitForFunction(
      () =>
        document
          .querySelector('[data-testid="connection-lost"]')
          ?.textContent?.includes('TCCC ended your session'),
      undefined,
      { polling: 'raf', timeout: 30_000 },
    );
    await control.clearFaults();
    await saidSo;
    await agentConsole.expectStatus('ready');
    expect(sdkUrls.count).toBe(2);
    await expect(agentConsole.sdkScripts).toHaveCount(1);
    expect((await control.sessions()).map((s) => [s.seatUserId, s.connected])).toEqual([
      [AGENT, true],
    ]);
  });
});

test.describe('a newer login of the seat elsewhere', () => {
  // The older SDK's credential is refused once the newer login took over; Chromium logs it.
  test.use({ expectedBrowserErrors: [/status of 401 \(Unauthorized\) \(at \/sdk\/events\)$/] });

  test('ends this session, which the console says, and Use here takes the seat back', async ({
    agentConsole,
    page,
    browser,
    demoServer,
    mockTccc,
  }) => {
    const sdkUrls = countSdkUrlRequests(page);
    await agentConsole.signInAndConnect(AGENT, DEMO_PASSWORD);

    // Another browser (its own cookies and storage: not a tab of this one) signs in the seat.
    const context = await browser.newContext({ baseURL: demoServer.url });
    try {
      const elsewhere = new AgentConsole(await context.newPage());
      await elsewhere.signInAndConnect(AGENT, DEMO_PASSWORD);

      await agentConsole.expectStatus('taken-over');
      await expect(page.getByTestId('seat-elsewhere')).toContainText(
        'Your seat was signed in elsewhere',
      );
      await expect(page.getByTestId('seat-elsewhere')).toContainText('calls ring there now');
      await expect(agentConsole.sdkScripts).toHaveCount(0);
      await expect(agentConsole.button('Use here')).toBeFocused();
      await agentConsole.state('taken-over');

      // Calls go to the newer login.
      await mockTccc.control.inboundCall({ seatUserId: AGENT });
      await expect(elsewhere.incoming).toBeVisible();
      await expect(agentConsole.incoming).toHaveCount(0);
      await elsewhere.button('Decline').click();
      await expect(elsewhere.afterCall).toBeVisible();
      await elsewhere.button('Ready for the next call').click();

      // Use here: one fresh SDK URL, and the other browser is told in turn.
      await page.keyboard.press('Enter');
      await agentConsole.expectStatus('ready');
      expect(sdkUrls.count).toBe(2);
      await elsewhere.expectStatus('taken-over');
      await mockTccc.control.inboundCall({ seatUserId: AGENT });
      await expect(agentConsole.incoming).toBeVisible();
    } finally {
      await context.close();
    }
  });
});
