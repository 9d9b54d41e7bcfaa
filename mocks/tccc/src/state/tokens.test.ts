import { describe, expect, it } from 'vitest';
import { createMockClock } from './clock.js';
import { createTokenJournal } from './tokens.js';

function journal(limits: { retentionSeconds?: number; maxRecords?: number } = {}) {
  // Real time stands still here, so instants are exact.
  const clock = createMockClock({
    start: Date.parse('2030-01-01T00:00:00.500Z'),
    realNow: () => 0,
  });
  const tokens = createTokenJournal({
    clock,
    ttlSeconds: 600,
    retentionSeconds: limits.retentionSeconds ?? 600,
    maxRecords: limits.maxRecords ?? 50_000,
  });
  return { clock, tokens };
}
const input = { sdkAppId: 1400000000, seatUserId: 'agent@example.com', requestId: 'req-1' };

describe('token journal', () => {
  it('issues 32-hex tokens that expire ttl seconds later (whole seconds)', () => {
    const { tokens } = journal();
    const record = tokens.issue(input);
    expect(record).toMatchObject({
      ...input,
      onlyOnce: false,
      usedAt: null,
      issuedAt: '2030-01-01T00:00:00.000Z',
      expiresAt: '2030-01-01T00:10:00.000Z',
    });
    expect(record.token).toMatch(/^[0-9a-f]{32}$/);
    expect(tokens.get(record.token)).toEqual(record);
    expect(tokens.list()).toEqual([record]);
  });

  it('looks tokens up as unknown, valid, expired by the mock clock', () => {
    const { clock, tokens } = journal();
    const { token } = tokens.issue(input);
    expect(tokens.lookup('0'.repeat(32))).toEqual({ ok: false, reason: 'unknown' });
    expect(tokens.lookup(token).ok).toBe(true);
    clock.advance(599_000);
    expect(tokens.lookup(token).ok).toBe(true);
    clock.advance(1_000);
    expect(tokens.lookup(token)).toMatchObject({ ok: false, reason: 'expired' });
  });

  it('refuses a used OnlyOnce token, but lets other tokens log in again', () => {
    const { tokens } = journal();
    const once = tokens.issue({ ...input, onlyOnce: true });
    const many = tokens.issue(input);
    expect(tokens.markUsed(once.token)?.usedAt).toBe('2030-01-01T00:00:00.500Z');
    expect(tokens.lookup(once.token)).toMatchObject({ ok: false, reason: 'used' });
    tokens.markUsed(many.token);
    expect(tokens.lookup(many.token).ok).toBe(true);
    expect(tokens.markUsed('nope')).toBeUndefined();
  });

  it('forgets everything on clear', () => {
    const { tokens } = journal();
    const { token } = tokens.issue(input);
    tokens.clear();
    expect(tokens.list()).toEqual([]);
    expect(tokens.lookup(token)).toEqual({ ok: false, reason: 'unknown' });
  });

  it('keeps an expired token answering "expired" for the retention window, then prunes it', () => {
    const { clock, tokens } = journal({ retentionSeconds: 600 });
    const { token } = tokens.issue(input);
    clock.advance(600_000 + 599_000);
    expect(tokens.list()).toHaveLength(1);
    expect(tokens.lookup(token)).toMatchObject({ ok: false, reason: 'expired' });
    clock.advance(1_000);
    expect(tokens.list()).toEqual([]);
    expect(tokens.lookup(token)).toEqual({ ok: false, reason: 'unknown' });
  });

  it('prunes a used OnlyOnce token a retention window after its use, long before it expires', () => {
    const { clock, tokens } = journal({ retentionSeconds: 60 });
    const once = tokens.issue({ ...input, onlyOnce: true });
    const many = tokens.issue(input);
    tokens.markUsed(once.token);
    tokens.markUsed(many.token);
    clock.advance(60_000);
    expect(tokens.prune()).toBe(1);
    expect(tokens.list().map((record) => record.token)).toEqual([many.token]);
    expect(tokens.lookup(many.token).ok).toBe(true);
  });

  it('holds a flat number of records under a long load: 10 tokens a second for an hour', () => {
    const { clock, tokens } = journal({ retentionSeconds: 600 });
    const sizes: number[] = [];
    for (let second = 0; second < 3_600; second += 1) {
      for (let n = 0; n < 10; n += 1) {
        const { token } = tokens.issue({ ...input, onlyOnce: n % 2 === 0 });
        if (n % 4 === 0) tokens.markUsed(token);
      }
      clock.advance(1_000);
      if (second % 600 === 599) sizes.push(tokens.size);
    }
    // Live for 600 s, kept 600 s more: never more than 20 minutes' worth (12,000).
    expect(Math.max(...sizes)).toBeLessThanOrEqual(12_000);
    // After the first 20 minutes the count no longer grows.
    const steady = sizes.slice(2);
    expect(Math.max(...steady) - Math.min(...steady)).toBeLessThanOrEqual(10);
  });

  it('drops the oldest records past maxRecords, however fast tokens are minted', () => {
    const { tokens } = journal({ maxRecords: 100 });
    const first = tokens.issue(input);
    for (let n = 0; n < 1_000; n += 1) tokens.issue(input);
    expect(tokens.size).toBe(100);
    expect(tokens.get(first.token)).toBeUndefined();
  });
});
