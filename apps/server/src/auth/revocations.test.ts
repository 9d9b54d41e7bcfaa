import { describe, expect, it } from 'vitest';
import { createLocalRevocations, type RevocableSession } from './revocations.js';

const HOUR = 3_600;

function store(maxEntries?: number) {
  let time = Date.UTC(2026, 0, 1);
  const revocations = createLocalRevocations({
    sessionTtlSeconds: 8 * HOUR,
    ...(maxEntries ? { maxEntries } : {}),
    now: () => time,
  });
  const nowSeconds = () => Math.floor(time / 1000);
  const session = (id: string, subject = 'agent@example.com'): RevocableSession => ({
    id,
    subject,
    issuedAt: nowSeconds(),
    expiresAt: nowSeconds() + 8 * HOUR,
  });
  return { revocations, session, advance: (ms: number) => (time += ms) };
}

describe('createLocalRevocations', () => {
  it('revokes exactly the session signed out', () => {
    const { revocations, session } = store();
    const gone = session('a');
    const kept = session('b');
    revocations.revoke(gone);
    expect(revocations.isRevoked(gone)).toBe(true);
    expect(revocations.isRevoked(kept)).toBe(false);
  });

  it('keeps a revocation until the session would have expired, then forgets it unswept', () => {
    const { revocations, session, advance } = store();
    const gone = session('a');
    advance(7 * HOUR * 1000);
    revocations.revoke(gone); // signed out an hour before expiry
    advance(59 * 60_000);
    expect(revocations.isRevoked(gone)).toBe(true);
    for (let i = 0; i < 3; i++) {
      advance(8 * HOUR * 1000);
      revocations.isRevoked(gone);
    }
    expect(revocations.size).toBe(0);
  });

  it('ignores a session that has expired already', () => {
    const { revocations, session, advance } = store();
    const old = session('a');
    advance(8 * HOUR * 1000);
    revocations.revoke(old);
    expect(revocations.size).toBe(0);
  });

  it('past maxEntries, never forgets: revokes the user up to that session, then everyone', () => {
    const { revocations, session, advance } = store(3);
    const first = session('s1', 'u1');
    for (const s of [first, session('s2', 'u1'), session('s3', 'u2')]) revocations.revoke(s);
    const otherDevice = session('s4', 'u3');
    advance(1_000);
    const later = session('s5', 'u3');
    revocations.revoke(session('s6', 'u3')); // the store is full: u3 up to now
    expect(revocations.isRevoked(first)).toBe(true);
    expect(revocations.isRevoked(otherDevice)).toBe(true);
    expect(revocations.isRevoked(later)).toBe(true);
    advance(1_000);
    expect(revocations.isRevoked(session('s7', 'u3'))).toBe(false);
    expect(revocations.isRevoked(session('s8', 'u4'))).toBe(false);

    // Users full too (3 entries): everything issued up to now is revoked.
    revocations.revoke(session('s9', 'u5'));
    revocations.revoke(session('s10', 'u6'));
    revocations.revoke(session('s11', 'u7'));
    expect(revocations.isRevoked(session('s12', 'u8'))).toBe(true);
    advance(1_000);
    expect(revocations.isRevoked(session('s13', 'u8'))).toBe(false);
  });
});
