/** DescribeStaffInfoList and CreateStaff, against the store's staff (in-process). */
import { beforeEach, describe, expect, it } from 'vitest';
import { apiError, callApi } from '../../../test/cloud-api.js';
import { createMockTccc } from '../../mock.js';

const APP = 1400000000;
const START = Date.UTC(2030, 0, 15, 12);
const mock = createMockTccc({ now: START, limits: { requestsPerSecond: 100_000 } });
const seed = {
  skillGroups: [
    { skillGroupId: 101, name: 'Sales' },
    { skillGroupId: 102, name: 'Support', type: 'IM' },
  ],
  staff: [
    {
      mail: 'ana@example.com',
      name: 'Ana',
      staffNumber: '007',
      skillGroups: [101, { skillGroupId: 102, priority: 2 }],
    },
    { mail: 'bo@example.com', name: 'Bo', skillGroups: [102] },
  ],
};
beforeEach(() => {
  mock.reseed(seed);
  mock.pauseTime();
});

type StaffList = { TotalCount: number; StaffList: Record<string, unknown>[] };
const list = async (extra: Record<string, unknown> = {}) =>
  (await callApi(mock, 'DescribeStaffInfoList', {
    SdkAppId: APP,
    PageSize: 9999,
    PageNumber: 0,
    ...extra,
  })) as unknown as StaffList;
const mails = (page: StaffList) => page.StaffList.map((member) => member.Mail);

describe('DescribeStaffInfoList', () => {
  it('lists the app’s agents in StaffInfo shape, in the order they were added', async () => {
    const page = await list();
    expect(page.TotalCount).toBe(4);
    expect(mails(page)).toEqual([
      'agent@example.com',
      'agent2@example.com',
      'ana@example.com',
      'bo@example.com',
    ]);
    expect(page.StaffList[2]).toEqual({
      Name: 'Ana',
      Mail: 'ana@example.com',
      Phone: '',
      Nick: 'Ana',
      StaffNumber: '007',
      RoleList: [1],
      SkillGroupList: [
        { SkillGroupId: 101, SkillGroupName: 'Sales', Priority: 1, Type: 'TEL' },
        { SkillGroupId: 102, SkillGroupName: 'Support', Priority: 2, Type: 'IM' },
      ],
      LastModifyTimestamp: START / 1000,
      ExtensionNumber: '',
    });
  });

  it('pages 0-based and filters by mail, skill group and modification time', async () => {
    const second = await list({ PageSize: 3, PageNumber: 1 });
    expect(second.TotalCount).toBe(4);
    expect(mails(second)).toEqual(['bo@example.com']);
    expect(mails(await list({ StaffMail: 'bo@example.com' }))).toEqual(['bo@example.com']);
    expect(mails(await list({ SkillGroupId: 102 }))).toEqual(['ana@example.com', 'bo@example.com']);
    mock.advanceTime(60_000);
    mock.store.staff.update(APP, 'bo@example.com', { phone: '0086' });
    expect(mails(await list({ ModifiedTime: START / 1000 + 30 }))).toEqual(['bo@example.com']);
  });

  it.each([
    [{ PageSize: 10_000 }, /`PageSize` must be from 1 to 9999/],
    [{ PageSize: 0 }, /`PageSize` must be from 1 to 9999/],
    [{ PageNumber: -2 }, /`PageNumber` is 0-based/],
  ])('answers InvalidParameterValue for %o', async (change, message) => {
    const error = await apiError(mock, 'DescribeStaffInfoList', {
      SdkAppId: APP,
      PageSize: 10,
      PageNumber: 0,
      ...change,
    });
    expect(error).toMatchObject({
      Code: 'InvalidParameterValue',
      Message: expect.stringMatching(message),
    });
  });
});

const newStaff = (mail: string, extra: Record<string, unknown> = {}) => ({
  Name: mail.split('@')[0],
  Mail: mail,
  StaffNumber: '100',
  ...extra,
});

describe('CreateStaff', () => {
  it('adds agents who can then get an SDK login token', async () => {
    const answer = await callApi(mock, 'CreateStaff', {
      SdkAppId: APP,
      Staffs: [
        newStaff('cy@example.com', {
          Phone: '008613800000000',
          Nick: 'C',
          Role: 2,
          SkillGroupNameList: ['Sales'],
          ExtensionNumber: '1003',
        }),
        newStaff('di@example.com'),
      ],
      SendPassword: false,
    });
    expect(answer).toEqual({ ErrorStaffList: [], RequestId: expect.any(String) });
    expect((await list({ StaffMail: 'cy@example.com' })).StaffList[0]).toMatchObject({
      Name: 'cy',
      Phone: '008613800000000',
      Nick: 'C',
      StaffNumber: '100',
      RoleList: [2],
      SkillGroupList: [{ SkillGroupId: 101, SkillGroupName: 'Sales', Priority: 1, Type: 'TEL' }],
      ExtensionNumber: '1003',
    });
    expect(mock.store.staff.get(APP, 'di@example.com')).toMatchObject({
      status: 'offline',
      nick: 'di',
    });
    const token = await callApi(mock, 'CreateSDKLoginToken', {
      SdkAppId: APP,
      SeatUserId: 'di@example.com',
    });
    expect(token.Token).toMatch(/^[0-9a-f]{32}$/);
  });

  it('reports the agents it could not add and adds the others', async () => {
    const answer = await callApi(mock, 'CreateStaff', {
      SdkAppId: APP,
      Staffs: [
        newStaff('ana@example.com'),
        newStaff('not-a-mail'),
        newStaff('ed@example.com', { SkillGroupNameList: ['Nope'] }),
        newStaff('fay@example.com'),
        newStaff('fay@example.com'),
      ],
    });
    expect(answer.ErrorStaffList).toEqual([
      {
        StaffEmail: 'ana@example.com',
        Code: 'FailedOperation.DuplicatedAccount',
        Message: '`ana@example.com` is already an agent of SDKAppID `1400000000`.',
      },
      {
        StaffEmail: 'not-a-mail',
        Code: 'InvalidParameterValue',
        Message: expect.stringMatching(/is not an e-mail address/),
      },
      {
        StaffEmail: 'ed@example.com',
        Code: 'InvalidParameterValue.SkillGroupError',
        Message: expect.stringMatching(/no skill group named `Nope`/),
      },
      {
        StaffEmail: 'fay@example.com',
        Code: 'FailedOperation.DuplicatedAccount',
        Message: expect.stringMatching(/more than once/),
      },
    ]);
    expect(mock.store.staff.has(APP, 'fay@example.com')).toBe(true);
    expect(mock.store.staff.has(APP, 'ed@example.com')).toBe(false);
  });

  it('takes 1 to 10 agents per call', async () => {
    const eleven = Array.from({ length: 11 }, (_, i) => newStaff(`n${i}@example.com`));
    expect(await apiError(mock, 'CreateStaff', { SdkAppId: APP, Staffs: eleven })).toEqual({
      Code: 'InvalidParameterValue',
      Message:
        '`Staffs` takes from 1 to 10 entries (got 11); split bigger batches into several calls.',
    });
    expect((await apiError(mock, 'CreateStaff', { SdkAppId: APP, Staffs: [] })).Code).toBe(
      'InvalidParameterValue',
    );
    expect(mock.store.staff.has(APP, 'n0@example.com')).toBe(false);
  });

  it('checks each agent’s structure and values before adding any', async () => {
    expect(
      await apiError(mock, 'CreateStaff', {
        SdkAppId: APP,
        Staffs: [newStaff('a@example.com'), { Mail: 'b@example.com', StaffNumber: '1' }],
      }),
    ).toEqual({
      Code: 'MissingParameter',
      Message: 'The request is missing a required parameter `Staffs.1.Name`.',
    });
    expect(
      await apiError(mock, 'CreateStaff', {
        SdkAppId: APP,
        Staffs: [newStaff('a@example.com', { Name: ' ' })],
      }),
    ).toEqual({ Code: 'InvalidParameterValue', Message: '`Staffs.0.Name` must not be empty.' });
    expect(
      (
        await apiError(mock, 'CreateStaff', {
          SdkAppId: APP,
          Staffs: [newStaff('a@example.com', { Role: 0 })],
        })
      ).Message,
    ).toMatch(/`Staffs\.0\.Role` is a role id/);
    expect(mock.store.staff.has(APP, 'a@example.com')).toBe(false);
  });
});
