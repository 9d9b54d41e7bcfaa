/** How the cloud API routes an action: emulated, in the spec but not emulated, or unknown. */
import { describe, expect, it } from 'vitest';
import { apiError, callApi } from '../../test/cloud-api.js';
import { createMockTccc } from '../mock.js';
import { implementedActionNames } from './actions/index.js';

const mock = createMockTccc({ now: Date.UTC(2030, 0, 15) });

describe('routing cloud API actions', () => {
  it('answers UnsupportedOperation for an action TCCC has and the mock does not emulate', async () => {
    const error = await apiError(mock, 'DescribeCallInMetrics', { SdkAppId: 1400000000 });
    expect(error.Code).toBe('UnsupportedOperation');
    expect(error.Message).toBe(
      `The mock TCCC does not emulate \`DescribeCallInMetrics\` (TCCC has it). It answers ${implementedActionNames()
        .map((name) => `\`${name}\``)
        .join(', ')}; other actions of the spec get their parameters checked, then this error.`,
    );
  });

  it('checks the parameters of an action it does not emulate first', async () => {
    expect(await apiError(mock, 'DescribeCallInMetrics', {})).toEqual({
      Code: 'MissingParameter',
      Message: 'The request is missing a required parameter `SdkAppId`.',
    });
    expect((await apiError(mock, 'DeleteStaff', { SdkAppId: 1, StaffList: 'a' })).Code).toBe(
      'InvalidParameter',
    );
  });

  it('answers InvalidAction for a name TCCC does not have, also an Object.prototype one', async () => {
    for (const action of ['DescribeEverything', 'constructor', 'hasOwnProperty']) {
      expect(await apiError(mock, action, {})).toEqual({
        Code: 'InvalidAction',
        Message: 'The request `Action` is invalid or not found.',
      });
    }
  });

  it('limits every action to 20 requests a second, each on its own', async () => {
    mock.reset();
    mock.pauseTime();
    const query = { SdkAppId: 1400000000, Offset: 0, Limit: 25 };
    for (let i = 0; i < 20; i++) {
      expect((await callApi(mock, 'DescribePSTNActiveSessionList', query)).Error).toBeUndefined();
    }
    expect((await apiError(mock, 'DescribePSTNActiveSessionList', query)).Code).toBe(
      'RequestLimitExceeded',
    );
    expect(
      (await callApi(mock, 'DescribeTelSession', { SdkAppId: 1400000000, SessionId: 'x' })).Error
        ?.Code,
    ).toBe('FailedOperation.SessionNotExists');
    mock.advanceTime(1_000);
    expect((await callApi(mock, 'DescribePSTNActiveSessionList', query)).Error).toBeUndefined();
  });
});
