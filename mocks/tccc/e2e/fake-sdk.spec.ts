/**
 * The fake TCCC Web SDK in real Chromium, against the standalone mock, on a page of another
 * origin with a strict Content-Security-Policy.
 */
import { eventNames, expect, injectSdk, loadSdk, test, waitForEvent } from './fake-sdk-helpers.js';

const seat = 'agent@example.com';

test.beforeEach(async ({ page, pageServer }) => {
  await page.goto(pageServer.url);
});

test.afterEach(({ cspViolations }) => {
  expect(cspViolations).toEqual([]);
});

test.describe('loading', () => {
  test('defines window.tccc on load, then emits ready and shows the workspace', async ({
    page,
    mockTccc,
  }) => {
    const { sdkUrl } = await mockTccc.control.issueToken({ seatUserId: seat });
    expect(await injectSdk(page, sdkUrl)).toBe('load');
    await waitForEvent(page, 'ready');
    expect(await page.evaluate(() => window.tccc?.Agent.getStatus())).toBe('free');
    expect(await page.evaluate(() => window.tccc?.Devices.isBrowserSupported())).toBe(true);
    await expect(page.locator('t3c-sdk#tcccSdkDomRoot')).toHaveCount(1);
    await page.getByRole('button', { name: 'Open the TCCC workbench' }).click();
    await expect(page.getByText(seat)).toBeVisible();
    await expect(page.getByRole('status')).toHaveText('Free');
    expect(await mockTccc.control.sessions()).toEqual([
      expect.objectContaining({ seatUserId: seat, connected: true }),
    ]);
  });

  test('reports an SDK URL expired by the mock clock with tokenExpired', async ({
    page,
    mockTccc,
  }) => {
    const { sdkUrl } = await mockTccc.control.issueToken({ seatUserId: seat });
    await mockTccc.control.advanceClock(11 * 60 * 1000);
    await injectSdk(page, sdkUrl);
    const payload = (await waitForEvent(page, 'tokenExpired')) as { message: string };
    expect(payload.message).toContain('expired');
    expect(await eventNames(page)).not.toContain('ready');
  });

  test('reports a reused OnlyOnce SDK URL with tokenExpired', async ({ page, mockTccc }) => {
    const { sdkUrl, token } = await mockTccc.control.issueToken({
      seatUserId: seat,
      onlyOnce: true,
    });
    await injectSdk(page, sdkUrl);
    await waitForEvent(page, 'ready');
    await page.reload();
    await injectSdk(page, sdkUrl);
    const payload = (await waitForEvent(page, 'tokenExpired')) as { message: string };
    expect(payload.message).toContain('already been used');
    expect(payload.message).not.toContain(token);
  });

  test('fails the script load on an sdk.script 500 fault', async ({ page, mockTccc }) => {
    await mockTccc.control.addFault({ target: 'sdk.script', kind: 'status', status: 500 });
    const { sdkUrl } = await mockTccc.control.issueToken({ seatUserId: seat });
    expect(await injectSdk(page, sdkUrl)).toBe('error');
  });

  test('reports a failed login (sdk.login error fault) with tokenExpired', async ({
    page,
    mockTccc,
  }) => {
    await mockTccc.control.addFault({ target: 'sdk.login', kind: 'error', code: 'InternalError' });
    const { sdkUrl } = await mockTccc.control.issueToken({ seatUserId: seat });
    await injectSdk(page, sdkUrl);
    const payload = (await waitForEvent(page, 'tokenExpired')) as { message: string };
    expect(payload.message).toContain('SDK login failed');
  });
});

test.describe('misuse', () => {
  test('rejects calls made before ready (sdk.ready fault keeps it from being ready)', async ({
    page,
    mockTccc,
  }) => {
    await mockTccc.control.addFault({ target: 'sdk.ready', kind: 'hang', times: 1 });
    const { sdkUrl } = await mockTccc.control.issueToken({ seatUserId: seat });
    await injectSdk(page, sdkUrl);
    await expect.poll(async () => (await mockTccc.control.sessions()).length).toBe(1);
    const error = await page.evaluate(() =>
      window.tccc?.Call.startOutboundCall({ phoneNumber: '13800000001' }).catch((e) => e),
    );
    expect(error).toEqual({ status: 'error', errorMsg: expect.stringContaining('"ready"') });
    expect(await eventNames(page)).toEqual([]);
  });

  test('rejects an unknown sessionId and a second call while busy', async ({ page, mockTccc }) => {
    await loadSdk(page, mockTccc, seat);
    const unknown = await page.evaluate(() =>
      window.tccc?.Call.hungUp({ sessionId: 'no-such-session' }).catch((e) => e),
    );
    expect(unknown).toEqual({
      status: 'error',
      errorMsg: expect.stringContaining('no-such-session'),
    });
    await page.evaluate(() => window.tccc?.Call.startOutboundCall({ phoneNumber: '13800000001' }));
    const second = await page.evaluate(() =>
      window.tccc?.Call.startOutboundCall({ phoneNumber: '13800000002' }).catch((e) => e),
    );
    expect(second).toEqual({
      status: 'error',
      errorMsg: expect.stringContaining('already in progress'),
    });
  });
});

test.describe('inbound calls', () => {
  test('control plane offers, agent accepts in the UI, customer hangs up', async ({
    page,
    mockTccc,
  }) => {
    await loadSdk(page, mockTccc, seat);
    const { sessionId } = await mockTccc.control.inboundCall({
      seatUserId: seat,
      callerPhoneNumber: '13900000001',
      timeoutSeconds: 0,
    });
    expect(await waitForEvent(page, 'callIn')).toMatchObject({
      sessionId,
      type: 'phone',
      callerPhoneNumber: '13900000001',
      timeout: 0,
    });
    await expect(page.getByText('Incoming call')).toBeVisible();
    await page.getByRole('button', { name: 'Accept' }).click();
    expect(await waitForEvent(page, 'userAccessed')).toEqual({ sessionId });
    await expect(page.getByRole('status')).toHaveText('On a call');
    await mockTccc.control.endCall(sessionId);
    expect(await waitForEvent(page, 'sessionEnded')).toMatchObject({
      sessionId,
      closeBy: 'client',
    });
    await expect(page.getByText('No call')).toBeVisible();
    await expect.poll(() => page.evaluate(() => window.tccc?.Agent.getStatus())).toBe('free');
  });

  test('an offer to a seat that nobody accepts ends when its timeout passes', async ({
    page,
    mockTccc,
  }) => {
    await loadSdk(page, mockTccc, seat);
    const { sessionId } = await mockTccc.control.inboundCall({
      seatUserId: seat,
      timeoutSeconds: 15,
    });
    await waitForEvent(page, 'callIn');
    await mockTccc.control.advanceClock(16_000);
    expect(await waitForEvent(page, 'sessionEnded')).toMatchObject({
      sessionId,
      closeBy: 'timer',
    });
    expect(await mockTccc.control.call(sessionId)).toMatchObject({ endStatus: 17 });
  });
});

test.describe('outbound calls', () => {
  test('callOuted, calloutAccepted, mute and hold, then the agent hangs up', async ({
    page,
    mockTccc,
  }) => {
    await loadSdk(page, mockTccc, seat);
    const result = await page.evaluate(() =>
      window.tccc?.Call.startOutboundCall({ phoneNumber: '13800000001' }),
    );
    expect(result).toMatchObject({ status: 'success', data: { calleePhoneNumber: '13800000001' } });
    const sessionId = result?.data.sessionId as string;
    expect(await waitForEvent(page, 'callOuted')).toMatchObject({ sessionId });
    await mockTccc.control.advanceClock(1_000);
    expect(await waitForEvent(page, 'calloutAccepted')).toEqual({ sessionId });

    const steps = await page.evaluate(async (sessionId) => {
      const call = window.tccc?.Call;
      if (!call) throw new Error('no tccc');
      return [
        await call.muteMic({ sessionId }),
        await call.isMicMuted({ sessionId }),
        await call.unmuteMic({ sessionId }),
        await call.isMicMuted({ sessionId }),
        await call.hold({ sessionId }),
        await call.unHold({ sessionId }),
        await call.sendDigits({ sessionId, dtmfText: '12#' }),
        await call.hungUp({ sessionId }),
        await call.deleteCall({ sessionId }),
      ];
    }, sessionId);
    expect(steps).toEqual([
      { status: 'success' },
      { status: 'success', data: true },
      { status: 'success' },
      { status: 'success', data: false },
      { status: 'success' },
      { status: 'success' },
      { status: 'success' },
      { status: 'success' },
      { status: 'success' },
    ]);
    expect(await waitForEvent(page, 'sessionEnded')).toMatchObject({ sessionId, closeBy: 'seat' });
  });

  test('the UI Hang up button ends the call; a busy number ends with closeBy client', async ({
    page,
    mockTccc,
  }) => {
    await loadSdk(page, mockTccc, seat);
    // The callee answers 1 s of mock time after the dial, and mock time follows real time:
    // on a loaded machine that second can pass before "Calling…" is checked, and the label
    // says "Outbound call" instead. With the clock paused, the call rings until hung up.
    await mockTccc.control.pauseClock();
    await page.evaluate(() => window.tccc?.Call.startOutboundCall({ phoneNumber: '13800000001' }));
    await page.evaluate(() => window.tccc?.UI.showWorkbench());
    await expect(page.getByText('Calling…')).toBeVisible();
    await page.getByRole('button', { name: 'Hang up' }).click();
    expect(await waitForEvent(page, 'sessionEnded')).toMatchObject({ closeBy: 'seat' });

    await page.evaluate(() => window.tccc?.Call.startOutboundCall({ phoneNumber: '13800000008' }));
    await mockTccc.control.advanceClock(500);
    expect(await waitForEvent(page, 'sessionEnded', 1)).toMatchObject({ closeBy: 'client' });
  });
});
