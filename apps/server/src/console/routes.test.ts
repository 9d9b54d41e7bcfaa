/** The console's routes through createApp: who may ask, what each answers, bad input. */
import { describe, expect, it } from 'vitest';
import {
  AGENT,
  AGENT2,
  browserHeaders,
  buildApp,
  ORIGIN,
  PASSWORD,
  problemOf,
  signIn,
} from '../../test/harness.js';
import { createCallerDirectory, DEMO_CALLERS } from './callers.js';
import type { ConsoleDeps } from './routes.js';

const onMock: ConsoleDeps = {
  tcccMode: 'embedded-mock',
  demoSignIn: { accounts: [AGENT, AGENT2], password: PASSWORD },
  lookupCaller: createCallerDirectory(DEMO_CALLERS),
  listTransferTargets: async () => ({
    skillGroups: [
      { skillGroupId: '2', name: 'Support' },
      { skillGroupId: '1', name: 'Billing' },
    ],
    agents: [
      { userId: AGENT2, name: 'Zhou Min', skillGroups: ['Support'] },
      { userId: AGENT, name: 'Agent One', skillGroups: ['Support'] },
    ],
  }),
};

const get = (app: ReturnType<typeof buildApp>['app'], path: string, cookie?: string) =>
  app.request(`${ORIGIN}${path}`, { headers: browserHeaders(cookie) });

describe('GET /api/config', () => {
  it('shows the demo accounts and password on the mock, without a session', async () => {
    const { app } = buildApp({ console: onMock });
    const response = await get(app, '/api/config');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      tcccMode: 'embedded-mock',
      demoSignIn: { accounts: [AGENT, AGENT2], password: PASSWORD },
      callHistory: false,
      transfers: true,
    });
  });

  it('never shows a password with a real TCCC, even if one is passed', async () => {
    const { app } = buildApp({ console: { ...onMock, tcccMode: 'cloud' } });
    expect(await (await get(app, '/api/config')).json()).toEqual({
      tcccMode: 'cloud',
      demoSignIn: null,
      callHistory: false,
      transfers: true,
    });
  });
});

describe('GET /api/callers/:phone', () => {
  it('answers the customer behind a number in any form TCCC writes it', async () => {
    const { app } = buildApp({ console: onMock });
    const cookie = await signIn(app);
    const response = await get(app, '/api/callers/008613900139000', cookie);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    expect(await response.json()).toMatchObject({
      phone: '008613900139000',
      caller: { name: 'Li Na', company: 'Harbour Logistics' },
    });
  });

  it('answers caller null for an unknown number, and without a lookup hook', async () => {
    const { app } = buildApp({ console: onMock });
    const cookie = await signIn(app);
    expect(await (await get(app, '/api/callers/13100000000', cookie)).json()).toEqual({
      phone: '13100000000',
      caller: null,
    });
    const bare = buildApp({ console: { tcccMode: 'cloud' } }).app;
    const bareCookie = await signIn(bare);
    expect(await (await get(bare, '/api/callers/13900139000', bareCookie)).json()).toEqual({
      phone: '13900139000',
      caller: null,
    });
  });

  it('refuses a caller lookup without a session (401) and a non-number (400)', async () => {
    const { app } = buildApp({ console: onMock });
    expect((await problemOf(await get(app, '/api/callers/13900139000'))).code).toBe(
      'not_signed_in',
    );
    const cookie = await signIn(app);
    const problem = await problemOf(await get(app, '/api/callers/robert%27);--', cookie));
    expect(problem).toMatchObject({ status: 400, code: 'invalid_query' });
    expect(problem.detail).toContain('digits');
  });
});

describe('GET /api/transfer-targets', () => {
  it("lists skill groups and every agent but the asking one's seat, sorted by name", async () => {
    const { app } = buildApp({ console: onMock });
    const cookie = await signIn(app);
    const response = await get(app, '/api/transfer-targets', cookie);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      skillGroups: [
        { skillGroupId: '1', name: 'Billing' },
        { skillGroupId: '2', name: 'Support' },
      ],
      agents: [{ userId: AGENT2, name: 'Zhou Min', skillGroups: ['Support'] }],
    });
  });

  it('answers 503 transfer_unavailable when no directory is configured', async () => {
    const { app } = buildApp({ console: { tcccMode: 'cloud' } });
    const cookie = await signIn(app);
    const problem = await problemOf(await get(app, '/api/transfer-targets', cookie));
    expect(problem).toMatchObject({ status: 503, code: 'transfer_unavailable' });
  });

  it('refuses without a session', async () => {
    const { app } = buildApp({ console: onMock });
    expect((await problemOf(await get(app, '/api/transfer-targets'))).status).toBe(401);
  });
});

it('without console deps, none of these routes exist', async () => {
  const { app } = buildApp();
  expect((await problemOf(await get(app, '/api/config'))).code).toBe('not_found');
});
