/**
 * The agent side of the fake TCCC Web SDK in real Chromium: statuses, the workspace UI and
 * its methods, and what the mock does not have (internal calls, chat, video).
 */
import { expect, loadSdk, test, waitForEvent } from './fake-sdk-helpers.js';

const seat = 'agent@example.com';

test.beforeEach(async ({ page, pageServer }) => {
  await page.goto(pageServer.url);
});

test.afterEach(({ cspViolations }) => {
  expect(cspViolations).toEqual([]);
});

test.describe('agent and UI', () => {
  test('setStatus and online emit statusChanged; offline ends the session', async ({
    page,
    mockTccc,
  }) => {
    await loadSdk(page, mockTccc, seat);
    expect(await page.evaluate(() => window.tccc?.Agent.setStatus({ status: 'rest' }))).toEqual({
      status: 'success',
    });
    expect(await waitForEvent(page, 'statusChanged')).toEqual({ status: 'rest' });
    await page.evaluate(() => window.tccc?.Agent.online());
    expect(await waitForEvent(page, 'statusChanged', 1)).toEqual({ status: 'free' });
    const bad = await page.evaluate(() =>
      // @ts-expect-error: a status the SDK does not know
      window.tccc?.Agent.setStatus({ status: 'away' }).catch((e) => e),
    );
    expect(bad).toMatchObject({ status: 'error' });
    expect(await page.evaluate(async () => (await window.tccc?.Agent.offline()) ?? null)).toEqual({
      status: 'success',
    });
    expect(await waitForEvent(page, 'loggedOut')).toEqual({ reason: 'offline' });
    expect(await mockTccc.control.sessions()).toEqual([]);
    const after = await page.evaluate(() =>
      window.tccc?.Agent.setStatus({ status: 'free' }).catch((e) => e),
    );
    expect(after).toEqual({
      status: 'error',
      errorMsg: expect.stringContaining('the seat went offline (Agent.offline())'),
    });
  });

  test('renders into data-render-dom-id and obeys UI.hide/show', async ({ page, mockTccc }) => {
    await loadSdk(page, mockTccc, seat, { renderDomId: 'workbench' });
    const workbench = page.getByRole('region', { name: 'TCCC workbench' });
    await expect(page.locator('#workbench > t3c-sdk#tcccSdkDomRoot')).toHaveCount(1);
    await expect(workbench).toBeVisible();
    const box = await workbench.boundingBox();
    expect(box?.width).toBeGreaterThanOrEqual(760);
    expect(box?.height).toBeGreaterThanOrEqual(480);
    await page.evaluate(() => window.tccc?.UI.hide());
    await expect(workbench).toBeHidden();
    await page.evaluate(() => window.tccc?.UI.show());
    await expect(workbench).toBeVisible();
  });

  test('floating button and workbench toggle through the UI methods', async ({
    page,
    mockTccc,
  }) => {
    await loadSdk(page, mockTccc, seat);
    const button = page.getByRole('button', { name: 'Open the TCCC workbench' });
    const workbench = page.getByRole('region', { name: 'TCCC workbench' });
    await expect(button).toBeVisible();
    await expect(workbench).toBeHidden();
    await page.evaluate(() => window.tccc?.UI.showWorkbench());
    await expect(workbench).toBeVisible();
    await page.evaluate(() => window.tccc?.UI.hideWorkbench());
    await expect(workbench).toBeHidden();
    await page.evaluate(() => window.tccc?.UI.hidefloatButton());
    await expect(button).toBeHidden();
    await page.evaluate(() => window.tccc?.UI.showfloatButton());
    await expect(button).toBeVisible();
  });
});

test.describe('what the mock does not have', () => {
  test('internal calls, chat and video reject with what is missing; devices are listed', async ({
    page,
    mockTccc,
  }) => {
    await loadSdk(page, mockTccc, seat);
    const answers = await page.evaluate(async () => {
      const tccc = window.tccc;
      if (!tccc) throw new Error('no tccc');
      const settle = (promise: Promise<unknown>) =>
        promise.then(
          (v) => v,
          (e) => e,
        );
      return {
        internal: await settle(tccc.Call.startInternalCall({ calleeUserId: 'agent2@example.com' })),
        chat: await settle(tccc.Chat.accept({ sessionId: 'chat-1' })),
        video: await settle(tccc.Video.muteVideo({ sessionId: 'video-1' })),
        microphones: Array.isArray(await tccc.Devices.getMicrophones()),
        speakers: Array.isArray(await tccc.Devices.getSpeakers()),
      };
    });
    expect(answers).toEqual({
      internal: { status: 'error', errorMsg: expect.stringContaining('Call.startInternalCall') },
      chat: { status: 'error', errorMsg: 'tccc.Chat.accept: no such session "chat-1".' },
      video: { status: 'error', errorMsg: 'tccc.Video.muteVideo: no such session "video-1".' },
      microphones: true,
      speakers: true,
    });
  });
});
