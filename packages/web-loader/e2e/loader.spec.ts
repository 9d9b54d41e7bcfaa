/**
 * @tccc-kit/web-loader in real Chromium against the real standalone mock TCCC: the page and
 * the SDK host are different origins, the page runs under a strict CSP with a nonce.
 */
import { expect, SEAT, test } from './harness/fixture.js';

const ELEVEN_MINUTES = 11 * 60_000;

test('resolves with window.tccc on ready, from a fresh URL of the server endpoint', async ({
  openLoaderPage,
  mockTccc,
}) => {
  const page = await openLoaderPage();
  expect(await page.evaluate(() => window.harness.load())).toEqual({ ok: true, isGlobal: true });
  const script = await page.evaluate(() => {
    const tag = document.querySelector<HTMLScriptElement>('script[src*="/sdk/"]');
    return { crossOrigin: tag?.crossOrigin, parent: tag?.parentElement?.tagName };
  });
  expect(script).toEqual({ crossOrigin: 'anonymous', parent: 'BODY' });
  expect(await page.evaluate(() => window.tccc?.Agent.getStatus())).toBeTruthy();
  expect(await mockTccc.control.tokens()).toHaveLength(1);
});

test('after tokenExpired, loads again with a fresh URL and succeeds', async ({
  openLoaderPage,
  mockTccc,
}) => {
  const { sdkUrl: expired } = await mockTccc.control.issueToken({ seatUserId: SEAT });
  await mockTccc.control.advanceClock(ELEVEN_MINUTES);
  const page = await openLoaderPage();
  const outcome = await page.evaluate((urls) => window.harness.load({ urls }), [expired]);
  expect(outcome).toEqual({ ok: true, isGlobal: true });
  expect(await page.evaluate(() => window.harness.sdkUrlCalls)).toBe(2);
  expect(await page.evaluate(() => window.harness.leftovers())).toMatchObject({
    scripts: 1,
    sdkRoot: true,
  });
});

test('rejects token-expired after two expired URLs, leaving nothing behind', async ({
  openLoaderPage,
  mockTccc,
}) => {
  const first = await mockTccc.control.issueToken({ seatUserId: SEAT });
  const second = await mockTccc.control.issueToken({ seatUserId: SEAT });
  await mockTccc.control.advanceClock(ELEVEN_MINUTES);
  const page = await openLoaderPage();
  const outcome = await page.evaluate(
    (urls) => window.harness.load({ urls }),
    [first.sdkUrl, second.sdkUrl],
  );
  expect(outcome).toMatchObject({ ok: false, name: 'TcccLoadError', reason: 'token-expired' });
  expect(JSON.stringify(outcome)).not.toContain(first.token);
  expect(JSON.stringify(outcome)).not.toContain(second.token);
  expect(await page.evaluate(() => window.harness.sdkUrlCalls)).toBe(2);
  expect(await page.evaluate(() => window.harness.leftovers())).toEqual({
    scripts: 0,
    sdkRoot: false,
    global: false,
    workbenchChildren: 0,
  });
});

test('rejects script when the SDK script answers 404, and retries once with a new URL', async ({
  openLoaderPage,
  mockTccc,
}) => {
  await mockTccc.control.addFault({ target: 'sdk.script', kind: 'status', status: 404 });
  const page = await openLoaderPage();
  const outcome = await page.evaluate(() => window.harness.load());
  expect(outcome).toMatchObject({ ok: false, reason: 'script' });
  expect(outcome).not.toHaveProperty('message', expect.stringContaining('token='));
  expect(await page.evaluate(() => window.harness.sdkUrlCalls)).toBe(2);
  expect((await page.evaluate(() => window.harness.leftovers())).scripts).toBe(0);
});

test('succeeds on the retry when only the first script load fails', async ({
  openLoaderPage,
  mockTccc,
}) => {
  await mockTccc.control.addFault({ target: 'sdk.script', kind: 'status', status: 500, times: 1 });
  const page = await openLoaderPage();
  expect(await page.evaluate(() => window.harness.load())).toEqual({ ok: true, isGlobal: true });
  expect(await page.evaluate(() => window.harness.leftovers())).toMatchObject({ scripts: 1 });
});

test('rejects timeout when the SDK never emits ready, not before timeoutMs', async ({
  openLoaderPage,
  mockTccc,
}) => {
  await mockTccc.control.addFault({ target: 'sdk.ready', kind: 'hang' });
  const page = await openLoaderPage();
  const { outcome, elapsed } = await page.evaluate(async () => {
    const started = performance.now();
    const outcome = await window.harness.load({ timeoutMs: 1500 });
    return { outcome, elapsed: performance.now() - started };
  });
  expect(outcome).toMatchObject({ ok: false, reason: 'timeout' });
  expect(outcome).toHaveProperty('message', expect.stringContaining('1500 ms'));
  expect(elapsed).toBeGreaterThanOrEqual(1500);
  // A timeout is not retried: one URL only.
  expect(await page.evaluate(() => window.harness.sdkUrlCalls)).toBe(1);
  expect(await page.evaluate(() => window.harness.leftovers())).toMatchObject({
    scripts: 0,
    global: false,
  });
});

test('five concurrent calls share one load: one URL, one script, one instance', async ({
  openLoaderPage,
  mockTccc,
}) => {
  const page = await openLoaderPage();
  const { outcomes, sameInstance } = await page.evaluate(() => window.harness.loadConcurrently(5));
  expect(outcomes).toEqual(Array(5).fill({ ok: true, isGlobal: true }));
  expect(sameInstance).toBe(true);
  expect(await page.evaluate(() => window.harness.sdkUrlCalls)).toBe(1);
  expect((await page.evaluate(() => window.harness.leftovers())).scripts).toBe(1);
  // A later call gets the same instance without a new URL.
  expect(await page.evaluate(() => window.harness.load())).toEqual({ ok: true, isGlobal: true });
  expect(await page.evaluate(() => window.harness.sdkUrlCalls)).toBe(1);
  expect(await mockTccc.control.tokens()).toHaveLength(1);
});

test('an aborted signal rejects aborted, stops the load, and a later load starts afresh', async ({
  openLoaderPage,
  mockTccc,
}) => {
  await mockTccc.control.addFault({ target: 'sdk.ready', kind: 'hang', times: 1 });
  const page = await openLoaderPage();
  const outcome = await page.evaluate(async () => {
    const load = window.harness.load();
    // Abort once the SDK script has run: the load is waiting for ready.
    while (!window.tccc) await new Promise((resolve) => setTimeout(resolve, 20));
    window.harness.abort();
    return load;
  });
  expect(outcome).toMatchObject({ ok: false, reason: 'aborted' });
  // The caller is rejected at once; the load it was the last caller of stops right after.
  await expect
    .poll(() => page.evaluate(() => window.harness.leftovers()))
    .toMatchObject({ scripts: 0, sdkRoot: false, global: false });
  expect(await page.evaluate(() => window.harness.load())).toEqual({ ok: true, isGlobal: true });
  expect(await page.evaluate(() => window.harness.sdkUrlCalls)).toBe(2);
});

test('a signal aborted before the call rejects without fetching a URL', async ({
  openLoaderPage,
}) => {
  const page = await openLoaderPage();
  const outcome = await page.evaluate(() => window.harness.load({ preAborted: true }));
  expect(outcome).toMatchObject({ ok: false, reason: 'aborted' });
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 200)));
  expect(await page.evaluate(() => window.harness.sdkUrlCalls)).toBe(0);
});

test('unloadTccc tears everything down so that another load works', async ({
  openLoaderPage,
  mockTccc,
}) => {
  const page = await openLoaderPage();
  expect(await page.evaluate(() => window.harness.load())).toMatchObject({ ok: true });
  const sameAfterReload = await page.evaluate(async () => {
    const first = window.tccc;
    await window.harness.loader.unloadTccc();
    const gone = window.harness.leftovers();
    const outcome = await window.harness.load();
    return { gone, outcome, same: first === window.tccc };
  });
  expect(sameAfterReload).toEqual({
    gone: { scripts: 0, sdkRoot: false, global: false, workbenchChildren: 0 },
    outcome: { ok: true, isGlobal: true },
    same: false,
  });
  expect(await mockTccc.control.tokens()).toHaveLength(2);
});

test('renders into renderDomId and clears it on unload', async ({ openLoaderPage }) => {
  const page = await openLoaderPage();
  expect(await page.evaluate(() => window.harness.load({ renderDomId: 'workbench' }))).toEqual({
    ok: true,
    isGlobal: true,
  });
  expect(
    await page.evaluate(() =>
      document.querySelector('script[src*="/sdk/"]')?.getAttribute('data-render-dom-id'),
    ),
  ).toBe('workbench');
  expect((await page.evaluate(() => window.harness.leftovers())).workbenchChildren).toBeGreaterThan(
    0,
  );
  await page.evaluate(() => window.harness.loader.unloadTccc());
  expect((await page.evaluate(() => window.harness.leftovers())).workbenchChildren).toBe(0);
});

test('rejects render-dom before fetching a URL when renderDomId names no element', async ({
  openLoaderPage,
}) => {
  const page = await openLoaderPage();
  const outcome = await page.evaluate(() => window.harness.load({ renderDomId: 'nowhere' }));
  expect(outcome).toMatchObject({ ok: false, reason: 'render-dom' });
  expect(outcome).toHaveProperty('message', expect.stringContaining('"nowhere"'));
  expect(await page.evaluate(() => window.harness.sdkUrlCalls)).toBe(0);
});

test('under script-src with only a nonce, the nonce lets the SDK load', async ({
  openLoaderPage,
}) => {
  const page = await openLoaderPage({ csp: 'nonce-only' });
  const outcome = await page.evaluate(() =>
    window.harness.load({ nonce: document.documentElement.dataset.nonce }),
  );
  expect(outcome).toEqual({ ok: true, isGlobal: true });
});

test('under script-src with only a nonce, no nonce means a CSP script error', async ({
  openLoaderPage,
}) => {
  const page = await openLoaderPage({ csp: 'nonce-only' });
  const outcome = await page.evaluate(() => window.harness.load({ retries: 0 }));
  expect(outcome).toMatchObject({ ok: false, reason: 'script' });
  expect(outcome).toHaveProperty('message', expect.stringMatching(/CSP/));
});

test('refuses an SDK URL that is not https, without injecting it or naming it', async ({
  openLoaderPage,
}) => {
  const page = await openLoaderPage();
  const outcome = await page.evaluate(() =>
    window.harness.load({ urls: ['http://sdk.example.com/tccc.js?token=s3cr3t'] }),
  );
  expect(outcome).toMatchObject({ ok: false, reason: 'sdk-url' });
  expect(JSON.stringify(outcome)).not.toContain('s3cr3t');
  expect((await page.evaluate(() => window.harness.leftovers())).scripts).toBe(0);
});

test('refuses to load an SDK URL twice', async ({ openLoaderPage, mockTccc }) => {
  const { sdkUrl, token } = await mockTccc.control.issueToken({ seatUserId: SEAT });
  const page = await openLoaderPage();
  const outcomes = await page.evaluate(async (url) => {
    const first = await window.harness.load({ urls: [url] });
    await window.harness.loader.unloadTccc();
    const second = await window.harness.load({ urls: [url] });
    return { first, second, left: window.harness.leftovers() };
  }, sdkUrl);
  expect(outcomes.first).toEqual({ ok: true, isGlobal: true });
  expect(outcomes.second).toMatchObject({ ok: false, reason: 'sdk-url' });
  expect(JSON.stringify(outcomes.second)).not.toContain(token);
  expect(outcomes.left.scripts).toBe(0);
});

test("carries the server's problem+json status and code", async ({ openLoaderPage }) => {
  const page = await openLoaderPage();
  const outcome = await page.evaluate(() =>
    window.harness.load({ endpoint: '/sdk-url/unauthorized' }),
  );
  expect(outcome).toMatchObject({
    ok: false,
    reason: 'sdk-url',
    status: 401,
    code: 'unauthenticated',
  });
  expect(outcome).toHaveProperty('message', expect.stringContaining('Sign in'));
});
