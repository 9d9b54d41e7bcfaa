/**
 * The push journal: every Data Push the mock sent (or was told not to), each with its
 * attempts and outcome, for the control plane and the test helpers to show. The sender
 * (src/push/) writes it; nothing here sends anything.
 *
 * Bounded: past `maxEntries` the oldest settled entries go first (pending ones stay, and are
 * let go once settled if the journal is still over its bound).
 */

/** The kind of data, as the `action` query parameter of the push URL says it. */
export type PushAction = 'cdr' | 'record' | 'voicemail';

export type PushOutcome = 'pending' | 'delivered' | 'failed' | 'dropped';

export interface PushAttempt {
  /** ISO-8601, mock clock. */
  readonly at: string;
  /** HTTP status of the receiver's answer; null when none came (network error, timeout). */
  readonly status: number | null;
  /** `ErrCode` of the receiver's JSON answer, when it had one. */
  readonly errCode?: number;
  /** Why the attempt failed, in words (never a credential). */
  readonly error?: string;
  readonly durationMs: number;
  /** A copy sent again by a `duplicate` fault (same UUID, same body). */
  readonly duplicate?: boolean;
}

export interface PushEntry {
  /** The X-TCCC-PUSH-UUID, the same on every retry. */
  readonly id: string;
  readonly sdkAppId: number;
  readonly action: PushAction;
  /** The receiver URL with `?action=…`, without user info. */
  readonly url: string;
  /** The call the push is about, when there is one. */
  readonly sessionId: string | undefined;
  /** The JSON body sent. */
  readonly body: unknown;
  /** ISO-8601, mock clock. */
  readonly createdAt: string;
  /** Fault rules that touched it (drop, duplicate, reorder, delay, unreachable). */
  readonly faults: readonly string[];
  readonly attempts: readonly PushAttempt[];
  readonly outcome: PushOutcome;
  /** Why a push was dropped or failed, in words (the fault rule, a full queue, the last error). */
  readonly reason?: string;
  /** ISO-8601, mock clock: when the outcome was reached. */
  readonly settledAt?: string;
}

export interface NewPush {
  id: string;
  sdkAppId: number;
  action: PushAction;
  url: string;
  sessionId?: string;
  body: unknown;
  faults?: readonly string[];
}

export interface PushJournal {
  record(push: NewPush): PushEntry;
  addAttempt(id: string, attempt: PushAttempt): PushEntry | undefined;
  settle(
    id: string,
    outcome: Exclude<PushOutcome, 'pending'>,
    reason?: string,
  ): PushEntry | undefined;
  get(id: string): PushEntry | undefined;
  /** Entries oldest first, optionally of one app, session, action or outcome. */
  list(filter?: PushFilter): PushEntry[];
  readonly size: number;
  clear(): void;
}

export interface PushFilter {
  sdkAppId?: number;
  sessionId?: string;
  action?: PushAction;
  outcome?: PushOutcome;
}

export const MAX_PUSH_ENTRIES = 10_000;

/** The URL without user:password, which must never be shown. */
export function withoutUserInfo(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.username = '';
    parsed.password = '';
    return parsed.href;
  } catch {
    return '[not a URL]';
  }
}

export function createPushJournal(now: () => number, maxEntries = MAX_PUSH_ENTRIES): PushJournal {
  const entries = new Map<string, PushEntry>();
  const put = (entry: PushEntry) => {
    entries.set(entry.id, Object.freeze(entry));
    return entry;
  };
  /** Let the oldest settled entries go until at most `limit` remain (pending ones stay). */
  const trim = (limit: number) => {
    if (entries.size <= limit) return;
    for (const [id, entry] of entries) {
      if (entries.size <= limit) return;
      if (entry.outcome !== 'pending') entries.delete(id);
    }
  };

  return {
    record(push) {
      trim(maxEntries - 1);
      return put({
        id: push.id,
        sdkAppId: push.sdkAppId,
        action: push.action,
        url: withoutUserInfo(push.url),
        sessionId: push.sessionId,
        body: push.body,
        createdAt: new Date(now()).toISOString(),
        faults: Object.freeze([...(push.faults ?? [])]),
        attempts: Object.freeze([]),
        outcome: 'pending',
      });
    },
    addAttempt(id, attempt) {
      const entry = entries.get(id);
      if (!entry) return undefined;
      return put({
        ...entry,
        attempts: Object.freeze([...entry.attempts, Object.freeze({ ...attempt })]),
      });
    },
    settle(id, outcome, reason) {
      const entry = entries.get(id);
      if (!entry) return undefined;
      const settled = put({
        ...entry,
        outcome,
        ...(reason === undefined ? {} : { reason }),
        settledAt: new Date(now()).toISOString(),
      });
      // Pending entries may have held the journal over its bound: settling makes room again.
      trim(maxEntries);
      return settled;
    },
    get: (id) => entries.get(id),
    list: (filter = {}) =>
      [...entries.values()].filter(
        (entry) =>
          (filter.sdkAppId === undefined || entry.sdkAppId === filter.sdkAppId) &&
          (filter.sessionId === undefined || entry.sessionId === filter.sessionId) &&
          (filter.action === undefined || entry.action === filter.action) &&
          (filter.outcome === undefined || entry.outcome === filter.outcome),
      ),
    get size() {
      return entries.size;
    },
    clear: () => entries.clear(),
  };
}
