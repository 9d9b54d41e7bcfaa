import { describe, expect, it } from 'vitest';
import { rotation, spread } from './rounds.js';

describe('rotation', () => {
  it('starts each round one place further, wrapping around', () => {
    const sides = ['baseline', 'ours', 'minimal', 'floor'];
    expect(rotation(sides, 0)).toEqual(['baseline', 'ours', 'minimal', 'floor']);
    expect(rotation(sides, 1)).toEqual(['ours', 'minimal', 'floor', 'baseline']);
    expect(rotation(sides, 5)).toEqual(rotation(sides, 1));
  });

  it('leaves no side out of any round', () => {
    for (let round = 0; round < 8; round++) {
      expect([...rotation(['a', 'b', 'c'], round)].sort()).toEqual(['a', 'b', 'c']);
    }
  });
});

describe('spread', () => {
  it('keeps the median, the range and each round in order', () => {
    expect(spread([1.2, 0.9, 1.1])).toEqual({
      median: 1.1,
      min: 0.9,
      max: 1.2,
      values: [1.2, 0.9, 1.1],
    });
  });
});
