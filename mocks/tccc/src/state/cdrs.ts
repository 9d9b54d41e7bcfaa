/**
 * Call-detail records (TelCdrInfo), per app: one per SessionId, kept sorted by StartTimestamp
 * so a time window is found by binary search and a page costs O(log n + page), also with
 * 100,000 records. Calls that end add theirs (the SDK runtime); the control plane can add
 * historical ones in bulk; DescribeTelCdr and the push sender read them.
 *
 * Records are deep-frozen copies: what a caller inserted cannot change under the store, and
 * what a query returns cannot be changed by its reader.
 *
 * Retention: each app keeps at most `maxRecordsPerApp` records; past it the records with the
 * oldest StartTimestamp go first, so memory stays bounded under a long load test.
 */
import type { TelCdrInfo } from './tencent-types.js';

export interface CdrQuery {
  sdkAppId: number;
  /** Window on StartTimestamp, Unix seconds, both ends inclusive. */
  from: number;
  to: number;
  /** `newest` first (StartTimestamp descending, the default) or `oldest` first. */
  order?: 'newest' | 'oldest';
  /** Records to skip, e.g. PageNumber * PageSize (0-based pages). Default 0. */
  offset?: number;
  /** Page size. Default: everything after `offset`. */
  limit?: number;
  /** Only these sessions. */
  sessionIds?: readonly string[];
  /** Only records whose Caller or Callee is one of these numbers. */
  phones?: readonly string[];
}

export interface CdrPage {
  /** Records matching the query, over every page. */
  total: number;
  records: TelCdrInfo[];
}

export type CdrInsert = { ok: true; record: TelCdrInfo } | { ok: false; reason: 'duplicate' };

export interface CdrStore {
  /**
   * Add one record; a second record with the same SessionId in the app is refused. A record
   * older than everything the app holds, when the app is full, is let go at once.
   */
  insert(sdkAppId: number, cdr: TelCdrInfo): CdrInsert;
  /**
   * Add many at once (bulk history); returns how many went in (duplicates are skipped), before
   * the retention limit lets the oldest go.
   */
  insertMany(sdkAppId: number, cdrs: readonly TelCdrInfo[]): number;
  get(sdkAppId: number, sessionId: string): TelCdrInfo | undefined;
  query(query: CdrQuery): CdrPage;
  /** Records of one app, or of all. */
  count(sdkAppId?: number): number;
  /** Every record of one app (or all), oldest first. */
  list(sdkAppId?: number): TelCdrInfo[];
  /** Apps that have records. */
  appIds(): number[];
  clear(): void;
}

interface AppCdrs {
  /** Sorted by StartTimestamp, then insertion order. */
  sorted: TelCdrInfo[];
  bySession: Map<string, TelCdrInfo>;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const member of Object.values(value)) deepFreeze(member);
  }
  return value;
}

function checked(cdr: TelCdrInfo): TelCdrInfo {
  if (typeof cdr?.SessionId !== 'string' || cdr.SessionId === '') {
    throw new TypeError('a CDR needs SessionId, a non-empty string');
  }
  if (!Number.isSafeInteger(cdr.StartTimestamp) || cdr.StartTimestamp < 0) {
    throw new TypeError('a CDR needs StartTimestamp, Unix seconds (an integer >= 0)');
  }
  return deepFreeze(structuredClone(cdr));
}

/** First index whose StartTimestamp is >= t (lower) or > t (upper). */
function bound(sorted: readonly TelCdrInfo[], t: number, upper: boolean): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const at = (sorted[mid] as TelCdrInfo).StartTimestamp;
    if (at < t || (upper && at === t)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Default retention per app (`limits.maxCdrs`): room for the 100,000-record paging bench. */
export const MAX_CDRS_PER_APP = 100_000;

export function createCdrStore(maxRecordsPerApp = MAX_CDRS_PER_APP): CdrStore {
  const apps = new Map<number, AppCdrs>();
  /** Let the oldest records of an app go until it holds at most the retention limit. */
  const retain = (app: AppCdrs) => {
    const excess = app.sorted.length - maxRecordsPerApp;
    if (excess <= 0) return;
    for (const record of app.sorted.splice(0, excess)) app.bySession.delete(record.SessionId);
  };
  const appOf = (sdkAppId: number) => {
    let app = apps.get(sdkAppId);
    if (!app) {
      app = { sorted: [], bySession: new Map() };
      apps.set(sdkAppId, app);
    }
    return app;
  };

  return {
    insert(sdkAppId, cdr) {
      const record = checked(cdr);
      const app = appOf(sdkAppId);
      if (app.bySession.has(record.SessionId)) return { ok: false, reason: 'duplicate' };
      app.bySession.set(record.SessionId, record);
      // Live calls end in clock order, so this is almost always an append.
      app.sorted.splice(bound(app.sorted, record.StartTimestamp, true), 0, record);
      retain(app);
      return { ok: true, record };
    },
    insertMany(sdkAppId, cdrs) {
      const records = cdrs.map(checked);
      const app = appOf(sdkAppId);
      let added = 0;
      for (const record of records) {
        if (app.bySession.has(record.SessionId)) continue;
        app.bySession.set(record.SessionId, record);
        app.sorted.push(record);
        added += 1;
      }
      // Stable: equal StartTimestamps keep insertion order.
      app.sorted.sort((a, b) => a.StartTimestamp - b.StartTimestamp);
      retain(app);
      return added;
    },
    get: (sdkAppId, sessionId) => apps.get(sdkAppId)?.bySession.get(sessionId),
    query({ sdkAppId, from, to, order = 'newest', offset = 0, limit, sessionIds, phones }) {
      const app = apps.get(sdkAppId);
      if (!app || to < from) return { total: 0, records: [] };
      const lo = bound(app.sorted, from, false);
      const hi = bound(app.sorted, to, true);
      const end = limit === undefined ? Number.POSITIVE_INFINITY : offset + limit;
      const newest = order === 'newest';
      if (!sessionIds && !phones) {
        const total = hi - lo;
        const count = Math.max(0, Math.min(total, end) - offset);
        const records = newest
          ? app.sorted.slice(hi - offset - count, hi - offset).reverse()
          : app.sorted.slice(lo + offset, lo + offset + count);
        return { total, records };
      }
      const wanted = phones ? new Set(phones) : undefined;
      const candidates = sessionIds
        ? [...new Set(sessionIds)].flatMap((id) => app.bySession.get(id) ?? [])
        : app.sorted.slice(lo, hi);
      if (sessionIds) candidates.sort((a, b) => a.StartTimestamp - b.StartTimestamp);
      if (newest) candidates.reverse();
      const records: TelCdrInfo[] = [];
      let total = 0;
      for (const record of candidates) {
        if (record.StartTimestamp < from || record.StartTimestamp > to) continue;
        if (wanted && !wanted.has(record.Caller ?? '') && !wanted.has(record.Callee ?? '')) {
          continue;
        }
        if (total >= offset && total < end) records.push(record);
        total += 1;
      }
      return { total, records };
    },
    count(sdkAppId) {
      if (sdkAppId !== undefined) return apps.get(sdkAppId)?.sorted.length ?? 0;
      let total = 0;
      for (const app of apps.values()) total += app.sorted.length;
      return total;
    },
    list: (sdkAppId) =>
      sdkAppId === undefined
        ? [...apps.values()].flatMap((app) => app.sorted)
        : [...(apps.get(sdkAppId)?.sorted ?? [])],
    appIds: () => [...apps].filter(([, app]) => app.sorted.length > 0).map(([id]) => id),
    clear: () => apps.clear(),
  };
}
