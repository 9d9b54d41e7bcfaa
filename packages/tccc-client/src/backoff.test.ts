import { describe, expect, it } from 'vitest';
import { backoffDelay } from './backoff.js';

const options = { baseMs: 200, maxMs: 2_000 };

describe('backoffDelay', () => {
  it('doubles the ceiling with each retry up to maxMs', () => {
    const top = () => 1;
    expect([1, 2, 3, 4, 5, 6].map((retry) => backoffDelay(retry, options, top))).toEqual([
      200, 400, 800, 1600, 2000, 2000,
    ]);
  });

  it('picks a random delay between zero and the ceiling (full jitter)', () => {
    expect(backoffDelay(3, options, () => 0)).toBe(0);
    expect(backoffDelay(3, options, () => 0.5)).toBe(400);
  });

  it('clamps a random source that strays outside [0, 1]', () => {
    expect(backoffDelay(1, options, () => 7)).toBe(200);
    expect(backoffDelay(1, options, () => -1)).toBe(0);
  });
});
