import { TcccApiError } from '@tccc-kit/tccc-client';
import { describe, expect, it } from 'vitest';
import { classifyTcccFailure, tcccProblem } from './problems.js';

const failure = (code: string, extra: { httpStatus?: number; requestId?: string } = {}) =>
  new TcccApiError({ code, message: `failed with ${code}`, retryable: false, ...extra });

describe('classifyTcccFailure', () => {
  it.each([
    ['Timeout', undefined, 'tccc_timeout'],
    ['QueueTimeout', undefined, 'tccc_unavailable'],
    ['RequestLimitExceeded.UinLimitExceeded', undefined, 'tccc_unavailable'],
    ['HttpError', 429, 'tccc_unavailable'],
    ['HttpError', 502, 'tccc_bad_response'],
    ['NetworkError', undefined, 'tccc_unreachable'],
    ['Aborted', undefined, 'client_closed_request'],
    ['InvalidResponse', undefined, 'tccc_bad_response'],
    ['AuthFailure.SignatureExpire', undefined, 'tccc_config_error'],
    ['UnauthorizedOperation', undefined, 'tccc_config_error'],
    ['InvalidParameter.InstanceNotExist', undefined, 'tccc_config_error'],
    ['OperationDenied.UinDisabled', undefined, 'tccc_config_error'],
    ['InvalidParameterValue.AccountNotExist', undefined, 'tccc_seat_not_found'],
    ['InternalError.DBError', undefined, 'tccc_bad_response'],
    ['SomethingNew', undefined, 'tccc_bad_response'],
  ])('%s (HTTP %s) -> %s', (code, httpStatus, expected) => {
    expect(classifyTcccFailure(failure(code, httpStatus ? { httpStatus } : {})).code).toBe(
      expected,
    );
  });
});

describe('tcccProblem', () => {
  it("carries TCCC's code and RequestId but not its operator-facing message", () => {
    const error = tcccProblem(failure('AuthFailure.SecretIdNotFound', { requestId: 'req-123' }));
    expect(error.problem).toMatchObject({
      status: 502,
      code: 'tccc_config_error',
      tcccCode: 'AuthFailure.SecretIdNotFound',
      tcccRequestId: 'req-123',
    });
    expect(JSON.stringify(error.problem)).not.toContain('failed with');
    expect(error.cause).toBeInstanceOf(TcccApiError);
  });

  it('rethrows what is not a TCCC failure, for the 500 handler', () => {
    const bug = new TypeError('bug');
    expect(() => tcccProblem(bug)).toThrow(bug);
  });
});
