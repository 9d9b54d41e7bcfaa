import { describe, expect, it } from 'vitest';
import { createMockClock } from '../state/clock.js';
import { createRateLimiter } from './rate-limit.js';

describe('rate limiter', () => {
  it('allows N per sliding second per key, by the mock clock', () => {
    let real = 0;
    const clock = createMockClock({ realNow: () => real });
    const limiter = createRateLimiter(clock, () => 3);
    expect([1, 2, 3].map(() => limiter.hit('a').ok)).toEqual([true, true, true]);
    expect(limiter.hit('a')).toEqual({ ok: false, count: 4, limit: 3 });
    expect(limiter.hit('b').ok).toBe(true);
    real = 999;
    expect(limiter.hit('a').ok).toBe(false);
    real = 1000;
    expect(limiter.hit('a').ok).toBe(true);
    limiter.clear();
    expect([1, 2].map(() => limiter.hit('a').ok)).toEqual([true, true]);
  });
});
