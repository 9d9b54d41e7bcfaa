/**
 * listSkillGroups / listStaff: every page of DescribeSkillGroupInfoList and
 * DescribeStaffInfoList, read by the real SDK signing requests to the mock (msw), the TCCC
 * shapes returned as they came, and a listing too big for `maxItems` refused with a message.
 */
import { DEFAULT_SDK_APP_ID, DEFAULT_SECRET_ID, DEFAULT_SECRET_KEY } from '@tccc-kit/mock-tccc';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { TcccApiError } from '../src/errors.js';
import { createTcccClient } from '../src/tccc-client.js';
import { mockConfig } from './support/fixtures.js';
import { useMswMock } from './support/msw-mock.js';

const GROUPS = Array.from({ length: 130 }, (_, index) => ({
  sdkAppId: DEFAULT_SDK_APP_ID,
  skillGroupId: index + 1,
  name: `Group ${String(index + 1).padStart(3, '0')}`,
}));
const STAFF = Array.from({ length: 205 }, (_, index) => ({
  sdkAppId: DEFAULT_SDK_APP_ID,
  mail: `agent${index}@example.com`,
  name: `Agent ${index}`,
  skillGroups: index === 0 ? [1, 2] : [],
}));

const { sent, network } = useMswMock({
  limits: { requestsPerSecond: 1000 },
  accounts: [{ secretId: DEFAULT_SECRET_ID, secretKey: DEFAULT_SECRET_KEY }],
  apps: [{ sdkAppId: DEFAULT_SDK_APP_ID }],
  staff: STAFF,
  skillGroups: GROUPS,
});

async function failure(promise: Promise<unknown>) {
  const error = await promise.catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(TcccApiError);
  return error as TcccApiError;
}

describe('listSkillGroups and listStaff', () => {
  it('read every page: 130 skill groups in 2 requests, 205 agents in 3', async () => {
    const client = createTcccClient(mockConfig());
    const groups = await client.listSkillGroups();
    expect(groups).toHaveLength(130);
    expect(groups[0]).toMatchObject({ SkillGroupId: 1, SkillGroupName: 'Group 001' });
    expect(new Set(groups.map((group) => group.SkillGroupId)).size).toBe(130);
    expect(sent()).toBe(2);

    const staff = await client.listStaff();
    expect(staff).toHaveLength(205);
    expect(staff[0]).toMatchObject({
      Mail: 'agent0@example.com',
      Name: 'Agent 0',
      SkillGroupList: [
        expect.objectContaining({ SkillGroupId: 1, SkillGroupName: 'Group 001' }),
        expect.objectContaining({ SkillGroupId: 2, SkillGroupName: 'Group 002' }),
      ],
    });
    expect(sent()).toBe(5);
  });

  it('refuses an app with more entries than maxItems, saying how to fix it', async () => {
    const client = createTcccClient(mockConfig());
    const error = await failure(client.listStaff({ maxItems: 150 }));
    expect(error.code).toBe('InvalidResponse');
    expect(error.message).toContain('205 entries');
    expect(error.message).toContain('raise maxItems');
    expect(sent()).toBe(1);
  });

  it('refuses bad arguments before sending', async () => {
    const client = createTcccClient(mockConfig());
    const error = await failure(client.listSkillGroups({ maxItems: 0 }));
    expect(error).toMatchObject({ code: 'InvalidArgument' });
    expect(error.message).toContain('listSkillGroups: maxItems');
    expect(sent()).toBe(0);
  });

  it('refuses a page that is not a list, naming the field', async () => {
    network.use(
      http.post('https://ccc.tencentcloudapi.com/', () =>
        HttpResponse.json({
          Response: { TotalCount: 3, SkillGroupList: 'nope', RequestId: 'r-1' },
        }),
      ),
    );
    const client = createTcccClient(mockConfig());
    const error = await failure(client.listSkillGroups());
    expect(error).toMatchObject({ code: 'InvalidResponse', requestId: 'r-1' });
    expect(error.message).toContain('SkillGroupList is not a list');
  });
});
