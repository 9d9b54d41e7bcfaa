/**
 * How an SDK session ends, in real Chromium: Agent.offline() (also before ready and while
 * the login is in flight), the page going away, a second login taking over, a lost event
 * stream (connectionLost, reconnect with backoff, connectionRestored) and the grace period
 * after which the host ends it (loggedOut expired). Time that matters to the mock is the
 * paused mock clock; the browser's reconnect waits are short (sdk settings below) and the
 * tests wait for events, never for a fixed time.
 */
import { MockControlError } from '../src/testing/control-client.js';
import type { StartedMockTccc } from '../src/testing/start.js';
import { eventNames, expect, injectSdk, loadSdk, test, waitForEvent } from './fake-sdk-helpers.js';

const SEAT = 'agent@example.com';
const GRACE_SECONDS = 60;

test.use({
  mockTcccOptions: {
    sdk: { sessionGraceSeconds: GRACE_SECONDS, reconnectInitialMs: 100, reconnectMaxMs: 400 },
  },
});

test.use({ mockTcccClock: 'paused' });

test.beforeEach(async ({ page, pageServer }) => {
  await page.goto(pageServer.url);
});

test.afterEach(({ cspViolations }) => {
  expect(cspViolations).toEqual([]);
});

/** The seat's status on its staff record (what DescribeStaffInfoList and metrics read). */
const seatStatus = async (mockTccc: StartedMockTccc) =>
  (await mockTccc.control.state()).staff.find((member) => member.mail === SEAT)?.status;

test.describe('Agent.offline()', () => {
  test('before ready: the session ends and the seat is offline', async ({ page, mockTccc }) => {
    await mockTccc.control.addFault({ target: 'sdk.ready', kind: 'hang', times: 1 });
    const { sdkUrl } = await mockTccc.control.issueToken({ seatUserId: SEAT });
    await injectSdk(page, sdkUrl);
    await expect.poll(async () => (await mockTccc.control.sessions()).length).toBe(1);
    expect(await page.evaluate(async () => (await window.tccc?.Agent.offline()) ?? null)).toEqual({
      status: 'success',
    });
    expect(await waitForEvent(page, 'loggedOut')).toEqual({ reason: 'offline' });
    expect(await mockTccc.control.sessions()).toEqual([]);
    expect(await seatStatus(mockTccc)).toBe('offline');
    expect(await eventNames(page)).not.toContain('ready');
  });

  test('while the login is in flight: it waits for the login, then ends it', async ({
    page,
    mockTccc,
  }) => {
    const { sdkUrl } = await mockTccc.control.issueToken({ seatUserId: SEAT });
    await injectSdk(page, sdkUrl, { offlineOnLoad: true });
    expect(await page.evaluate(() => window.__offline)).toEqual({ status: 'success' });
    expect(await waitForEvent(page, 'loggedOut')).toEqual({ reason: 'offline' });
    expect(await mockTccc.control.sessions()).toEqual([]);
    expect(await seatStatus(mockTccc)).toBe('offline');
    expect(await eventNames(page)).toEqual(['loggedOut']);
    // The token was used: the login did happen, and was ended.
    expect((await mockTccc.control.tokens())[0]?.usedAt).not.toBeNull();
  });

  test('on pagehide (keepalive): the mock sees the seat offline after navigation', async ({
    page,
    mockTccc,
  }) => {
    await loadSdk(page, mockTccc, SEAT);
    // What @tccc-kit/web-loader's offlineOnPageHide() does.
    await page.evaluate(() => {
      addEventListener('pagehide', () => void window.tccc?.Agent.offline());
    });
    await page.goto('about:blank');
    await expect.poll(() => seatStatus(mockTccc)).toBe('offline');
    expect(await mockTccc.control.sessions()).toEqual([]);
  });

  test('a page that just goes away keeps the seat for the grace period, then it expires', async ({
    page,
    mockTccc,
  }) => {
    await loadSdk(page, mockTccc, SEAT);
    await page.goto('about:blank');
    await expect.poll(async () => (await mockTccc.control.sessions())[0]?.connected).toBe(false);
    expect(await seatStatus(mockTccc)).toBe('free');
    await mockTccc.control.advanceClock(GRACE_SECONDS * 1000);
    expect(await mockTccc.control.sessions()).toEqual([]);
    expect(await seatStatus(mockTccc)).toBe('offline');
  });
});

test('a second login of the seat takes over: the older page hears loggedOut takenOver', async ({
  page,
  context,
  mockTccc,
}) => {
  await loadSdk(page, mockTccc, SEAT);
  const newer = await context.newPage();
  await newer.goto(page.url());
  await loadSdk(newer, mockTccc, SEAT);
  expect(await waitForEvent(page, 'loggedOut')).toEqual({ reason: 'takenOver' });
  const sessions = await mockTccc.control.sessions();
  expect(sessions).toHaveLength(1);
  const { sessionId } = await mockTccc.control.inboundCall({ seatUserId: SEAT });
  expect(await waitForEvent(newer, 'callIn')).toMatchObject({ sessionId });
  expect(await eventNames(page)).not.toContain('callIn');
  const refused = await page.evaluate(() =>
    window.tccc?.Call.startOutboundCall({ phoneNumber: '13800000001' }).catch((e) => e),
  );
  expect(refused).toEqual({
    status: 'error',
    errorMsg: expect.stringContaining('a newer login of this seat took the session over'),
  });
});

test.describe('a lost connection', () => {
  test('connectionLost, then connectionRestored once the host is back; calls reach it again', async ({
    page,
    mockTccc,
  }) => {
    await loadSdk(page, mockTccc, SEAT);
    // The host is unreachable for the event stream until the fault is cleared.
    await mockTccc.control.addFault({ target: 'sdk.events', kind: 'status', status: 503 });
    expect(await mockTccc.control.disconnectSdk({ seatUserId: SEAT })).toBe(1);
    expect(await waitForEvent(page, 'connectionLost')).toEqual({
      reason: expect.any(String),
    });
    const refused = await mockTccc.control
      .inboundCall({ seatUserId: SEAT })
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(MockControlError);
    await mockTccc.control.clearFaults();
    expect(await waitForEvent(page, 'connectionRestored')).toEqual({});
    const { sessionId } = await mockTccc.control.inboundCall({ seatUserId: SEAT });
    expect(await waitForEvent(page, 'callIn')).toMatchObject({ sessionId });
    expect((await eventNames(page)).filter((name) => name === 'connectionLost')).toHaveLength(1);
  });

  test('past the grace period the host ends the session: loggedOut expired on reconnect', async ({
    page,
    mockTccc,
  }) => {
    await loadSdk(page, mockTccc, SEAT);
    await mockTccc.control.addFault({ target: 'sdk.events', kind: 'status', status: 503 });
    await mockTccc.control.disconnectSdk();
    await waitForEvent(page, 'connectionLost');
    await mockTccc.control.advanceClock(GRACE_SECONDS * 1000);
    expect(await mockTccc.control.sessions()).toEqual([]);
    expect(await seatStatus(mockTccc)).toBe('offline');
    await mockTccc.control.clearFaults();
    expect(await waitForEvent(page, 'loggedOut')).toEqual({ reason: 'expired' });
    expect(await eventNames(page)).not.toContain('connectionRestored');
  });

  test('a call that ends while the page is away is replayed when it reconnects', async ({
    page,
    mockTccc,
  }) => {
    await loadSdk(page, mockTccc, SEAT);
    const { sessionId } = await mockTccc.control.inboundCall({ seatUserId: SEAT });
    await waitForEvent(page, 'callIn');
    await mockTccc.control.addFault({ target: 'sdk.events', kind: 'status', status: 503 });
    await mockTccc.control.disconnectSdk();
    await waitForEvent(page, 'connectionLost');
    await mockTccc.control.endCall(sessionId);
    await mockTccc.control.clearFaults();
    await waitForEvent(page, 'connectionRestored');
    expect(await waitForEvent(page, 'sessionEnded')).toMatchObject({
      sessionId,
      closeBy: 'client',
    });
  });
});
