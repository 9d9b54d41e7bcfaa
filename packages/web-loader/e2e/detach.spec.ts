/**
 * Per-caller detach: callers share one load; one leaving (its signal aborts) rejects only that
 * caller; the load stops only when the last caller leaves before it completes, and then takes
 * the seat offline before removing the SDK. Against the mock TCCC where the mock can show it,
 * against the SDK test double where the test must decide when `ready` comes.
 */
import { expect, SEAT, test } from './harness/fixture.js';

/** The SDK double, holding `ready` until the test emits it. */
const WAITING_DOUBLE = '/double-url?ready=0&offline=promise&offlineMs=100';

test('a caller leaving is rejected alone: the others get the SDK of the one load', async ({
  openLoaderPage,
  mockTccc,
}) => {
  const page = await openLoaderPage();
  // In one task, so the load cannot have completed when the second caller leaves.
  await page.evaluate(() => {
    for (const name of ['first', 'second', 'third']) window.harness.join(name);
    window.harness.leave('second');
  });
  expect(await page.evaluate(() => window.harness.outcome('second'))).toMatchObject({
    ok: false,
    name: 'TcccLoadError',
    reason: 'aborted',
  });
  expect(await page.evaluate(() => window.harness.outcome('first'))).toEqual({
    ok: true,
    isGlobal: true,
  });
  expect(await page.evaluate(() => window.harness.outcome('third'))).toEqual({
    ok: true,
    isGlobal: true,
  });
  expect(await page.evaluate(() => window.harness.settled())).toEqual(['second', 'first', 'third']);
  expect(await page.evaluate(() => window.harness.sdkUrlCalls)).toBe(1);
  expect(await mockTccc.control.tokens()).toHaveLength(1);
  const sessions = await mockTccc.control.sessions();
  expect(sessions.filter((s) => s.seatUserId === SEAT && s.connected)).toHaveLength(1);
});

test('the last caller leaving stops the load, taking the seat offline before the SDK goes', async ({
  openLoaderPage,
}) => {
  const page = await openLoaderPage();
  await page.evaluate((endpoint) => {
    window.harness.join('first', { endpoint });
    window.harness.join('second', { endpoint });
  }, WAITING_DOUBLE);
  await page.waitForFunction(() => window.sdkDouble !== undefined);
  await page.evaluate(() => window.harness.leave('first'));
  expect(await page.evaluate(() => window.harness.outcome('first'))).toMatchObject({
    reason: 'aborted',
  });
  // One caller is still there: nothing is torn down.
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 300)));
  expect(await page.evaluate(() => window.sdkDouble?.log)).toEqual([]);
  expect(await page.evaluate(() => window.harness.leftovers())).toMatchObject({
    scripts: 1,
    global: true,
  });

  await page.evaluate(() => window.harness.leave('second'));
  expect(await page.evaluate(() => window.harness.outcome('second'))).toMatchObject({
    reason: 'aborted',
  });
  await expect
    .poll(() => page.evaluate(() => window.harness.leftovers()))
    .toEqual({ scripts: 0, sdkRoot: false, global: false, workbenchChildren: 0 });
  // offline() was called, and settled, while the script, the global and the SDK DOM were there.
  expect(await page.evaluate(() => window.sdkDouble?.log)).toEqual([
    'offline script:in global:set root:in',
    'offline-settled script:in global:set root:in',
  ]);
});

test('a caller joining in the task the last one left in keeps the load (a StrictMode remount)', async ({
  openLoaderPage,
}) => {
  const page = await openLoaderPage();
  await page.evaluate((endpoint) => window.harness.join('mount', { endpoint }), WAITING_DOUBLE);
  await page.waitForFunction(() => window.sdkDouble !== undefined);
  await page.evaluate((endpoint) => {
    window.harness.leave('mount');
    window.harness.join('remount', { endpoint });
  }, WAITING_DOUBLE);
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 300)));
  await page.evaluate(() => window.sdkDouble?.emit('ready', undefined));
  expect(await page.evaluate(() => window.harness.outcome('mount'))).toMatchObject({
    reason: 'aborted',
  });
  expect(await page.evaluate(() => window.harness.outcome('remount'))).toEqual({
    ok: true,
    isGlobal: true,
  });
  expect(await page.evaluate(() => window.harness.sdkUrlCalls)).toBe(1);
  expect(await page.evaluate(() => window.sdkDouble?.log)).toEqual([]);
});

test('a caller joining after the load stopped starts a new load with a fresh URL', async ({
  openLoaderPage,
}) => {
  const page = await openLoaderPage();
  await page.evaluate((endpoint) => window.harness.join('first', { endpoint }), WAITING_DOUBLE);
  await page.waitForFunction(() => window.sdkDouble !== undefined);
  await page.evaluate(() => window.harness.leave('first'));
  await expect.poll(() => page.evaluate(() => window.harness.leftovers().scripts)).toBe(0);
  await page.evaluate(() => window.harness.join('second', { endpoint: '/double-url' }));
  expect(await page.evaluate(() => window.harness.outcome('second'))).toEqual({
    ok: true,
    isGlobal: true,
  });
  expect(await page.evaluate(() => window.harness.sdkUrlCalls)).toBe(2);
});

test('a caller without a signal never leaves: the load goes on when the others have left', async ({
  openLoaderPage,
}) => {
  const page = await openLoaderPage();
  await page.evaluate((endpoint) => {
    window.harness.join('keeper', { endpoint, withoutSignal: true });
    window.harness.join('visitor', { endpoint });
  }, WAITING_DOUBLE);
  await page.waitForFunction(() => window.sdkDouble !== undefined);
  await page.evaluate(() => window.harness.leave('visitor'));
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 300)));
  await page.evaluate(() => window.sdkDouble?.emit('ready', undefined));
  expect(await page.evaluate(() => window.harness.outcome('keeper'))).toEqual({
    ok: true,
    isGlobal: true,
  });
  expect(await page.evaluate(() => window.harness.outcome('visitor'))).toMatchObject({
    reason: 'aborted',
  });
});

test('leaving after the load completed changes nothing: the SDK stays until unloadTccc', async ({
  openLoaderPage,
}) => {
  const page = await openLoaderPage();
  await page.evaluate(() => window.harness.join('only', { endpoint: '/double-url' }));
  expect(await page.evaluate(() => window.harness.outcome('only'))).toMatchObject({ ok: true });
  await page.evaluate(() => window.harness.leave('only'));
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 300)));
  expect(await page.evaluate(() => window.sdkDouble?.log)).toEqual([]);
  expect(await page.evaluate(() => window.harness.leftovers())).toMatchObject({
    scripts: 1,
    sdkRoot: true,
    global: true,
  });
});
