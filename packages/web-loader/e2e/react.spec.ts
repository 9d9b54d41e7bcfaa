/**
 * The React binding in real Chromium (React's development build, so StrictMode double-mounts):
 * a small console page on TcccProvider, useTcccConnection and useTcccEvent, driven like a
 * user drives it, against the mock TCCC or the SDK test double.
 */
import type { Page } from '@playwright/test';
import type { StartedMockTccc } from '@tccc-kit/mock-tccc/testing';
import { expect, SEAT, test } from './harness/fixture.js';

const status = (page: Page) => page.getByRole('status', { name: 'connection' });
const events = (page: Page) => page.getByRole('list', { name: 'events' }).getByRole('listitem');
const sdkUrlCalls = (page: Page) => page.evaluate(() => window.reactHarness.sdkUrlCalls);
const sdkScripts = (page: Page) =>
  page.evaluate(() => document.querySelectorAll('script[src*="/tccc.js"]').length);

/** Sessions of the seat the mock would offer a call to now. */
async function offerable(mockTccc: StartedMockTccc) {
  const sessions = await mockTccc.control.sessions();
  return sessions.filter((s) => s.seatUserId === SEAT && s.connected && s.status === 'free');
}

test('under StrictMode, autoConnect mints one SDK URL: one sdkUrl() call, one token', async ({
  openReactPage,
  mockTccc,
}) => {
  const page = await openReactPage({ strict: true, autoConnect: true });
  await expect(status(page)).toHaveText('ready');
  await expect(events(page)).toHaveText(['ready']);
  expect(await sdkUrlCalls(page)).toBe(1);
  expect(await mockTccc.control.tokens()).toHaveLength(1);
  expect(await offerable(mockTccc)).toHaveLength(1);
  expect(await sdkScripts(page)).toBe(1);
});

test('under StrictMode, Connect goes connecting then ready, and events reach useTcccEvent', async ({
  openReactPage,
  mockTccc,
}) => {
  // Long enough for the test to see `connecting`, even on a loaded machine.
  await mockTccc.control.addFault({ target: 'sdk.login', kind: 'delay', ms: 3000, times: 1 });
  const page = await openReactPage({ strict: true });
  await expect(status(page)).toHaveText('idle');
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(status(page)).toHaveText('connecting');
  // A second click while connecting spends no second URL.
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(status(page)).toHaveText('ready');
  expect(await sdkUrlCalls(page)).toBe(1);

  await mockTccc.control.inboundCall({ seatUserId: SEAT });
  await expect(events(page)).toHaveText(['ready', 'callIn phone']);
});

test('Disconnect takes the seat offline at the mock, then removes the SDK', async ({
  openReactPage,
  mockTccc,
}) => {
  const page = await openReactPage({ strict: true, autoConnect: true });
  await expect(status(page)).toHaveText('ready');
  await page.getByRole('button', { name: 'Disconnect' }).click();
  await expect(status(page)).toHaveText('idle');
  await expect(events(page).last()).toHaveText('disconnect done');
  expect(await sdkScripts(page)).toBe(0);
  await expect.poll(() => offerable(mockTccc)).toEqual([]);
  // And Connect works again, with one more URL.
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(status(page)).toHaveText('ready');
  expect(await sdkUrlCalls(page)).toBe(2);
});

test('with renderDomId the SDK renders inside the console, and Disconnect clears it', async ({
  openReactPage,
}) => {
  const page = await openReactPage({ strict: true, autoConnect: true, embed: true });
  await expect(status(page)).toHaveText('ready');
  await expect(page.locator('#react-workbench > t3c-sdk#tcccSdkDomRoot')).toHaveCount(1);
  await page.getByRole('button', { name: 'Disconnect' }).click();
  await expect(events(page).last()).toHaveText('disconnect done');
  await expect(page.locator('#react-workbench > *')).toHaveCount(0);
});

test('Reconnect tears the SDK down seat-safely and loads again with one fresh URL', async ({
  openReactPage,
  mockTccc,
}) => {
  const page = await openReactPage({ autoConnect: true });
  await expect(status(page)).toHaveText('ready');
  const [first] = await offerable(mockTccc);
  await page.getByRole('button', { name: 'Reconnect' }).click();
  await expect(status(page)).toHaveText('ready');
  expect(await sdkUrlCalls(page)).toBe(2);
  expect(await mockTccc.control.tokens()).toHaveLength(2);
  expect(await sdkScripts(page)).toBe(1);
  // Only the new session can be offered calls.
  await expect.poll(async () => (await offerable(mockTccc)).map((s) => s.id)).toHaveLength(1);
  expect((await offerable(mockTccc))[0]?.id).not.toBe(first?.id);
});

test('a failed load shows failed with its reason; Connect retries with one URL', async ({
  openReactPage,
  mockTccc,
}) => {
  // Both attempts of the first load (retries: 1) answer 404.
  await mockTccc.control.addFault({ target: 'sdk.script', kind: 'status', status: 404, times: 2 });
  const page = await openReactPage({ strict: true });
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(status(page)).toHaveText('failed script');
  expect(await sdkUrlCalls(page)).toBe(2);
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(status(page)).toHaveText('ready');
  expect(await sdkUrlCalls(page)).toBe(3);
});

test('connectionLost shows disconnected until connectionRestored; both reach useTcccEvent', async ({
  openReactPage,
}) => {
  const page = await openReactPage({ strict: true, autoConnect: true, sdk: 'double' });
  await expect(status(page)).toHaveText('ready');
  await page.evaluate(() =>
    window.sdkDouble?.emit('connectionLost', { reason: 'event stream closed' }),
  );
  await expect(status(page)).toHaveText('disconnected connectionLost event stream closed');
  await page.evaluate(() => window.sdkDouble?.emit('connectionRestored', {}));
  await expect(status(page)).toHaveText('ready');
  await expect(events(page)).toHaveText([
    'ready',
    'connectionLost event stream closed',
    'connectionRestored',
  ]);
  // The SDK stayed loaded throughout: no new URL.
  expect(await sdkUrlCalls(page)).toBe(1);
});

test('loggedOut takenOver shows disconnected and unloads the SDK; Connect loads anew', async ({
  openReactPage,
}) => {
  const page = await openReactPage({ autoConnect: true, sdk: 'double' });
  await expect(status(page)).toHaveText('ready');
  await page.evaluate(() => window.sdkDouble?.emit('loggedOut', { reason: 'takenOver' }));
  await expect(status(page)).toHaveText('disconnected takenOver');
  await expect(events(page).last()).toHaveText('loggedOut takenOver');
  await expect.poll(() => sdkScripts(page)).toBe(0);
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(status(page)).toHaveText('ready');
  expect(await sdkUrlCalls(page)).toBe(2);
});

test('unmounting the provider takes the seat offline and unloads the SDK', async ({
  openReactPage,
  mockTccc,
}) => {
  const page = await openReactPage({ strict: true, autoConnect: true });
  await expect(status(page)).toHaveText('ready');
  await page.getByRole('checkbox', { name: 'Console mounted' }).uncheck();
  await expect.poll(() => sdkScripts(page)).toBe(0);
  await expect.poll(() => offerable(mockTccc)).toEqual([]);
  expect(await page.evaluate(() => window.tccc)).toBeUndefined();
});

test('a provider replaced by a new one keeps the connection: same SDK, no new URL', async ({
  openReactPage,
  mockTccc,
}) => {
  const page = await openReactPage({ autoConnect: true });
  await expect(status(page)).toHaveText('ready');
  const tcccBefore = await page.evaluateHandle(() => window.tccc);
  await page.getByRole('button', { name: 'Replace provider' }).click();
  // The new provider's console starts with no events and finds the connection ready.
  await expect(events(page)).toHaveCount(0);
  await expect(status(page)).toHaveText('ready');
  await page.waitForTimeout(500);
  expect(await page.evaluate((before) => window.tccc === before, tcccBefore)).toBe(true);
  expect(await sdkUrlCalls(page)).toBe(1);
  expect(await sdkScripts(page)).toBe(1);
  expect(await offerable(mockTccc)).toHaveLength(1);
  // And its useTcccEvent handlers get the SDK's events.
  await mockTccc.control.inboundCall({ seatUserId: SEAT });
  await expect(events(page)).toHaveText(['callIn phone']);
});

test('unmounting while connecting stops the load, taking its SDK offline first', async ({
  openReactPage,
}) => {
  const page = await openReactPage({
    strict: true,
    autoConnect: true,
    sdk: 'double',
    ready: false,
  });
  await expect(status(page)).toHaveText('connecting');
  await page.waitForFunction(() => window.sdkDouble !== undefined);
  await page.getByRole('checkbox', { name: 'Console mounted' }).uncheck();
  await expect.poll(() => sdkScripts(page)).toBe(0);
  expect(await page.evaluate(() => window.sdkDouble?.log)).toEqual([
    'offline script:in global:set root:in',
    'offline-settled script:in global:set root:in',
  ]);
  expect(await sdkUrlCalls(page)).toBe(1);
});

test('the provider asks the SDK for offline when the page goes away', async ({
  openReactPage,
  beacons,
}) => {
  const page = await openReactPage({ autoConnect: true, sdk: 'double', offline: 'void' });
  await expect(status(page)).toHaveText('ready');
  await page.goto('about:blank');
  await expect.poll(() => beacons).toEqual(['offline']);
});
