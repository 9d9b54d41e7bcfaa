import { describe, expect, it, vi } from 'vitest';
import { createFaultStore, FaultRuleError, parseFaultRule, targetMatches } from './rules.js';

let counter = 0;
const store = (random?: () => number) => createFaultStore(() => `rule-${++counter}`, random);

describe('parseFaultRule', () => {
  it('accepts each kind', () => {
    expect(parseFaultRule({ target: '*', kind: 'error', code: 'InternalError' })).toEqual({
      target: '*',
      kind: 'error',
      code: 'InternalError',
    });
    expect(
      parseFaultRule({ target: 'sdk.login', kind: 'status', status: 502, body: 'bad' }),
    ).toMatchObject({ status: 502, body: 'bad' });
    expect(parseFaultRule({ target: 'X', kind: 'drop', times: 2 })).toEqual({
      target: 'X',
      kind: 'drop',
      times: 2,
    });
    expect(parseFaultRule({ target: 'X', kind: 'delay', ms: 100, probability: 0.5 })).toMatchObject(
      { ms: 100, probability: 0.5 },
    );
    expect(parseFaultRule({ target: 'X', kind: 'hang' })).toEqual({ target: 'X', kind: 'hang' });
  });

  it.each([
    [null, /JSON object/],
    [{ kind: 'drop' }, /target must be a non-empty string/],
    [{ target: '', kind: 'drop' }, /target must be a non-empty string/],
    [{ target: 'X', kind: 'explode' }, /kind must be one of error, status, drop, delay, hang/],
    [{ target: 'X', kind: 'error' }, /needs code/],
    [{ target: 'X', kind: 'error', code: 'has space' }, /needs code/],
    [{ target: 'X', kind: 'status', status: 200 }, /from 400 to 599/],
    [{ target: 'X', kind: 'delay', ms: -1 }, /needs ms/],
    [{ target: 'X', kind: 'drop', times: 0 }, /times must be an integer >= 1/],
    [{ target: 'X', kind: 'drop', probability: 2 }, /probability must be a number from 0 to 1/],
    [{ target: 'X', kind: 'drop', ms: 5 }, /ms is not a field of a "drop" rule/],
  ])('rejects %j', (input, message) => {
    expect(() => parseFaultRule(input)).toThrow(FaultRuleError);
    expect(() => parseFaultRule(input)).toThrow(message);
  });
});

describe('targetMatches', () => {
  it('matches exact names, "*" for cloud API actions, and prefix wildcards', () => {
    expect(targetMatches('CreateSDKLoginToken', 'CreateSDKLoginToken')).toBe(true);
    expect(targetMatches('*', 'CreateSDKLoginToken')).toBe(true);
    expect(targetMatches('*', 'sdk.login')).toBe(false);
    expect(targetMatches('sdk.*', 'sdk.login')).toBe(true);
    expect(targetMatches('sdk.*', 'CreateSDKLoginToken')).toBe(false);
    expect(targetMatches('sdk.login', 'sdk.script')).toBe(false);
  });
});

describe('fault store', () => {
  it('gives each rule an id and lists, removes and clears them', () => {
    const faults = store();
    const a = faults.add({ target: 'A', kind: 'drop' });
    const b = faults.add({ target: 'B', kind: 'hang' });
    expect(a.id).not.toBe(b.id);
    expect(faults.list().map((r) => r.target)).toEqual(['A', 'B']);
    expect(faults.remove(a.id)).toBe(true);
    expect(faults.remove(a.id)).toBe(false);
    expect(faults.clear()).toBe(1);
    expect(faults.list()).toEqual([]);
  });

  it('takes the first matching rule and retires it after `times` uses', () => {
    const faults = store();
    faults.add({ target: 'A', kind: 'error', code: 'InternalError', times: 2 });
    faults.add({ target: '*', kind: 'drop' });
    expect(faults.take('A')?.kind).toBe('error');
    expect(faults.take('A')?.remaining).toBe(0);
    expect(faults.take('A')?.kind).toBe('drop');
    expect(faults.take('sdk.script')).toBeUndefined();
    expect(faults.list()).toHaveLength(1);
  });

  it('applies a rule with the given probability, without spending its uses when it does not fire', () => {
    const random = vi.fn<() => number>().mockReturnValueOnce(0.9).mockReturnValueOnce(0.1);
    const faults = store(random);
    faults.add({ target: 'A', kind: 'drop', probability: 0.5, times: 1 });
    expect(faults.take('A')).toBeUndefined();
    expect(faults.list()).toHaveLength(1);
    expect(faults.take('A')?.kind).toBe('drop');
    expect(faults.list()).toHaveLength(0);
  });
});
