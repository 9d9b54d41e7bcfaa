/**
 * Sessions ended before their expiry: sign-out writes the session here, and every request
 * that shows its cookie is refused from then on (auth/sessions.ts).
 *
 * The seam is `SessionRevocations`; its methods may return promises, so a store shared by
 * several instances (Redis: `SET revoked:<id> 1 PXAT <expiry>`, `EXISTS revoked:<id>`) fits
 * without changing callers. `createLocalRevocations` keeps them in this process:
 * - each revocation is kept until the session would have expired anyway, and forgotten
 *   after, without sweeping (two generations turned every session lifetime);
 * - memory is bounded, and the bound never forgets a revocation early: past `maxEntries`
 *   sessions, a sign-out ends every session of that user issued up to the one signed out
 *   (one entry per user), and past `maxEntries` users, every session issued so far. Only
 *   someone signing in and out in a loop could get there; the cost is that other devices
 *   sign in again, never that an ended session comes back.
 */
import type { Awaitable } from '../security/rate-limit.js';

/** What a revocation needs to know of a session (its signed claims). */
export interface RevocableSession {
  /** Random id of this session (`sid`). */
  id: string;
  /** Its user (`sub`). */
  subject: string;
  /** Issued at, unix seconds. */
  issuedAt: number;
  /** Expires at, unix seconds. */
  expiresAt: number;
}

export interface SessionRevocations {
  /** Ends `session` for good (until it would have expired). */
  revoke(session: RevocableSession): Awaitable<void>;
  isRevoked(session: RevocableSession): Awaitable<boolean>;
}

/** Two maps turned every `maxAgeMs`: an entry lives at least that long, at most twice. */
function generations<V>(maxAgeMs: number, now: () => number) {
  let current = new Map<string, V>();
  let previous = new Map<string, V>();
  let turnedAt = now();
  const turn = () => {
    if (now() - turnedAt < maxAgeMs) return;
    previous = current;
    current = new Map();
    turnedAt = now();
  };
  return {
    get(key: string): V | undefined {
      turn();
      return current.get(key) ?? previous.get(key);
    },
    set(key: string, value: V) {
      turn();
      current.set(key, value);
    },
    get size() {
      return current.size + previous.size;
    },
  };
}

export function createLocalRevocations(options: {
  /** The longest a session lives (SESSION_TTL_SECONDS). */
  sessionTtlSeconds: number;
  /** Revoked sessions held one by one before falling back to per-user (default 100 000). */
  maxEntries?: number;
  now?: () => number;
}): SessionRevocations & { readonly size: number } {
  const now = options.now ?? Date.now;
  const maxEntries = options.maxEntries ?? 100_000;
  const ttlMs = options.sessionTtlSeconds * 1000;
  /** Session id -> revoked. */
  const sessions = generations<true>(ttlMs, now);
  /** User -> sessions issued at or before this time (unix s) are revoked. */
  const usersUpTo = generations<number>(ttlMs, now);
  /** Every session issued at or before this time (unix s) is revoked. */
  let allUpTo = Number.NEGATIVE_INFINITY;

  return {
    revoke(session) {
      if (session.expiresAt * 1000 <= now()) return; // dead anyway
      if (sessions.size < maxEntries) {
        sessions.set(session.id, true);
        return;
      }
      const upTo = Math.max(usersUpTo.get(session.subject) ?? session.issuedAt, session.issuedAt);
      if (usersUpTo.size < maxEntries) usersUpTo.set(session.subject, upTo);
      else allUpTo = Math.max(allUpTo, session.issuedAt);
    },
    isRevoked(session) {
      if (session.issuedAt <= allUpTo) return true;
      if (sessions.get(session.id) === true) return true;
      const upTo = usersUpTo.get(session.subject);
      return upTo !== undefined && session.issuedAt <= upTo;
    },
    get size() {
      return sessions.size + usersUpTo.size;
    },
  };
}
