/**
 * The real tencentcloud-sdk-nodejs client calls every action the mock emulates, over a real
 * loopback server, typed by the SDK's own request and response models (ccc_models): what an
 * integrator's code compiles against is what the mock answers.
 */
import type * as Models from 'tencentcloud-sdk-nodejs/tencentcloud/services/ccc/v20200210/ccc_models.js';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { implementedActionNames } from '../src/api/actions/index.js';
import { DEFAULT_SDK_APP_ID } from '../src/config/index.js';
import { type MockTcccServer, startMockTcccServer } from '../src/serve/server.js';
import type { SdkSession } from '../src/state/sessions.js';
import { cccClient, rejection } from './sdk-client.js';
import { type SignedInSeat, signIn } from './sdk-host-helpers.js';

let server: MockTcccServer;
let client: ReturnType<typeof cccClient>;
let getClient: ReturnType<typeof cccClient>;
const SdkAppId = DEFAULT_SDK_APP_ID;
const called = new Set<string>();

beforeAll(async () => {
  server = await startMockTcccServer({
    skillGroups: [{ skillGroupId: 101, name: 'Sales' }],
    limits: { requestsPerSecond: 1000 },
  });
  const endpoint = new URL(server.url).host;
  client = cccClient({ endpoint, protocol: 'http://' });
  getClient = cccClient({ endpoint, protocol: 'http://', reqMethod: 'GET' });
});
afterAll(() => server.close());

let seat: SignedInSeat;
let session: SdkSession;
beforeEach(async () => {
  server.mock.reset();
  seat = await signIn(server.mock);
  session = server.mock.store.sessions.byCredential(seat.credential) as SdkSession;
  return () => seat.events.cancel();
});

const nowSeconds = () => Math.floor(server.mock.clock.now() / 1000);

describe('the real SDK client against the mock', () => {
  it('CreateSDKLoginToken', async () => {
    const request: Models.CreateSDKLoginTokenRequest = {
      SdkAppId,
      SeatUserId: 'agent@example.com',
      OnlyOnce: true,
    };
    const response: Models.CreateSDKLoginTokenResponse = await client.CreateSDKLoginToken(request);
    called.add('CreateSDKLoginToken');
    expect(response.SdkURL).toContain(`token=${response.Token}`);
  });

  it('DescribeTelCdr, POST and GET (Phones flattened), pages 0-based', async () => {
    const start = nowSeconds() - 3_600;
    server.mock.store.cdrs.insertMany(SdkAppId, [
      {
        SessionId: 'a',
        StartTimestamp: start,
        Caller: '008613800000001',
        Callee: '008675586013388',
      },
      {
        SessionId: 'b',
        StartTimestamp: start + 1,
        Caller: '008613800000002',
        Callee: '008675586013388',
      },
    ]);
    const request: Models.DescribeTelCdrRequest = {
      SdkAppId,
      StartTimeStamp: start - 60,
      EndTimeStamp: nowSeconds(),
      PageSize: 1,
      PageNumber: 1,
    };
    const response: Models.DescribeTelCdrResponse = await client.DescribeTelCdr(request);
    called.add('DescribeTelCdr');
    expect(response.TotalCount).toBe(2);
    expect(response.TelCdrList?.map((cdr) => cdr.SessionId)).toEqual(['a']);
    const filtered = await getClient.DescribeTelCdr({
      ...request,
      PageSize: 10,
      PageNumber: 0,
      Phones: ['008613800000002'],
    });
    expect(filtered.TelCdrList?.map((cdr) => cdr.SessionId)).toEqual(['b']);
    const error = await rejection(client.DescribeTelCdr({ ...request, PageSize: 101 }));
    expect(error.code).toBe('InvalidParameterValue');
  });

  it('DescribeSessionDetail', async () => {
    server.mock.store.cdrs.insert(SdkAppId, {
      SessionId: 'c',
      StartTimestamp: nowSeconds() - 60,
      EndStatus: 1,
    });
    const request: Models.DescribeSessionDetailRequest = {
      SdkAppId,
      SessionId: 'c',
      StartTimestamp: nowSeconds() - 3_600,
      EndTimestamp: nowSeconds(),
    };
    const response: Models.DescribeSessionDetailResponse =
      await client.DescribeSessionDetail(request);
    called.add('DescribeSessionDetail');
    expect(response.EndStatus).toBe(1);
  });

  it('DescribeTelSession and HangUpCall: the page hears sessionEnded closeBy admin', async () => {
    const { sessionId } = server.mock.sdk.startOutbound(session, {
      phoneNumber: '008613900000001',
    });
    const request: Models.DescribeTelSessionRequest = { SdkAppId, SessionId: sessionId };
    const response: Models.DescribeTelSessionResponse = await client.DescribeTelSession(request);
    called.add('DescribeTelSession');
    expect(response.Session?.SessionStatus).toBe('ringing');
    const hangUp: Models.HangUpCallRequest = { SdkAppId, SessionId: sessionId };
    const hungUp: Models.HangUpCallResponse = await client.HangUpCall(hangUp);
    called.add('HangUpCall');
    expect(hungUp.RequestId).toBeTruthy();
    expect((await seat.events.until('sessionEnded')).data).toMatchObject({
      sessionId,
      closeBy: 'admin',
    });
    expect((await client.DescribeTelSession(request)).Session?.SessionStatus).toBe('finished');
  });

  it('DescribePSTNActiveSessionList', async () => {
    const { sessionId } = server.mock.sdk.startOutbound(session, {
      phoneNumber: '008613900000001',
    });
    const request: Models.DescribePSTNActiveSessionListRequest = { SdkAppId, Offset: 0, Limit: 25 };
    const response: Models.DescribePSTNActiveSessionListResponse =
      await client.DescribePSTNActiveSessionList(request);
    called.add('DescribePSTNActiveSessionList');
    expect(response.Total).toBe(1);
    expect(response.Sessions?.[0]?.SessionID).toBe(sessionId);
  });

  it('CreateStaff (GET, nested Staffs flattened) and DescribeStaffInfoList', async () => {
    const request: Models.CreateStaffRequest = {
      SdkAppId,
      Staffs: [
        { Name: 'Cy', Mail: 'cy@example.com', StaffNumber: '9', SkillGroupNameList: ['Sales'] },
      ],
      SendPassword: false,
    };
    const created: Models.CreateStaffResponse = await getClient.CreateStaff(request);
    called.add('CreateStaff');
    expect(created.ErrorStaffList).toEqual([]);
    const again = await client.CreateStaff(request);
    expect(again.ErrorStaffList?.[0]?.Code).toBe('FailedOperation.DuplicatedAccount');
    const list: Models.DescribeStaffInfoListRequest = {
      SdkAppId,
      PageSize: 9999,
      PageNumber: 0,
      StaffMail: 'cy@example.com',
    };
    const response: Models.DescribeStaffInfoListResponse = await client.DescribeStaffInfoList(list);
    called.add('DescribeStaffInfoList');
    expect(response.StaffList?.[0]?.SkillGroupList?.[0]?.SkillGroupName).toBe('Sales');
  });

  it('DescribeSkillGroupInfoList', async () => {
    const request: Models.DescribeSkillGroupInfoListRequest = {
      SdkAppId,
      PageSize: 100,
      PageNumber: 0,
    };
    const response: Models.DescribeSkillGroupInfoListResponse =
      await client.DescribeSkillGroupInfoList(request);
    called.add('DescribeSkillGroupInfoList');
    expect(response.SkillGroupList?.map((group) => group.SkillGroupName)).toEqual(['Sales']);
  });

  it('SetStaffStatus reaches the page; DescribeStaffStatusMetrics shows it', async () => {
    const request: Models.SetStaffStatusRequest = {
      SdkAppId,
      StaffStatusList: [{ StaffUserId: 'agent@example.com', Status: 'rest', Reason: 'lunch' }],
    };
    const response: Models.SetStaffStatusResponse = await client.SetStaffStatus(request);
    called.add('SetStaffStatus');
    expect(response.StaffStatusList?.[0]).toMatchObject({
      ErrorCode: '',
      Status: 'rest',
      PreviousStatus: 'free',
    });
    expect((await seat.events.until('statusChanged')).data).toEqual({ status: 'rest' });
    const metrics: Models.DescribeStaffStatusMetricsRequest = {
      SdkAppId,
      StaffList: ['agent@example.com'],
    };
    const answer: Models.DescribeStaffStatusMetricsResponse =
      await client.DescribeStaffStatusMetrics(metrics);
    called.add('DescribeStaffStatusMetrics');
    expect(answer.Metrics?.[0]).toMatchObject({
      Email: 'agent@example.com',
      Status: 'rest',
      Reason: 'lunch',
    });
  });

  it('answers UnsupportedOperation for an action it does not emulate, through the SDK too', async () => {
    const request: Models.DescribeCallInMetricsRequest = { SdkAppId };
    const error = await rejection(client.DescribeCallInMetrics(request));
    expect(error.code).toBe('UnsupportedOperation');
  });

  it('has called every emulated action', () => {
    expect([...called].sort()).toEqual(implementedActionNames());
  });
});
