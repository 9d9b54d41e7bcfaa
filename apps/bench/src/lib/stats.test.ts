import { describe, expect, it } from 'vitest';
import { busiestWindow, median, percentile } from './stats.js';

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

describe('busiestWindow', () => {
  it('counts the most times within any sliding window, wherever it starts', () => {
    // 20 evenly in 997.5 ms fit one second; the 21st, 1050 ms after the first, does not.
    const even = Array.from({ length: 21 }, (_, i) => i * 52.5);
    expect(busiestWindow(even)).toBe(20);
    // The same 21 bunched at a fixed window's edge: 21 within 200 ms.
    expect(busiestWindow([...Array(11).fill(900), ...Array(10).fill(1100)])).toBe(21);
    expect(busiestWindow([])).toBe(0);
  });
});
