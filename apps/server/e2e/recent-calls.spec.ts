/**
 * Recent calls: a call that ends here shows up in the list once TCCC's Data Push has brought
 * its record to the server, without a reload (the console polls GET /api/calls with the last
 * ETag). The mock TCCC does not push records yet, so the test sends the push TCCC would
 * send after the call (a CDR for the call's session, Basic auth, to /tccc/push).
 */
import { cdrFixture } from '../src/records/testing/cdr-fixtures.js';
import { AGENT, DEMO_PASSWORD, PUSH_PASSWORD, PUSH_USER, startDemoServer } from './demo-server.js';
import { expect, test } from './fixtures.js';

/** The console polls every 10 s; one poll may be in flight when the record lands. */
const POLL_MS = 10_000;

test('a call pushed by TCCC appears in recent calls, in words, without a reload', async ({
  agentConsole,
  page,
  mockTccc,
}) => {
  const server = await startDemoServer({ tcccUrl: mockTccc.url, records: true });
  try {
    await page.goto(server.url);
    await agentConsole.signIn(AGENT, DEMO_PASSWORD);
    await agentConsole.connectButton.click();
    await agentConsole.expectStatus('ready');
    const recent = page.getByTestId('recent-calls');
    await expect(recent).toContainText('No calls yet');

    const { sessionId } = await mockTccc.control.inboundCall({ seatUserId: AGENT });
    await agentConsole.button('Accept').click();
    await expect(agentConsole.activeCall).toHaveAttribute('data-stage', 'talking');
    await mockTccc.control.endCall(sessionId);
    await expect(agentConsole.afterCall).toBeVisible();

    const now = Math.floor(Date.now() / 1000);
    const push = await fetch(`${server.url}/tccc/push?action=cdr&version=1`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Basic ${Buffer.from(`${PUSH_USER}:${PUSH_PASSWORD}`).toString('base64')}`,
      },
      body: JSON.stringify(cdrFixture({ sessionId, seat: AGENT, start: now - 60, length: 60 })),
    });
    expect(await push.json()).toEqual({ ErrCode: 0, ErrMsg: '' });

    const calls = recent.getByRole('listitem');
    await expect(calls).toHaveCount(1, { timeout: POLL_MS + 10_000 });
    await expect(calls.first()).toContainText('008613912345678');
    await expect(calls.first()).toContainText('Answered');
    await agentConsole.state('recent-calls');
  } finally {
    await server.close();
  }
});
