import { TcccApiError } from '@tccc-kit/tccc-client';
import { describe, expect, it } from 'vitest';
import { createTcccReachability, outcomeOf, trackReachability } from './reachability.js';
import type { SdkUrlIssuer } from './routes.js';

function reachabilityAt() {
  let time = 0;
  const reachability = createTcccReachability({
    windowMs: 60_000,
    failuresToFail: 3,
    now: () => time,
  });
  return { reachability, advance: (ms: number) => (time += ms) };
}

const failure = (code: string, httpStatus?: number) =>
  Object.assign(Object.create(TcccApiError.prototype) as TcccApiError, { code, httpStatus });

describe('createTcccReachability', () => {
  it('is unknown (and ready) before any call', () => {
    const { reachability } = reachabilityAt();
    expect([reachability.state(), reachability.problem()]).toEqual(['unknown', undefined]);
  });

  it('turns unreachable after 3 unanswered calls in a row, and back on one answer', () => {
    const { reachability } = reachabilityAt();
    reachability.record('unanswered');
    reachability.record('unanswered');
    expect(reachability.state()).toBe('reachable'); // the last answer counts until then
    reachability.record('unanswered');
    expect(reachability.state()).toBe('unreachable');
    expect(reachability.problem()).toContain('did not answer the last 3 calls');
    reachability.record('answered');
    expect([reachability.state(), reachability.problem()]).toEqual(['reachable', undefined]);
  });

  it('reports a rejected configuration at once', () => {
    const { reachability } = reachabilityAt();
    reachability.record('rejected');
    expect(reachability.state()).toBe('rejected');
    expect(reachability.problem()).toContain('TCCC_SECRET_ID');
  });

  it('forgets evidence older than the window, so a server out of rotation can come back', () => {
    const { reachability, advance } = reachabilityAt();
    for (let i = 0; i < 3; i++) reachability.record('unanswered');
    advance(60_001);
    expect(reachability.state()).toBe('unknown');
  });

  it('learns nothing from calls the caller abandoned', () => {
    const { reachability } = reachabilityAt();
    reachability.record('answered');
    for (let i = 0; i < 5; i++) reachability.record('no_evidence');
    expect(reachability.state()).toBe('reachable');
  });
});

describe('outcomeOf', () => {
  it.each([
    ['Timeout', undefined, 'unanswered'],
    ['NetworkError', undefined, 'unanswered'],
    ['InternalError', undefined, 'unanswered'],
    ['HttpError', 502, 'unanswered'],
    ['InvalidResponse', undefined, 'unanswered'],
    ['AuthFailure.SignatureFailure', undefined, 'rejected'],
    ['InvalidParameterValue.InstanceNotExist', undefined, 'rejected'],
    ['InvalidParameterValue.AccountNotExist', undefined, 'answered'],
    ['RequestLimitExceeded', undefined, 'answered'],
    ['Aborted', undefined, 'no_evidence'],
    ['QueueTimeout', undefined, 'no_evidence'],
  ])('%s (HTTP %s) -> %s', (code, httpStatus, outcome) => {
    expect(outcomeOf(failure(code, httpStatus))).toBe(outcome);
  });

  it('learns nothing from an error that is not TCCC', () => {
    expect(outcomeOf(new Error('bug'))).toBe('no_evidence');
  });
});

describe('trackReachability', () => {
  it('records the outcome of every call and passes results and errors through', async () => {
    const { reachability } = reachabilityAt();
    let fail = true;
    const issuer: SdkUrlIssuer = {
      createSdkUrl: async () => {
        if (fail) throw failure('NetworkError');
        return { sdkUrl: 'u', expiresAt: new Date(0), requestId: 'r' };
      },
    };
    const tracked = trackReachability(issuer, reachability);
    for (let i = 0; i < 3; i++) {
      await expect(tracked.createSdkUrl({ seatUserId: 'a' })).rejects.toMatchObject({
        code: 'NetworkError',
      });
    }
    expect(reachability.state()).toBe('unreachable');
    fail = false;
    expect((await tracked.createSdkUrl({ seatUserId: 'a' })).sdkUrl).toBe('u');
    expect(reachability.state()).toBe('reachable');
  });
});
