import { describe, expect, it } from 'vitest';
import { CloudApiError } from '../errors.js';
import { unflattenQuery } from './query.js';
import { checkRequest } from './request.js';

function failure(run: () => unknown): { code: string; message: string } {
  try {
    run();
  } catch (error) {
    if (error instanceof CloudApiError) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('expected a CloudApiError');
}

const cdrQuery = {
  SdkAppId: 1400000000,
  StartTimeStamp: 1,
  EndTimeStamp: 2,
  PageSize: 10,
  PageNumber: 0,
};
const staff = { Name: 'Ana', Mail: 'ana@example.com', StaffNumber: '7' };

describe('checking request parameters against the spec', () => {
  it('returns only the spec members, with their values', () => {
    expect(checkRequest('DescribeTelCdr', { ...cdrQuery, Phones: ['1', '2'] }, false)).toEqual({
      ...cdrQuery,
      Phones: ['1', '2'],
    });
  });

  it('names an unknown parameter and the parameters the action takes, deprecated ones apart', () => {
    const error = failure(() => checkRequest('DescribeTelCdr', { ...cdrQuery, Phone: 'x' }, false));
    expect(error.code).toBe('UnknownParameter');
    expect(error.message).toBe(
      'The parameter `Phone` is not recognized; DescribeTelCdr takes `StartTimeStamp`, `EndTimeStamp`, `SdkAppId`, `PageSize`, `PageNumber`, `Phones`, `SessionIds` (deprecated but accepted: `InstanceId`, `Limit`, `Offset`) (names are case-sensitive).',
    );
  });

  it('checks unknown names before missing ones, so a wrong case fails as itself', () => {
    const { SdkAppId: _, ...rest } = cdrQuery;
    const error = failure(() => checkRequest('DescribeTelCdr', { ...rest, SdkAppID: 1 }, false));
    expect(error).toMatchObject({ code: 'UnknownParameter', message: /`SdkAppID`/ });
  });

  it('refuses a prototype key as an unknown parameter', () => {
    const params = JSON.parse('{"SdkAppId":1,"SessionId":"s","__proto__":{"x":1}}');
    expect(failure(() => checkRequest('HangUpCall', params, false)).message).toMatch(
      /`__proto__` is not recognized/,
    );
  });

  it('answers MissingParameter for an absent or null required parameter', () => {
    const { PageSize: _, ...rest } = cdrQuery;
    expect(failure(() => checkRequest('DescribeTelCdr', rest, false))).toEqual({
      code: 'MissingParameter',
      message: 'The request is missing a required parameter `PageSize`.',
    });
    expect(
      failure(() => checkRequest('DescribeTelCdr', { ...cdrQuery, PageSize: null }, false)).code,
    ).toBe('MissingParameter');
  });

  it('leaves out an optional parameter sent as null', () => {
    expect(checkRequest('DescribeTelCdr', { ...cdrQuery, Phones: null }, false)).toEqual(cdrQuery);
  });

  it.each([
    [
      'a string for an Integer',
      { PageSize: '10' },
      /`PageSize` type error: expected Integer, got a string/,
    ],
    ['a fraction for an Integer', { PageSize: 1.5 }, /expected Integer, got a number/],
    ['an unsafe integer', { PageSize: 2 ** 60 }, /expected Integer/],
    ['a list for an Integer', { PageNumber: [0] }, /`PageNumber` .*got a list/],
    [
      'a string for a list',
      { Phones: '008613' },
      /`Phones` .*expected a list of String, got a string/,
    ],
    [
      'a number in a list of String',
      { Phones: ['1', 2] },
      /`Phones\.1` .*expected String, got an integer/,
    ],
    ['null in a list', { SessionIds: [null] }, /`SessionIds\.0` .*got null/],
  ])('answers InvalidParameter for %s', (_name, change, message) => {
    const error = failure(() => checkRequest('DescribeTelCdr', { ...cdrQuery, ...change }, false));
    expect(error.code).toBe('InvalidParameter');
    expect(error.message).toMatch(message);
  });

  it('refuses a negative uint64 and a non-boolean Boolean', () => {
    expect(
      failure(() => checkRequest('HangUpCall', { SdkAppId: -1, SessionId: 's' }, false)).message,
    ).toMatch(/`SdkAppId` type error: expected Integer \(>= 0\), got a negative/);
    expect(
      failure(() =>
        checkRequest('CreateStaff', { SdkAppId: 1, Staffs: [staff], SendPassword: 'no' }, false),
      ).message,
    ).toMatch(/`SendPassword` .*expected Boolean/);
  });

  it('checks lists of objects member by member, naming the flattened path', () => {
    expect(
      failure(() =>
        checkRequest(
          'CreateStaff',
          { SdkAppId: 1, Staffs: [staff, { Name: 'B', StaffNumber: '8' }] },
          false,
        ),
      ),
    ).toEqual({
      code: 'MissingParameter',
      message: 'The request is missing a required parameter `Staffs.1.Mail`.',
    });
    const unknown = failure(() =>
      checkRequest('CreateStaff', { SdkAppId: 1, Staffs: [{ ...staff, Email: 'x' }] }, false),
    );
    expect(unknown.code).toBe('UnknownParameter');
    expect(unknown.message).toMatch(
      /^The parameter `Staffs\.0\.Email` is not recognized; `Staffs\.0` \(SeatUserInfo\) takes `Name`, `Mail`, `StaffNumber`, `Phone`/,
    );
    expect(
      failure(() => checkRequest('CreateStaff', { SdkAppId: 1, Staffs: ['ana'] }, false)).message,
    ).toMatch(/`Staffs\.0` type error: expected Object \(SeatUserInfo\), got a string/);
    expect(
      failure(() =>
        checkRequest('CreateStaff', { SdkAppId: 1, Staffs: [{ ...staff, Role: '1' }] }, false),
      ).message,
    ).toMatch(/`Staffs\.0\.Role` type error/);
  });

  it('parses GET query text: integers, booleans and nested lists of objects', () => {
    const query = new URLSearchParams({
      SdkAppId: '1400000000',
      'Staffs.0.Name': 'Ana',
      'Staffs.0.Mail': 'ana@example.com',
      'Staffs.0.StaffNumber': '007',
      'Staffs.0.Role': '2',
      'Staffs.0.SkillGroupNameList.0': 'Sales',
      SendPassword: 'false',
    });
    expect(checkRequest('CreateStaff', unflattenQuery(query), true)).toEqual({
      SdkAppId: 1400000000,
      Staffs: [
        {
          Name: 'Ana',
          Mail: 'ana@example.com',
          StaffNumber: '007',
          Role: 2,
          SkillGroupNameList: ['Sales'],
        },
      ],
      SendPassword: false,
    });
  });

  it('refuses GET text that is not of the type, and a list sent as one value', () => {
    const text = (params: Record<string, string>) =>
      failure(() =>
        checkRequest(
          'DescribeTelCdr',
          unflattenQuery(new URLSearchParams({ ...flat, ...params })),
          true,
        ),
      );
    const flat = Object.fromEntries(Object.entries(cdrQuery).map(([k, v]) => [k, String(v)]));
    expect(text({ PageSize: 'ten' })).toMatchObject({
      code: 'InvalidParameter',
      message: /`PageSize` .*expected Integer, got text/,
    });
    expect(text({ Phones: '008613' })).toMatchObject({
      code: 'InvalidParameter',
      message: /`Phones` .*a list of String/,
    });
    expect(
      failure(() =>
        checkRequest(
          'CreateSDKLoginToken',
          unflattenQuery(new URLSearchParams({ SdkAppId: '1', SeatUserId: 'a', OnlyOnce: 'yes' })),
          true,
        ),
      ).message,
    ).toMatch(/`OnlyOnce` .*expected Boolean, got text/);
  });

  it('keeps JSON strict: numbers as text are refused in a POST body', () => {
    expect(
      failure(() => checkRequest('CreateSDKLoginToken', { SdkAppId: '1', SeatUserId: 'a' }, false))
        .code,
    ).toBe('InvalidParameter');
  });
});
