import { describe, expect, it } from 'vitest';
import { createManualClock } from '../test/support/manual-clock.js';
import { createLocalRateLimiter, rateLimitKey } from './rate-limiter.js';

const SECRET_ID = 'AKIDratelimitertest0000000000000000';
const TOKENS = rateLimitKey(SECRET_ID, 'CreateSDKLoginToken');
const CDRS = rateLimitKey(SECRET_ID, 'DescribeTelCdr');
const live = () => new AbortController().signal;

describe('rateLimitKey', () => {
  it('is the same for one SecretId and action, and differs by action and by SecretId', () => {
    expect(rateLimitKey(SECRET_ID, 'DescribeTelCdr')).toBe(CDRS);
    expect(CDRS).not.toBe(TOKENS);
    expect(rateLimitKey(`${SECRET_ID}x`, 'DescribeTelCdr')).not.toBe(CDRS);
    expect(CDRS).toMatch(/^ccc:[0-9a-f]{16}:DescribeTelCdr$/);
    expect(CDRS).not.toContain(SECRET_ID);
  });
});

describe('createLocalRateLimiter', () => {
  it('keeps one schedule per key: a busy action does not delay another', async () => {
    const clock = createManualClock();
    const limiter = createLocalRateLimiter({ clock, requestsPerSecond: 1, marginMs: 0 });
    expect(limiter.tryAcquire(CDRS)).toBe(true);
    expect(limiter.tryAcquire(CDRS)).toBe(false);
    expect(limiter.tryAcquire(TOKENS)).toBe(true);

    const granted: string[] = [];
    const deadline = clock.now() + 10_000;
    const waits = [CDRS, CDRS, TOKENS].map((key, index) =>
      limiter
        .acquire({ key, action: 'x', deadline, signal: live() })
        .then(() => granted.push(`${index}@${clock.now() - Date.UTC(2026, 0, 5, 8)}`)),
    );
    expect(limiter.queued).toBe(3);
    expect(limiter.queuedFor(CDRS)).toBe(2);
    expect(limiter.queuedFor(TOKENS)).toBe(1);
    clock.advance(1000);
    await Promise.resolve();
    // One per second per key: the first of each key's queue now, the second CDR page later.
    expect(granted.sort()).toEqual(['0@1000', '2@1000']);
    clock.advance(1000);
    await Promise.all(waits);
    expect(granted.sort()).toEqual(['0@1000', '1@2000', '2@1000']);
    expect(limiter.queued).toBe(0);
  });

  it('validates its options when created, not at the first call', () => {
    expect(() => createLocalRateLimiter({ requestsPerSecond: -1 })).toThrow(/requestsPerSecond/);
    expect(() => createLocalRateLimiter({ marginMs: Number.NaN })).toThrow(/marginMs/);
  });
});
