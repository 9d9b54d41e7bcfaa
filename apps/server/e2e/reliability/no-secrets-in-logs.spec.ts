/**
 * A full agent session in Chromium (sign-in, SDK URL, SDK loaded to ready, an outbound and
 * an inbound call, sign-out) against a server of its own whose every JSON log line is kept;
 * then every line is scanned for what must never be logged: the SecretKey, the SecretId,
 * the session secret, any SDK URL (the mock's `/sdk/tccc.js?token=` pattern), each token
 * the mock issued during the run, any 32-hex string that could be one, and the session
 * cookie. Zero hits.
 */
import { DEFAULT_SECRET_ID, DEFAULT_SECRET_KEY } from '@tccc-kit/mock-tccc';
import { AGENT, DEMO_PASSWORD, SECRETS, startDemoServer } from '../demo-server.js';
import { expect, test } from '../fixtures.js';

test('a whole session leaves no secret, SDK URL, token or cookie in the server logs', async ({
  agentConsole,
  page,
  mockTccc,
}) => {
  const server = await startDemoServer({ tcccUrl: mockTccc.url });
  let closed = false;
  try {
    await page.goto(server.url);
    await expect(agentConsole.status).not.toHaveAttribute('data-state', 'checking');
    await agentConsole.signIn(AGENT, DEMO_PASSWORD);
    const cookies = await page.context().cookies(server.url);
    await agentConsole.connectButton.click();
    await agentConsole.expectStatus('ready');

    // Outbound: the mock answers numbers not ending in 8 or 9 (mocks/tccc/src/sdk/outcomes.ts).
    await agentConsole.dial('13800138001');
    await expect(agentConsole.activeCall).toHaveAttribute('data-stage', 'talking');
    await agentConsole.button('Hang up').click();
    await expect(agentConsole.afterCall).toBeVisible();
    await agentConsole.button('Ready for the next call').click();

    const { sessionId } = await mockTccc.control.inboundCall({ seatUserId: AGENT });
    await agentConsole.button('Accept').click();
    await expect(agentConsole.activeCall).toHaveAttribute('data-stage', 'talking');
    await mockTccc.control.endCall(sessionId);
    await expect(agentConsole.afterCall).toHaveAttribute('data-outcome', 'customer-hung-up');

    await agentConsole.signOut();
    await server.close();
    closed = true;

    const tokens = (await mockTccc.control.tokens()).map((record) => record.token);
    expect(tokens).toHaveLength(1);
    const cookieValues = cookies.map((cookie) => cookie.value);
    expect(cookieValues.length).toBeGreaterThan(0);
    const forbidden = [
      DEFAULT_SECRET_KEY,
      DEFAULT_SECRET_ID,
      ...SECRETS,
      ...tokens,
      ...cookieValues,
    ];
    for (const value of forbidden) expect(value.length).toBeGreaterThanOrEqual(16);

    const lines = server.logLines;
    // The flow was logged (requests and the token client's events), so the scan means something.
    expect(lines.length).toBeGreaterThanOrEqual(5);
    expect(lines.some((line) => line.includes('tccc.sdk_url.issued'))).toBe(true);
    const hits = lines.filter(
      (line) =>
        forbidden.some((value) => line.includes(value)) ||
        /\/sdk\/tccc\.js\?|[?&]token=(?!\[redacted\])/.test(line) ||
        /(?<![0-9a-f])[0-9a-f]{32}(?![0-9a-f])/i.test(line),
    );
    expect(hits, 'log lines with a secret, an SDK URL, a token or the session cookie').toEqual([]);
  } finally {
    if (!closed) await server.close();
  }
});
