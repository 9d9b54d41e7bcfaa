/**
 * Seat-safe teardown: `unloadTccc()` takes the seat offline at TCCC first (awaiting
 * `Agent.offline()` when it returns a Promise, bounded by `offlineTimeoutMs`), then removes
 * the script, the SDK DOM and `window.tccc`; failed loads whose script ran do the same; and
 * `offlineOnPageHide()` asks for offline as the page goes away.
 */
import { MockControlError } from '@tccc-kit/mock-tccc/testing';
import { expect, SEAT, test } from './harness/fixture.js';

const GONE = { scripts: 0, sdkRoot: false, global: false, workbenchChildren: 0 };

test('unloadTccc takes the seat offline at the mock: it is no longer offered calls', async ({
  openLoaderPage,
  mockTccc,
}) => {
  const page = await openLoaderPage();
  expect(await page.evaluate(() => window.harness.load())).toMatchObject({ ok: true });
  const offerable = async () => {
    const sessions = await mockTccc.control.sessions();
    return sessions.filter((s) => s.seatUserId === SEAT && s.connected && s.status === 'free');
  };
  expect(await offerable()).toHaveLength(1);

  await page.evaluate(() => window.harness.loader.unloadTccc());
  expect(await page.evaluate(() => window.harness.leftovers())).toEqual(GONE);
  await expect.poll(offerable).toEqual([]);
  const refused = await mockTccc.control.inboundCall({ seatUserId: SEAT }).catch((e) => e);
  expect(refused).toBeInstanceOf(MockControlError);
  expect(refused).toMatchObject({ status: 409 });
});

test('unloadTccc awaits Agent.offline() before it removes the script, SDK DOM and global', async ({
  openLoaderPage,
}) => {
  const page = await openLoaderPage();
  const endpoint = '/double-url?offline=promise&offlineMs=400';
  expect(await page.evaluate((e) => window.harness.load({ endpoint: e }), endpoint)).toMatchObject({
    ok: true,
  });
  const elapsed = await page.evaluate(async () => {
    const started = performance.now();
    await window.harness.loader.unloadTccc();
    return performance.now() - started;
  });
  expect(elapsed).toBeGreaterThanOrEqual(400);
  expect(await page.evaluate(() => window.sdkDouble?.log)).toEqual([
    'offline script:in global:set root:in',
    'offline-settled script:in global:set root:in',
  ]);
  expect(await page.evaluate(() => window.harness.leftovers())).toEqual(GONE);
});

test('an offline() that never settles delays the teardown by offlineTimeoutMs only', async ({
  openLoaderPage,
}) => {
  const page = await openLoaderPage();
  const endpoint = '/double-url?offline=hang';
  expect(await page.evaluate((e) => window.harness.load({ endpoint: e }), endpoint)).toMatchObject({
    ok: true,
  });
  const elapsed = await page.evaluate(async () => {
    const started = performance.now();
    await window.harness.loader.unloadTccc({ offlineTimeoutMs: 500 });
    return performance.now() - started;
  });
  expect(elapsed).toBeGreaterThanOrEqual(500);
  // Under the default bound, 3000 ms, it could not be done yet: 500 was used.
  expect(elapsed).toBeLessThan(3000);
  expect(await page.evaluate(() => window.harness.leftovers())).toEqual(GONE);
});

const MISBEHAVING = { void: 'returns nothing', throw: 'throws', reject: 'rejects' } as const;

for (const [offline, does] of Object.entries(MISBEHAVING)) {
  test(`an offline() that ${does} does not stop the teardown`, async ({ openLoaderPage }) => {
    const page = await openLoaderPage();
    const endpoint = `/double-url?offline=${offline}`;
    expect(
      await page.evaluate((e) => window.harness.load({ endpoint: e }), endpoint),
    ).toMatchObject({ ok: true });
    await page.evaluate(() => window.harness.loader.unloadTccc());
    expect(await page.evaluate(() => window.sdkDouble?.log)).toEqual([
      'offline script:in global:set root:in',
    ]);
    expect(await page.evaluate(() => window.harness.leftovers())).toEqual(GONE);
  });
}

test('two unloadTccc at once take the seat offline once, and both wait for it', async ({
  openLoaderPage,
}) => {
  const page = await openLoaderPage();
  const endpoint = '/double-url?offline=promise&offlineMs=300';
  await page.evaluate((e) => window.harness.load({ endpoint: e }), endpoint);
  const seen = await page.evaluate(async () => {
    const { unloadTccc } = window.harness.loader;
    const order: string[] = [];
    await Promise.all([
      unloadTccc().then(() => order.push(`first ${window.harness.leftovers().scripts}`)),
      unloadTccc().then(() => order.push(`second ${window.harness.leftovers().scripts}`)),
    ]);
    return order;
  });
  expect(seen).toEqual(['first 0', 'second 0']);
  expect(await page.evaluate(() => window.sdkDouble?.log)).toEqual([
    'offline script:in global:set root:in',
    'offline-settled script:in global:set root:in',
  ]);
});

test('a load started during a teardown waits for it, then loads with a fresh URL', async ({
  openLoaderPage,
}) => {
  const page = await openLoaderPage();
  const endpoint = '/double-url?offline=promise&offlineMs=400';
  await page.evaluate((e) => window.harness.load({ endpoint: e }), endpoint);
  const outcome = await page.evaluate((e) => {
    void window.harness.loader.unloadTccc();
    return window.harness.load({ endpoint: e });
  }, endpoint);
  expect(outcome).toEqual({ ok: true, isGlobal: true });
  // The old SDK went offline, with everything in place, before the new one was injected.
  expect(await page.evaluate(() => window.sdkDouble?.log)).toEqual([
    'offline script:in global:set root:in',
    'offline-settled script:in global:set root:in',
  ]);
  expect(await page.evaluate(() => window.harness.leftovers())).toMatchObject({
    scripts: 1,
    sdkRoot: true,
    global: true,
  });
  expect(await page.evaluate(() => window.harness.sdkUrlCalls)).toBe(2);
});

test('a load that times out after the SDK script ran takes it offline before teardown', async ({
  openLoaderPage,
}) => {
  const page = await openLoaderPage();
  const outcome = await page.evaluate(() =>
    window.harness.load({ endpoint: '/double-url?ready=0&offline=promise', timeoutMs: 800 }),
  );
  expect(outcome).toMatchObject({ ok: false, reason: 'timeout' });
  // The rejection comes after the teardown: nothing is left, and offline came first.
  expect(await page.evaluate(() => window.harness.leftovers())).toEqual(GONE);
  expect(await page.evaluate(() => window.sdkDouble?.log)).toEqual([
    'offline script:in global:set root:in',
    'offline-settled script:in global:set root:in',
  ]);
});

test('a load that times out against the mock leaves no session that can take calls', async ({
  openLoaderPage,
  mockTccc,
}) => {
  await mockTccc.control.addFault({ target: 'sdk.ready', kind: 'hang' });
  const page = await openLoaderPage();
  expect(await page.evaluate(() => window.harness.load({ timeoutMs: 1500 }))).toMatchObject({
    reason: 'timeout',
  });
  const sessions = await mockTccc.control.sessions();
  expect(sessions.filter((s) => s.seatUserId === SEAT && s.status === 'free')).toEqual([]);
});

test('offlineOnPageHide asks the SDK for offline when the page goes away, until removed', async ({
  openLoaderPage,
  beacons,
}) => {
  const page = await openLoaderPage();
  await page.evaluate(() => window.harness.load({ endpoint: '/double-url?offline=void' }));
  await page.evaluate(() => {
    window.harness.loader.offlineOnPageHide();
    // A second registration, removed again, must not count.
    window.harness.loader.offlineOnPageHide()();
  });
  await page.goto('about:blank');
  await expect.poll(() => beacons).toEqual(['offline']);
});

test('offlineOnPageHide removed sends nothing on page hide', async ({
  openLoaderPage,
  beacons,
}) => {
  const page = await openLoaderPage();
  await page.evaluate(() => window.harness.load({ endpoint: '/double-url?offline=void' }));
  await page.evaluate(() => window.harness.loader.offlineOnPageHide()());
  await page.goto('about:blank');
  await page.waitForTimeout(500);
  expect(beacons).toEqual([]);
});
