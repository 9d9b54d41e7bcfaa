/** SetStaffStatus and DescribeStaffStatusMetrics: one status truth with the SDK's page. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiError, callApi } from '../../../test/cloud-api.js';
import { type SignedInSeat, signIn } from '../../../test/sdk-host-helpers.js';
import { createMockTccc } from '../../mock.js';
import type { SdkSession } from '../../state/sessions.js';

const APP = 1400000000;
// 10:00 in Beijing (UTC+8); that status day began at 16:00 UTC the day before.
const START = Date.UTC(2030, 0, 15, 2);
const mock = createMockTccc({
  now: START,
  limits: { requestsPerSecond: 100_000 },
  skillGroups: [{ skillGroupId: 101, name: 'Sales' }],
  staff: [{ mail: 'ana@example.com', skillGroups: [101] }],
});
let seat: SignedInSeat;
beforeEach(async () => {
  mock.reset();
  mock.pauseTime();
  seat = await signIn(mock);
});
afterEach(() => seat.events.cancel());

type Metrics = Record<string, unknown>;
const metrics = async (extra: Record<string, unknown> = {}) =>
  (await callApi(mock, 'DescribeStaffStatusMetrics', { SdkAppId: APP, ...extra }))
    .Metrics as Metrics[];
const setStatus = (items: { StaffUserId: string; Status: string; Reason?: string }[]) =>
  callApi(mock, 'SetStaffStatus', { SdkAppId: APP, StaffStatusList: items });

describe('SetStaffStatus', () => {
  it('changes the agent’s status, and the page hears statusChanged', async () => {
    const answer = await setStatus([
      { StaffUserId: 'agent@example.com', Status: 'rest', Reason: 'lunch' },
    ]);
    expect(answer.StaffStatusList).toEqual([
      {
        StaffUserId: 'agent@example.com',
        ErrorCode: '',
        ErrorMessage: '',
        Status: 'rest',
        Reason: 'lunch',
        PreviousStatus: 'free',
        PreviousReason: '',
      },
    ]);
    expect((await seat.events.until('statusChanged')).data).toEqual({ status: 'rest' });
    expect(mock.store.staff.get(APP, 'agent@example.com')).toMatchObject({
      status: 'rest',
      restReason: 'lunch',
    });
    await setStatus([{ StaffUserId: 'agent@example.com', Status: 'free' }]);
    expect((await seat.events.until('statusChanged')).data).toEqual({ status: 'free' });
  });

  it('reports agents it cannot change and changes the others', async () => {
    const session = mock.store.sessions.byCredential(seat.credential) as SdkSession;
    const second = await signIn(mock, 'agent2@example.com');
    const { sessionId } = mock.sdk.startOutbound(session, { phoneNumber: '008613900000001' });
    const answer = await setStatus([
      { StaffUserId: 'agent@example.com', Status: 'notReady' },
      { StaffUserId: 'ana@example.com', Status: 'free' },
      { StaffUserId: 'nobody@example.com', Status: 'free' },
      { StaffUserId: 'agent2@example.com', Status: 'notReady' },
    ]);
    expect(answer.StaffStatusList).toEqual([
      expect.objectContaining({
        ErrorCode: 'FailedOperation.SeatStatusBusy',
        ErrorMessage: `\`agent@example.com\` is in call \`${sessionId}\`; the status changes back when the call ends.`,
        Status: 'busy',
        PreviousStatus: 'busy',
      }),
      expect.objectContaining({
        ErrorCode: 'FailedOperation',
        Status: 'offline',
        ErrorMessage: expect.stringMatching(/is offline/),
      }),
      expect.objectContaining({
        ErrorCode: 'InvalidParameterValue.AccountNotExist',
        Status: '',
        PreviousStatus: '',
      }),
      expect.objectContaining({
        StaffUserId: 'agent2@example.com',
        ErrorCode: '',
        Status: 'notReady',
        PreviousStatus: 'free',
      }),
    ]);
    expect((await second.events.until('statusChanged')).data).toEqual({ status: 'notReady' });
    await second.events.cancel();
  });

  it('sets free, notReady and rest only, 1 to 10 agents per call', async () => {
    expect(
      await apiError(mock, 'SetStaffStatus', {
        SdkAppId: APP,
        StaffStatusList: [{ StaffUserId: 'agent@example.com', Status: 'busy' }],
      }),
    ).toEqual({
      Code: 'InvalidParameterValue',
      Message:
        '`StaffStatusList.0.Status` is `busy`; SetStaffStatus sets `free`, `notReady`, `rest` (the others follow calls and logins).',
    });
    const eleven = Array.from({ length: 11 }, () => ({
      StaffUserId: 'agent@example.com',
      Status: 'free',
    }));
    expect(
      (await apiError(mock, 'SetStaffStatus', { SdkAppId: APP, StaffStatusList: eleven })).Message,
    ).toMatch(/from 1 to 10 entries/);
    expect(
      (
        await apiError(mock, 'SetStaffStatus', {
          SdkAppId: APP,
          StaffStatusList: [{ Status: 'free' }],
        })
      ).Message,
    ).toMatch(/`StaffStatusList\.0\.StaffUserId`/);
  });
});

describe('DescribeStaffStatusMetrics', () => {
  it('reports each agent’s status, time per status today, and clients', async () => {
    mock.advanceTime(60_000);
    await setStatus([{ StaffUserId: 'agent@example.com', Status: 'rest', Reason: 'coffee' }]);
    mock.advanceTime(30_000);
    await setStatus([{ StaffUserId: 'agent@example.com', Status: 'notReady' }]);
    mock.advanceTime(15_000);
    const [agent, agent2, ana] = await metrics();
    expect(agent).toEqual({
      Email: 'agent@example.com',
      Status: 'notReady',
      StatusExtra: { Type: '', Direct: '' },
      OnlineDuration: 105,
      FreeDuration: 60,
      BusyDuration: 0,
      NotReadyDuration: 15,
      RestDuration: 30,
      AfterCallWorkDuration: 0,
      Reason: '',
      ReserveRest: false,
      ReserveNotReady: false,
      UseMobileAccept: 0,
      UseMobileCallOut: false,
      LastOnlineTimestamp: START / 1000,
      LastStatusTimestamp: START / 1000 + 90,
      ClientInfo: [{ ClientType: 'Web', IsConnected: true }],
    });
    expect(agent2).toMatchObject({
      Email: 'agent2@example.com',
      Status: 'offline',
      OnlineDuration: 0,
      LastOnlineTimestamp: null,
      ClientInfo: [],
    });
    expect(ana).toMatchObject({ Email: 'ana@example.com', Status: 'offline' });
  });

  it('counts a call as busy, with its direction', async () => {
    const session = mock.store.sessions.byCredential(seat.credential) as SdkSession;
    mock.sdk.startOutbound(session, { phoneNumber: '008613900000001' });
    mock.advanceTime(10_000);
    const [agent] = await metrics({ StaffList: ['agent@example.com'] });
    expect(agent).toMatchObject({
      Status: 'busy',
      StatusExtra: { Type: 'tel', Direct: 'out' },
      BusyDuration: 10,
    });
  });

  it('starts the day’s durations again at midnight in Beijing (16:00 UTC)', async () => {
    mock.setTime(Date.UTC(2030, 0, 15, 15, 59));
    mock.setTime(Date.UTC(2030, 0, 15, 16, 1));
    const [agent] = await metrics({ StaffList: ['agent@example.com'] });
    expect(agent).toMatchObject({ Status: 'free', FreeDuration: 60 });
  });

  it('filters by agents, skill groups and statuses', async () => {
    const emails = (list: Metrics[]) => list.map((m) => m.Email);
    expect(emails(await metrics({ StaffList: ['ana@example.com', 'nobody@example.com'] }))).toEqual(
      ['ana@example.com'],
    );
    expect(emails(await metrics({ GroupIdList: [101] }))).toEqual(['ana@example.com']);
    expect(emails(await metrics({ StatusList: ['free'] }))).toEqual(['agent@example.com']);
    expect(emails(await metrics({ StatusList: ['offline'] }))).toEqual([
      'agent2@example.com',
      'ana@example.com',
    ]);
  });

  it('names after-call work afterCallWork, as the cloud API does', async () => {
    mock.store.staff.setStatus(APP, 'agent@example.com', 'arrange');
    expect(await metrics({ StatusList: ['afterCallWork'] })).toMatchObject([
      { Email: 'agent@example.com', Status: 'afterCallWork' },
    ]);
  });

  it('refuses a status name it does not know', async () => {
    expect(
      await apiError(mock, 'DescribeStaffStatusMetrics', {
        SdkAppId: APP,
        StatusList: ['arrange'],
      }),
    ).toEqual({
      Code: 'InvalidParameterValue',
      Message:
        '`StatusList.0` is `arrange`; a status is one of `free`, `busy`, `rest`, `notReady`, `afterCallWork`, `offline`.',
    });
  });
});
