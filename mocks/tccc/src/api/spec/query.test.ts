import { describe, expect, it } from 'vitest';
import { CloudApiError } from '../errors.js';
import { unflattenQuery } from './query.js';

const unflatten = (query: string) => unflattenQuery(new URLSearchParams(query));

function failure(query: string): string {
  try {
    unflatten(query);
  } catch (error) {
    if (error instanceof CloudApiError && error.code === 'InvalidParameter') return error.message;
    throw error;
  }
  throw new Error('expected InvalidParameter');
}

describe('unflattening a GET query', () => {
  it('turns indexed names into lists and dotted names into objects', () => {
    expect(unflatten('SdkAppId=1&Phones.0=a&Phones.1=b&Staffs.0.Mail=m&Staffs.0.Tags.0=t')).toEqual(
      {
        SdkAppId: '1',
        Phones: ['a', 'b'],
        Staffs: [{ Mail: 'm', Tags: ['t'] }],
      },
    );
  });

  it('orders a list by index, not by the order of the query', () => {
    expect(unflatten('Phones.1=b&Phones.0=a')).toEqual({ Phones: ['a', 'b'] });
  });

  it('keeps a name that is not an index as an object key (the spec check refuses it later)', () => {
    expect(unflatten('Phones.01=a')).toEqual({ Phones: { '01': 'a' } });
    expect(Object.keys(unflatten('__proto__.x=1'))).toEqual(['__proto__']);
  });

  it('refuses a gap in a list, without allocating up to a huge index', () => {
    expect(failure('Phones.0=a&Phones.2=c')).toBe(
      'List `Phones` must be numbered from 0 without gaps: `Phones.1` is missing.',
    );
    expect(failure('Phones.999999999=a')).toMatch(/`Phones\.0` is missing/);
  });

  it('refuses a name given twice, and a name that is both a value and a prefix', () => {
    expect(failure('SdkAppId=1&SdkAppId=2')).toMatch(/`SdkAppId` is given more than once/);
    expect(failure('Phones=a&Phones.0=b')).toMatch(/`Phones` is given both as a value/);
  });
});
