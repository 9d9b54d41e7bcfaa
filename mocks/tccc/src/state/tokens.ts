/**
 * The token journal: every SDK login token the mock issued, and whether an SDK login has
 * consumed it. CreateSDKLoginToken and POST /__tccc/tokens write here; the SDK host
 * (src/sdk/) reads it through `lookup` and consumes tokens with `markUsed`.
 */
import { randomBytes } from 'node:crypto';
import type { Clock } from '../clock.js';

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
  /** Every record, oldest first. */
  list(): TokenRecord[];
  clear(): void;
}

export interface TokenJournalOptions {
  clock: Clock;
  ttlSeconds: number;
  /** Source of token strings; defaults to 16 random bytes in hex. */
  newToken?: () => string;
}

const iso = (ms: number) => new Date(ms).toISOString();

export function createTokenJournal(options: TokenJournalOptions): TokenJournal {
  const { clock } = options;
  const newToken = options.newToken ?? (() => randomBytes(16).toString('hex'));
  const records = new Map<string, TokenRecord>();

  return {
    issue({ sdkAppId, seatUserId, onlyOnce = false, requestId }) {
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
      records.set(token, record);
      return record;
    },
    get: (token) => records.get(token),
    lookup(token) {
      const record = records.get(token);
      if (!record) return { ok: false, reason: 'unknown' };
      if (clock.now() >= Date.parse(record.expiresAt))
        return { ok: false, reason: 'expired', record };
      if (record.onlyOnce && record.usedAt !== null) return { ok: false, reason: 'used', record };
      return { ok: true, record };
    },
    markUsed(token) {
      const record = records.get(token);
      if (!record) return undefined;
      if (record.usedAt !== null) return record;
      const used = Object.freeze({ ...record, usedAt: iso(clock.now()) });
      records.set(token, used);
      return used;
    },
    list: () => [...records.values()],
    clear: () => records.clear(),
  };
}
