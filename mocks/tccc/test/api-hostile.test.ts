/**
 * Hostile parameters for the emulated actions: each gets TCCC's envelope with a 4xx-class
 * code (never InternalError, never a hang), and costs little however it is built.
 */
import { describe, expect, it } from 'vitest';
import { createMockTccc } from '../src/mock.js';
import { apiError, callApi } from './cloud-api.js';

const mock = createMockTccc({ limits: { requestsPerSecond: 1_000_000 } });
const APP = 1400000000;

describe('hostile cloud API parameters', () => {
  it.each<[string, string, unknown, string, RegExp?]>([
    [
      'an object where a string goes',
      'HangUpCall',
      { SdkAppId: APP, SessionId: { $ne: null } },
      'InvalidParameter',
    ],
    [
      'a number where a list of strings goes',
      'DescribeTelCdr',
      { SdkAppId: APP, StartTimeStamp: 1, EndTimeStamp: 2, PageSize: 1, PageNumber: 0, Phones: 5 },
      'InvalidParameter',
    ],
    [
      '20 000 session ids',
      'DescribeTelCdr',
      {
        SdkAppId: APP,
        StartTimeStamp: 1_800_000_000,
        EndTimeStamp: 1_800_000_001,
        PageSize: 1,
        PageNumber: 0,
        SessionIds: Array.from({ length: 20_000 }, String),
      },
      'InvalidParameterValue',
      /at most 100 entries/,
    ],
    [
      'a 300 000-character SessionId',
      'DescribeTelSession',
      { SdkAppId: APP, SessionId: 'x'.repeat(300_000) },
      'FailedOperation.SessionNotExists',
      /^Session `x{64}…` does not exist/,
    ],
    [
      'a prototype name inside a nested object',
      'SetStaffStatus',
      JSON.parse(
        '{"SdkAppId":1,"StaffStatusList":[{"StaffUserId":"a","Status":"free","__proto__":{"admin":true}}]}',
      ),
      'UnknownParameter',
      /`StaffStatusList\.0\.__proto__`/,
    ],
  ])('answers %s with %s', async (_name, action, params, code, message) => {
    const error = await apiError(mock, action, params);
    expect(error.Code).toBe(code);
    if (message) expect(error.Message).toMatch(message);
    expect(error.Message.length).toBeLessThan(1_000);
  });

  it.each<[string, string, RegExp]>([
    [
      'a huge list index',
      'SdkAppId=1&Phones.999999999=1&StartTimeStamp=1&EndTimeStamp=2&PageSize=1&PageNumber=0',
      /`Phones\.0` is missing/,
    ],
    ['a name given twice', 'SdkAppId=1&SdkAppId=2&SessionId=s', /given more than once/],
    ['a value and a prefix at once', 'SdkAppId=1&SessionId=s&SessionId.0=t', /both as a value/],
    [
      'text where an integer goes',
      'SdkAppId=1e3&SessionId=s',
      /`SdkAppId` type error: expected Integer \(>= 0\), got text/,
    ],
  ])('answers a GET query with %s with InvalidParameter', async (_name, query, message) => {
    const error = await apiError(mock, 'HangUpCall', {}, { method: 'GET', rawQuery: query });
    expect(error.Code).toBe('InvalidParameter');
    expect(error.Message).toMatch(message);
  });

  it('answers a list nested 100 000 deep, and a page far past the end', async () => {
    const deep = `{"SdkAppId":1,"Staffs":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    const error = await apiError(mock, 'CreateStaff', undefined, { rawBody: deep });
    expect(error.Code).toBe('InvalidParameter');
    const far = await callApi(mock, 'DescribeStaffInfoList', {
      SdkAppId: APP,
      PageSize: 9999,
      PageNumber: 2 ** 50,
    });
    expect(far).toMatchObject({ TotalCount: 2, StaffList: [] });
  });

  it('answers a GET query of 5 000 list entries quickly, without InternalError', async () => {
    const query = Array.from({ length: 5_000 }, (_, i) => `Phones.${i}=${i}`).join('&');
    const error = await apiError(
      mock,
      'DescribeTelCdr',
      {},
      {
        method: 'GET',
        rawQuery: `SdkAppId=${APP}&StartTimeStamp=1800000000&EndTimeStamp=1800000001&PageSize=1&PageNumber=0&${query}`,
      },
    );
    expect(error.Code).toBe('InvalidParameterValue');
  });
});
