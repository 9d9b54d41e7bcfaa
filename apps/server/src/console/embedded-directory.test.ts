/**
 * `pnpm start`'s Transfer dialog has someone to transfer to: the server as deployed
 * (`src/main.ts`, embedded mock) seeds the demo agents as staff of two skill groups, and
 * GET /api/transfer-targets lists them through the cloud API (DescribeSkillGroupInfoList,
 * DescribeStaffInfoList), signed by the real SDK client and answered by the mock.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type MainProcess, startMain } from '../../test/reliability/main-process.js';

const PASSWORD = 'an embedded demo passphrase';
let main: MainProcess;

beforeAll(async () => {
  main = await startMain({
    RECONCILE_ENABLED: 'false',
    DEMO_ACCOUNTS: 'agent@example.com,agent2@example.com,lead@example.com',
    DEMO_PASSWORD: PASSWORD,
    SESSION_SECRET: 'embedded-directory-test-session-secret-01',
  });
}, 60_000);

afterAll(async () => {
  await main?.stop();
});

it('lists the demo skill groups and the other demo agents as transfer targets', async () => {
  const headers = { origin: main.url, 'sec-fetch-site': 'same-origin' };
  const signIn = await fetch(`${main.url}/api/session`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'agent@example.com', password: PASSWORD }),
  });
  expect(signIn.status).toBe(200);
  const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';

  const answer = await fetch(`${main.url}/api/transfer-targets`, {
    headers: { ...headers, cookie },
  });
  expect(answer.status).toBe(200);
  const targets = (await answer.json()) as {
    skillGroups: { name: string }[];
    agents: { userId: string; name: string }[];
  };
  expect(targets.skillGroups.map((group) => group.name)).toEqual(['Billing', 'Support']);
  // Everyone but the agent asking, by name; an account without a demo name is named after
  // its mail.
  expect(targets.agents.map((agent) => [agent.name, agent.userId])).toEqual([
    ['lead', 'lead@example.com'],
    ['Zhou Min', 'agent2@example.com'],
  ]);
});
