import { describe, expect, it } from 'vitest';
import { createClock } from '../clock.js';
import { createTokenJournal } from './tokens.js';

function journal() {
  // Real time stands still here, so instants are exact.
  const clock = createClock({ start: Date.parse('2030-01-01T00:00:00.500Z'), realNow: () => 0 });
  return { clock, tokens: createTokenJournal({ clock, ttlSeconds: 600 }) };
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
});
