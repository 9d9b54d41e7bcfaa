/** DescribeSkillGroupInfoList against the store's skill groups (in-process). */
import { beforeEach, describe, expect, it } from 'vitest';
import { apiError, callApi } from '../../../test/cloud-api.js';
import { createMockTccc } from '../../mock.js';

const APP = 1400000000;
const START = Date.UTC(2030, 0, 15, 12);
const mock = createMockTccc({
  now: START,
  skillGroups: [
    { skillGroupId: 101, name: 'Sales north' },
    {
      skillGroupId: 102,
      name: 'Support',
      type: 'IM',
      skillGroupType: 1,
      routePolicy: 'random',
      maxConcurrency: 3,
      ringAll: true,
      alias: 'sup',
    },
    { skillGroupId: 103, name: 'Sales south' },
  ],
});
beforeEach(() => mock.reset());

type Groups = { TotalCount: number; SkillGroupList: Record<string, unknown>[] };
const groups = async (extra: Record<string, unknown> = {}) =>
  (await callApi(mock, 'DescribeSkillGroupInfoList', {
    SdkAppId: APP,
    PageSize: 100,
    PageNumber: 0,
    ...extra,
  })) as unknown as Groups;
const ids = (page: Groups) => page.SkillGroupList.map((group) => group.SkillGroupId);

describe('DescribeSkillGroupInfoList', () => {
  it('lists the app’s groups as SkillGroupInfoItem', async () => {
    const page = await groups();
    expect(page.TotalCount).toBe(3);
    expect(page.SkillGroupList[1]).toEqual({
      SkillGroupId: 102,
      SkillGroupName: 'Support',
      Type: 'IM',
      RoutePolicy: 'random',
      UsingLastSeat: 0,
      MaxConcurrency: 3,
      LastModifyTimestamp: START / 1000,
      SkillGroupType: 1,
      Alias: 'sup',
      RingAll: true,
    });
  });

  it('pages 0-based and filters by id, by part of the name and by modification time', async () => {
    expect(ids(await groups({ PageSize: 2, PageNumber: 1 }))).toEqual([103]);
    expect(ids(await groups({ SkillGroupId: 102 }))).toEqual([102]);
    expect(ids(await groups({ SkillGroupName: 'Sales' }))).toEqual([101, 103]);
    expect((await groups({ ModifiedTime: START / 1000 + 1 })).TotalCount).toBe(0);
  });

  it('takes PageSize up to 100', async () => {
    const error = await apiError(mock, 'DescribeSkillGroupInfoList', {
      SdkAppId: APP,
      PageSize: 101,
      PageNumber: 0,
    });
    expect(error).toMatchObject({
      Code: 'InvalidParameterValue',
      Message: expect.stringMatching(/from 1 to 100 \(got 101\)/),
    });
  });
});
