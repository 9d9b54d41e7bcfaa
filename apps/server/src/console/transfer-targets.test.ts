/**
 * The transfer directory from the cloud API: the real TCCC client signs DescribeSkillGroupInfoList
 * and DescribeStaffInfoList to a standalone mock TCCC seeded with groups and named staff; the
 * answer is what the console lists, cached for `cacheMs`.
 */
import {
  DEFAULT_SDK_APP_ID,
  DEFAULT_SECRET_ID,
  DEFAULT_SECRET_KEY,
  type MockTcccServer,
  startMockTcccServer,
} from '@tccc-kit/mock-tccc';
import { createTcccClient } from '@tccc-kit/tccc-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTransferDirectory, type DirectorySource, targetsFor } from './transfer-targets.js';

let mock: MockTcccServer;
beforeAll(async () => {
  mock = await startMockTcccServer({
    host: '127.0.0.1',
    port: 0,
    accounts: [{ secretId: DEFAULT_SECRET_ID, secretKey: DEFAULT_SECRET_KEY }],
    apps: [{ sdkAppId: DEFAULT_SDK_APP_ID }],
    skillGroups: [
      { sdkAppId: DEFAULT_SDK_APP_ID, skillGroupId: 101, name: 'Support' },
      { sdkAppId: DEFAULT_SDK_APP_ID, skillGroupId: 102, name: 'Billing' },
    ],
    staff: [
      {
        sdkAppId: DEFAULT_SDK_APP_ID,
        mail: 'agent@example.com',
        name: 'Wu Fang',
        skillGroups: [101],
      },
      {
        sdkAppId: DEFAULT_SDK_APP_ID,
        mail: 'agent2@example.com',
        name: 'Zhou Min',
        skillGroups: [101, 102],
      },
    ],
  });
});
afterAll(async () => {
  await mock?.close();
});

describe('createTransferDirectory', () => {
  it('lists the skill groups and agents TCCC has, with each agent’s groups', async () => {
    const client = createTcccClient({
      sdkAppId: DEFAULT_SDK_APP_ID,
      secretId: DEFAULT_SECRET_ID,
      secretKey: DEFAULT_SECRET_KEY,
      endpoint: mock.url,
      retries: 0,
    });
    const list = createTransferDirectory(client);
    const targets = await list();
    expect(targets).toEqual({
      skillGroups: [
        { skillGroupId: '101', name: 'Support' },
        { skillGroupId: '102', name: 'Billing' },
      ],
      agents: [
        { userId: 'agent@example.com', name: 'Wu Fang', skillGroups: ['Support'] },
        { userId: 'agent2@example.com', name: 'Zhou Min', skillGroups: ['Support', 'Billing'] },
      ],
    });
    // As agent@example.com sees them: without themselves, sorted by name.
    expect(targetsFor(targets, 'AGENT@example.com')).toEqual({
      skillGroups: [
        { skillGroupId: '102', name: 'Billing' },
        { skillGroupId: '101', name: 'Support' },
      ],
      agents: [
        { userId: 'agent2@example.com', name: 'Zhou Min', skillGroups: ['Support', 'Billing'] },
      ],
    });
  });

  it('reuses one reading for cacheMs, then asks again; entries without an id are left out', async () => {
    let now = 0;
    let reads = 0;
    const source: DirectorySource = {
      listSkillGroups: async () => {
        reads += 1;
        return [{ SkillGroupId: 7 }, { SkillGroupName: 'no id' }];
      },
      listStaff: async () => [
        { Mail: 'a@x.com', Nick: 'Ana' },
        { Name: 'no mail' },
        { Mail: 'b@x.com' },
      ],
    };
    const list = createTransferDirectory(source, { cacheMs: 1_000, now: () => now });
    expect(await list()).toEqual({
      skillGroups: [{ skillGroupId: '7', name: 'Skill group 7' }],
      agents: [
        { userId: 'a@x.com', name: 'Ana', skillGroups: [] },
        { userId: 'b@x.com', name: 'b@x.com', skillGroups: [] },
      ],
    });
    now = 999;
    await list();
    expect(reads).toBe(1);
    now = 1_000;
    await list();
    expect(reads).toBe(2);
  });

  it('passes a failure on and does not cache it', async () => {
    let fail = true;
    const source: DirectorySource = {
      listSkillGroups: async () => {
        if (fail) throw new Error('TCCC down');
        return [];
      },
      listStaff: async () => [],
    };
    const list = createTransferDirectory(source);
    await expect(list()).rejects.toThrow('TCCC down');
    fail = false;
    await expect(list()).resolves.toEqual({ skillGroups: [], agents: [] });
  });
});
