/**
 * What the agent sees when TCCC fails while the server asks for an SDK URL: each fault of
 * the mock (hang past the server's 3 s timeout, 5xx, dropped connection, RequestLimitExceeded,
 * InternalError, TCCC down) shows the
 * "TCCC could not be reached" failure with the server's HTTP status and problem code as a line
 * for support, and Retry connects once TCCC is healthy again.
 *
 * The server-side timing and retries of the same faults are asserted in
 * test/reliability/tccc-faults.test.ts; here it is the browser's view, end to end.
 */
import { startMockTccc } from '@tccc-kit/mock-tccc/testing';
import type { AgentConsole } from '../agent-console.js';
import { AGENT, DEMO_PASSWORD, startDemoServer } from '../demo-server.js';
import { expect, test } from '../fixtures.js';

/** The demo server's token-client timeout (e2e/demo-server.ts), with no retries. */
const SERVER_TCCC_TIMEOUT_MS = 3_000;

/** Chromium logs the failed SDK URL request as a console error; that one is expected. */
const SDK_URL_FAILED = /status of 50[234] \([A-Za-z ]+\) \(at \/api\/tccc\/sdk-url\)$/;

const page = (agentConsole: AgentConsole) => agentConsole.page;

async function expectTcccFailure(agentConsole: AgentConsole, status: number, code: string) {
  await agentConsole.expectStatus('error');
  await expect(agentConsole.failure).toHaveAttribute('data-reason', 'tccc-unavailable');
  await expect(agentConsole.failure).toContainText('TCCC could not be reached');
  await expect(page(agentConsole).getByTestId('failure-support')).toHaveText(
    `For support: HTTP ${status} · ${code}`,
  );
  await expect(agentConsole.retryButton).toBeVisible();
  await expect(agentConsole.sdkScripts).toHaveCount(0);
}

test.describe('TCCC failing behind the server', () => {
  test.use({ expectedBrowserErrors: [SDK_URL_FAILED] });

  for (const { fault, rule, status, code } of [
    { fault: 'hangs', rule: { kind: 'hang' }, status: 504, code: 'tccc_timeout' },
    {
      fault: 'answers HTTP 503',
      rule: { kind: 'status', status: 503 },
      status: 503,
      code: 'tccc_unavailable',
    },
    {
      fault: 'drops the connection',
      rule: { kind: 'drop' },
      status: 502,
      code: 'tccc_unreachable',
    },
    {
      fault: 'answers RequestLimitExceeded',
      rule: { kind: 'error', code: 'RequestLimitExceeded' },
      status: 503,
      code: 'tccc_unavailable',
    },
    {
      fault: 'answers InternalError',
      rule: { kind: 'error', code: 'InternalError' },
      status: 502,
      code: 'tccc_bad_response',
    },
  ] as const) {
    test(`${fault}: the console shows HTTP ${status} ${code}, and Retry connects once TCCC is back`, async ({
      agentConsole,
      mockTccc,
    }) => {
      await agentConsole.open();
      await agentConsole.signIn(AGENT, DEMO_PASSWORD);
      await mockTccc.control.addFault({ target: 'CreateSDKLoginToken', times: 1, ...rule });
      await agentConsole.connectButton.click();

      // A hang is answered when the server's TCCC timeout fires; leave room beyond it.
      await expect(agentConsole.status).toHaveAttribute('data-state', 'error', {
        timeout: SERVER_TCCC_TIMEOUT_MS + 10_000,
      });
      await expectTcccFailure(agentConsole, status, code);
      expect(await mockTccc.control.faults()).toEqual([]);
      expect(await mockTccc.control.tokens()).toEqual([]);

      await agentConsole.retryButton.click();
      await agentConsole.expectStatus('ready');
      await expect(agentConsole.failure).toBeHidden();
      expect(await mockTccc.control.tokens()).toHaveLength(1);
    });
  }
});

test.describe('TCCC down', () => {
  test.use({ expectedBrowserErrors: [SDK_URL_FAILED] });

  test('the console shows HTTP 502 tccc_unreachable, and Retry connects once TCCC is back', async ({
    agentConsole,
  }) => {
    // A mock and server of their own: stopping this mock must not disturb other tests.
    const tccc = await startMockTccc();
    const server = await startDemoServer({ tcccUrl: tccc.url });
    let back: Awaited<ReturnType<typeof startMockTccc>> | undefined;
    try {
      await agentConsole.page.goto(server.url);
      await agentConsole.signIn(AGENT, DEMO_PASSWORD);
      await tccc.close();

      await agentConsole.connectButton.click();
      await expectTcccFailure(agentConsole, 502, 'tccc_unreachable');

      back = await startMockTccc({ port: Number(new URL(tccc.url).port) });
      await agentConsole.retryButton.click();
      await agentConsole.expectStatus('ready');
      expect(await back.control.tokens()).toHaveLength(1);
    } finally {
      await server.close();
      await back?.close();
      await tccc.close();
    }
  });
});
