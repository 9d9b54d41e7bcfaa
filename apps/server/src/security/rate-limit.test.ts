import { describe, expect, it } from 'vitest';
import { createRateLimiter } from './rate-limit.js';

describe('createRateLimiter', () => {
  it('allows `limit` hits per window per key and says when to retry', () => {
    let now = 0;
    const limiter = createRateLimiter({ limit: 3, windowMs: 60_000, now: () => now });
    expect([limiter.take('a'), limiter.take('a'), limiter.take('a')]).toEqual([
      { ok: true },
      { ok: true },
      { ok: true },
    ]);
    now = 20_000;
    expect(limiter.take('a')).toEqual({ ok: false, retryAfterSeconds: 40 });
    expect(limiter.take('b')).toEqual({ ok: true });
  });

  it('slides: a slot frees when the oldest hit leaves the window', () => {
    let now = 0;
    const limiter = createRateLimiter({ limit: 2, windowMs: 1_000, now: () => now });
    limiter.take('a');
    now = 500;
    limiter.take('a');
    now = 999;
    expect(limiter.take('a').ok).toBe(false);
    now = 1_000;
    expect(limiter.take('a').ok).toBe(true);
    expect(limiter.take('a')).toEqual({ ok: false, retryAfterSeconds: 1 });
  });

  it('does not count refused hits against the key', () => {
    let now = 0;
    const limiter = createRateLimiter({ limit: 1, windowMs: 1_000, now: () => now });
    limiter.take('a');
    for (let i = 0; i < 10; i++) limiter.take('a');
    now = 1_000;
    expect(limiter.take('a').ok).toBe(true);
  });

  it('rejects nonsensical limits', () => {
    expect(() => createRateLimiter({ limit: 0, windowMs: 1 })).toThrow(/limit/);
    expect(() => createRateLimiter({ limit: 1, windowMs: 0 })).toThrow(/windowMs/);
  });
});

describe('createRateLimiter at high limits', () => {
  it('counts exactly across many hits and compactions', () => {
    let now = 0;
    const limiter = createRateLimiter({ limit: 1_000, windowMs: 1_000, now: () => now });
    // 5 000 hits, one per ms: the window always holds the last 1 000.
    for (; now < 5_000; now++) expect(limiter.take('a').ok).toBe(true);
    now = 4_999;
    expect(limiter.take('a')).toEqual({ ok: false, retryAfterSeconds: 1 });
    now = 5_000;
    expect(limiter.take('a').ok).toBe(true);
    expect(limiter.take('a').ok).toBe(false);
  });

  it('takes constant time per hit, however many hits the window holds', () => {
    let now = 0;
    const limiter = createRateLimiter({ limit: 10_000_000, windowMs: 60_000, now: () => now });
    const started = process.cpuUsage();
    // 200 000 hits inside one window; filtering the whole log per hit would be 2e10 steps.
    for (let i = 0; i < 200_000; i++) {
      now = i / 4;
      limiter.take('a');
    }
    const { user, system } = process.cpuUsage(started);
    expect((user + system) / 1000).toBeLessThan(2_000);
  });
});
