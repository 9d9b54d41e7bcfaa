import { describe, expect, it } from 'vitest';
import { median, percentile } from './stats.js';

describe('percentile (nearest rank)', () => {
  it('picks a sample, never interpolates', () => {
    const samples = [4, 1, 3, 2];
    expect(percentile(samples, 50)).toBe(2);
    expect(percentile(samples, 75)).toBe(3);
    expect(percentile(samples, 99)).toBe(4);
    expect(percentile(samples, 0)).toBe(1);
  });

  it('takes the middle sample of an odd count as the median, leaving the input unsorted', () => {
    const samples = [9, 1, 5];
    expect(median(samples)).toBe(5);
    expect(samples).toEqual([9, 1, 5]);
  });

  it('is NaN without samples, so an empty run cannot pass for a fast one', () => {
    expect(percentile([], 50)).toBeNaN();
  });
});
