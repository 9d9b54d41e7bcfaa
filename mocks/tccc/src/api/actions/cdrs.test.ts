/** DescribeTelCdr and DescribeSessionDetail, answered from the store's CDRs (in-process). */
import { beforeEach, describe, expect, it } from 'vitest';
import { apiError, callApi } from '../../../test/cloud-api.js';
import { signIn } from '../../../test/sdk-host-helpers.js';
import { createMockTccc } from '../../mock.js';
import type { TelCdrInfo } from '../../state/tencent-types.js';

const NOW = Date.UTC(2030, 0, 15, 12);
const now = NOW / 1000;
const APP = 1400000000;
const DAY = 86_400;
const mock = createMockTccc({ now: NOW, limits: { requestsPerSecond: 100_000 } });
beforeEach(() => {
  mock.reset();
  mock.pauseTime();
});

const cdr = (i: number, extra: Partial<TelCdrInfo> = {}): TelCdrInfo => ({
  SessionId: `session-${String(i).padStart(4, '0')}`,
  StartTimestamp: now - DAY + i,
  Caller: `00861380000${String(i).padStart(4, '0')}`,
  Callee: '008675586013388',
  ...extra,
});
const query = (extra: Record<string, unknown> = {}) => ({
  SdkAppId: APP,
  StartTimeStamp: now - 2 * DAY,
  EndTimeStamp: now,
  PageSize: 100,
  PageNumber: 0,
  ...extra,
});
type Page = { TotalCount: number; TelCdrList: TelCdrInfo[] };
const describeTelCdr = async (extra: Record<string, unknown> = {}, method?: 'GET' | 'POST') =>
  (await callApi(mock, 'DescribeTelCdr', query(extra), { method })) as unknown as Page;

describe('DescribeTelCdr', () => {
  it('pages through the window newest first, 0-based, with the total of every page', async () => {
    mock.store.cdrs.insertMany(
      APP,
      Array.from({ length: 250 }, (_, i) => cdr(i)),
    );
    const first = await describeTelCdr();
    expect(first.TotalCount).toBe(250);
    expect(first.TelCdrList).toHaveLength(100);
    expect(first.TelCdrList[0]?.SessionId).toBe('session-0249');
    const last = await describeTelCdr({ PageNumber: 2 });
    expect(last.TelCdrList.map((r) => r.SessionId)).toEqual(
      Array.from({ length: 50 }, (_, i) => `session-${String(49 - i).padStart(4, '0')}`),
    );
    expect((await describeTelCdr({ PageNumber: 3 })).TelCdrList).toEqual([]);
  });

  it('keeps to the window, both ends included', async () => {
    mock.store.cdrs.insertMany(APP, [cdr(0), cdr(1), cdr(2), cdr(3)]);
    const page = await describeTelCdr({
      StartTimeStamp: now - DAY + 1,
      EndTimeStamp: now - DAY + 2,
    });
    expect(page.TelCdrList.map((r) => r.SessionId)).toEqual(['session-0002', 'session-0001']);
    expect(page.TotalCount).toBe(2);
  });

  it('filters by SessionIds and by Phones (caller or callee), also in the GET form', async () => {
    mock.store.cdrs.insertMany(APP, [cdr(0), cdr(1), cdr(2, { Callee: '008613900000000' })]);
    const bySession = await describeTelCdr({ SessionIds: ['session-0001', 'nope'] });
    expect(bySession.TelCdrList.map((r) => r.SessionId)).toEqual(['session-0001']);
    const byPhone = await describeTelCdr({ Phones: ['008613800000000', '008613900000000'] }, 'GET');
    expect(byPhone.TotalCount).toBe(2);
    expect(byPhone.TelCdrList.map((r) => r.SessionId)).toEqual(['session-0002', 'session-0000']);
  });

  it('answers each record as a whole TelCdrInfo, deprecated twins mirrored', async () => {
    mock.store.cdrs.insert(
      APP,
      cdr(7, { UUI: 'order-42', IVRKeyPressedEx: [{ Key: '1', Label: 'sales' }] }),
    );
    const [record] = (await describeTelCdr()).TelCdrList;
    expect(record).toMatchObject({
      SessionId: 'session-0007',
      Time: now - DAY + 7,
      UUI: 'order-42',
      Uui: 'order-42',
      IVRKeyPressed: ['1'],
      PostIVRKeyPressed: [],
      Duration: 0,
      HungUpSide: '',
      ServeParticipants: [],
      SeatUser: { Name: '', Mail: '' },
    });
  });

  it.each<[string, Record<string, unknown>, RegExp]>([
    ['PageSize 0', { PageSize: 0 }, /`PageSize` must be from 1 to 100 \(got 0\)/],
    ['PageSize 101', { PageSize: 101 }, /`PageSize` must be from 1 to 100 \(got 101\)/],
    ['PageNumber -1', { PageNumber: -1 }, /`PageNumber` is 0-based/],
    [
      'an end before the start',
      { EndTimeStamp: now - 3 * DAY },
      /`EndTimeStamp` .* is before `StartTimeStamp`/,
    ],
    [
      'a 90-day window',
      { StartTimeStamp: now - 90 * DAY },
      /must be under 90 days \(got 90\.0 days\)/,
    ],
    [
      'a start 181 days ago',
      { StartTimeStamp: now - 181 * DAY, EndTimeStamp: now - 100 * DAY },
      /at most 180 days ago/,
    ],
    ['milliseconds', { StartTimeStamp: NOW - 1000, EndTimeStamp: NOW }, /looks like milliseconds/],
    [
      '101 phones',
      { Phones: Array.from({ length: 101 }, (_, i) => String(i)) },
      /`Phones` takes at most 100 entries/,
    ],
  ])('answers InvalidParameterValue for %s', async (_name, extra, message) => {
    const error = await apiError(mock, 'DescribeTelCdr', query(extra));
    expect(error.Code).toBe('InvalidParameterValue');
    expect(error.Message).toMatch(message);
  });

  it('accepts a window of just under 90 days reaching 180 days back', async () => {
    const page = await describeTelCdr({
      StartTimeStamp: now - 180 * DAY,
      EndTimeStamp: now - 90 * DAY - 1,
    });
    expect(page.TotalCount).toBe(0);
  });

  it('answers InstanceNotExist for an unknown app, and the structure errors first', async () => {
    expect((await apiError(mock, 'DescribeTelCdr', query({ SdkAppId: 7 }))).Code).toBe(
      'InvalidParameterValue.InstanceNotExist',
    );
    expect((await apiError(mock, 'DescribeTelCdr', query({ PageSize: '10' }))).Code).toBe(
      'InvalidParameter',
    );
  });

  it('accepts the deprecated InstanceId, Limit and Offset, and ignores them', async () => {
    mock.store.cdrs.insertMany(APP, [cdr(0), cdr(1)]);
    const page = await describeTelCdr({ InstanceId: 1, Limit: 1, Offset: 1 });
    expect(page.TelCdrList).toHaveLength(2);
  });
});

describe('DescribeSessionDetail', () => {
  const detail = (extra: Record<string, unknown> = {}) => ({
    SdkAppId: APP,
    SessionId: 'session-0003',
    StartTimestamp: now - 2 * DAY,
    EndTimestamp: now,
    ...extra,
  });

  it('answers the detail of a stored call', async () => {
    mock.store.cdrs.insert(
      APP,
      cdr(3, {
        CallType: 2,
        EndStatus: 1,
        HungUpSide: 'seat',
        SeatUser: { Name: 'Ana', Mail: 'ana@example.com', StaffNumber: '7' },
        PostIVRKeyPressedEx: [{ Key: '5', Label: 'very satisfied' }],
      }),
    );
    const answer = await callApi(mock, 'DescribeSessionDetail', detail());
    expect(answer).toMatchObject({
      Caller: '008613800000003',
      CallType: 2,
      StartTimeStamp: now - DAY + 3,
      StaffUserId: 'ana@example.com',
      EndStatus: 1,
      HungUpSide: 'seat',
      PostIVRKeyPressed: [{ Key: '5', Label: 'very satisfied' }],
      IVRKeyPressed: [],
      Events: [],
    });
  });

  it('answers RecordNotExist for an unknown session, or one outside the window', async () => {
    mock.store.cdrs.insert(APP, cdr(3));
    const unknown = await apiError(mock, 'DescribeSessionDetail', detail({ SessionId: 'nope' }));
    expect(unknown).toMatchObject({
      Code: 'InvalidParameterValue.RecordNotExist',
      Message: expect.stringMatching(/No call record with SessionId `nope`/),
    });
    const outside = await apiError(
      mock,
      'DescribeSessionDetail',
      detail({ StartTimestamp: now - DAY + 10 }),
    );
    expect(outside.Message).toMatch(/outside the window/);
  });

  it('says a live call has no detail until it ends', async () => {
    await signIn(mock);
    const { sessionId } = mock.sdk.offerInbound({ seatUserId: 'agent@example.com' });
    const error = await apiError(mock, 'DescribeSessionDetail', detail({ SessionId: sessionId }));
    expect(error.Message).toMatch(/still in progress/);
  });

  it('checks the window as DescribeTelCdr does', async () => {
    const error = await apiError(mock, 'DescribeSessionDetail', detail({ StartTimestamp: -1 }));
    expect(error).toMatchObject({ Code: 'InvalidParameterValue', Message: /`StartTimestamp`/ });
  });
});
