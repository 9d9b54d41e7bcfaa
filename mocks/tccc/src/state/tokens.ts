/**
 * The token journal: every SDK login token the mock issued, and whether an SDK login has
 * consumed it. CreateSDKLoginToken and POST /__tccc/tokens write here; the SDK host
 * (src/sdk/) reads it through `lookup` and consumes tokens with `markUsed`.
 *
 * Bounded, so a long load test keeps memory flat: a token is pruned `retentionSeconds` after
 * it can no longer log in (it expired, or it was an OnlyOnce token and was used); until then
 * a late login still hears "expired" / "used" rather than "unknown". Past `maxRecords` the
 * oldest records go first, live or not. Pruning runs at most once per mock second, on issue
 * and on list, and costs one pass over the records.
 */
import { randomBytes } from 'node:crypto';
import type { MockClock } from './clock.js';

export interface TokenRecord {
  /** 32 lower-case hex characters, like the real service's tokens. */
  readonly token: string;
  readonly sdkAppId: number;
  readonly seatUserId: string;
  readonly onlyOnce: boolean;
  /** ISO-8601 instants, by the mock clock. */
  readonly issuedAt: string;
  readonly expiresAt: string;
  /** When an SDK login first consumed the token; null until then. */
  readonly usedAt: string | null;
  /** RequestId of the call that issued it. */
  readonly requestId: string;
}

export type TokenLookup =
  | { ok: true; record: TokenRecord }
  | { ok: false; reason: 'unknown' | 'expired' | 'used'; record?: TokenRecord };

export interface IssueTokenInput {
  sdkAppId: number;
  seatUserId: string;
  onlyOnce?: boolean;
  requestId: string;
}

export interface TokenJournal {
  issue(input: IssueTokenInput): TokenRecord;
  get(token: string): TokenRecord | undefined;
  /**
   * Whether the token may log an SDK in now: known, not expired by the mock clock, and
   * (when issued with OnlyOnce) not used yet.
   */
  lookup(token: string): TokenLookup;
  /** Record an SDK login with this token. Returns the updated record, or undefined if unknown. */
  markUsed(token: string): TokenRecord | undefined;
  /** Every record still held, oldest first. */
  list(): TokenRecord[];
  /** Drop the records past their retention now; returns how many went. */
  prune(): number;
  /** How many records are held. */
  readonly size: number;
  clear(): void;
}

export interface TokenJournalOptions {
  clock: MockClock;
  ttlSeconds: number;
  /** How long a token that can no longer log in is kept, in seconds. */
  retentionSeconds: number;
  /** The most records held at once; the oldest are dropped past it. */
  maxRecords: number;
  /** Source of token strings; defaults to 16 random bytes in hex. */
  newToken?: () => string;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** A record and the epoch ms after which it may be dropped. */
interface Held {
  record: TokenRecord;
  retainUntil: number;
}

export function createTokenJournal(options: TokenJournalOptions): TokenJournal {
  const { clock } = options;
  const newToken = options.newToken ?? (() => randomBytes(16).toString('hex'));
  const retentionMs = options.retentionSeconds * 1000;
  const records = new Map<string, Held>();
  let lastPruneAt = Number.NEGATIVE_INFINITY;

  const prune = () => {
    const now = clock.now();
    lastPruneAt = now;
    let dropped = 0;
    for (const [token, held] of records) {
      if (held.retainUntil <= now) {
        records.delete(token);
        dropped += 1;
      }
    }
    return dropped;
  };
  const pruneNowAndThen = () => {
    // Also after the clock was set back, so a test that rewinds time still prunes.
    const now = clock.now();
    if (now - lastPruneAt >= 1000 || now < lastPruneAt) prune();
  };
  const makeRoom = () => {
    for (const token of records.keys()) {
      if (records.size < options.maxRecords) return;
      records.delete(token);
    }
  };

  return {
    issue({ sdkAppId, seatUserId, onlyOnce = false, requestId }) {
      pruneNowAndThen();
      makeRoom();
      let token = newToken();
      while (records.has(token)) token = newToken();
      // Whole seconds, so ExpiredTime (seconds) and expiresAt name the same instant.
      const issuedMs = Math.floor(clock.now() / 1000) * 1000;
      const record: TokenRecord = Object.freeze({
        token,
        sdkAppId,
        seatUserId,
        onlyOnce,
        issuedAt: iso(issuedMs),
        expiresAt: iso(issuedMs + options.ttlSeconds * 1000),
        usedAt: null,
        requestId,
      });
      records.set(token, {
        record,
        retainUntil: issuedMs + options.ttlSeconds * 1000 + retentionMs,
      });
      return record;
    },
    get: (token) => records.get(token)?.record,
    lookup(token) {
      const record = records.get(token)?.record;
      if (!record) return { ok: false, reason: 'unknown' };
      if (clock.now() >= Date.parse(record.expiresAt))
        return { ok: false, reason: 'expired', record };
      if (record.onlyOnce && record.usedAt !== null) return { ok: false, reason: 'used', record };
      return { ok: true, record };
    },
    markUsed(token) {
      const held = records.get(token);
      if (!held) return undefined;
      if (held.record.usedAt !== null) return held.record;
      const now = clock.now();
      const used = Object.freeze({ ...held.record, usedAt: iso(now) });
      // A used OnlyOnce token can no longer log in: its retention starts now.
      const retainUntil = used.onlyOnce
        ? Math.min(held.retainUntil, now + retentionMs)
        : held.retainUntil;
      records.set(token, { record: used, retainUntil });
      return used;
    },
    list() {
      pruneNowAndThen();
      return [...records.values()].map((held) => held.record);
    },
    prune,
    get size() {
      return records.size;
    },
    clear() {
      records.clear();
      lastPruneAt = Number.NEGATIVE_INFINITY;
    },
  };
}
