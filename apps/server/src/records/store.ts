/**
 * `CallRecordStore`: where call records live, behind one small interface with two real
 * implementations (SQLite in a file, PostgreSQL), both made by `createKyselyStore` over one
 * set of queries and held to one contract suite (store-contract.ts).
 *
 * Every method may be called from several server instances at once (PostgreSQL): writes are
 * single statements or transactions whose result does not depend on the order they run in.
 */
import type { Cdr } from './cdr.js';

/** Who delivered a record: a TCCC Data Push, or the reconciler reading DescribeTelCdr. */
export type RecordSource = 'push' | 'reconcile';

/** The kinds of Data Push (the `action` query parameter). */
export type PushAction = 'cdr' | 'record' | 'voicemail';

/**
 * What storing did: `inserted` (new), `updated` (a newer version replaced the stored one),
 * `unchanged` (the stored version is as new or newer), `duplicate` (a push with this
 * X-TCCC-PUSH-UUID was stored before; nothing was done).
 */
export type SaveOutcome = 'inserted' | 'updated' | 'unchanged' | 'duplicate';

export interface PushReceipt {
  /** X-TCCC-PUSH-UUID: the same on every retry of one push. */
  uuid: string;
  action: PushAction;
}

export interface SaveOptions {
  /** Stored in the same transaction as the record, so a retry finds it. */
  receipt?: PushReceipt | undefined;
}

/** A recording push: one per leg of a call (`action=record`). */
export interface RecordingPush {
  SessionId: string;
  RecordId: string;
  SdkAppId?: number;
  Timestamp?: number;
  EndpointUser?: string;
  RecordURL?: string;
  CustomRecordURL?: string;
}

/** A voicemail push (`action=voicemail`). EndpointUser may arrive as a number. */
export interface VoicemailPush {
  SessionId: string;
  RecordURL: string;
  SdkAppId?: number;
  Timestamp?: number;
  EndpointUser?: string | number;
}

/** A stored call, as lists show it (the whole CDR only from `getCall`). */
export interface StoredCall {
  sessionId: string;
  direction: number | null;
  callType: number | null;
  caller: string | null;
  callee: string | null;
  /** The agent the call ended with (lower-cased), if any. */
  seatUserId: string | null;
  /** Unix seconds. */
  startTime: number | null;
  endedTime: number | null;
  /** Seconds from accepted to ended (TCCC's Duration). */
  duration: number | null;
  endStatus: number | null;
  endStatusString: string | null;
  hungUpSide: string | null;
  source: RecordSource;
  /** Milliseconds: first stored, last replaced. */
  storedAt: number;
  updatedAt: number;
}

export interface StoredCallDetail extends StoredCall {
  cdr: Cdr;
}

/** Where a page of a seat's calls continues: after this call (newest first). */
export interface CallCursor {
  sortTime: number;
  sessionId: string;
}

export interface CallPage {
  calls: StoredCall[];
  /** Present when there may be more: pass it as `after` for the next page. */
  next?: CallCursor;
}

export interface ReconcileRun {
  id: string;
  trigger: 'schedule' | 'command';
  /** The window reconciled, ms. */
  windowFrom: number;
  windowTo: number;
  startedAt: number;
  finishedAt: number;
  pages: number;
  /** Records DescribeTelCdr listed in the window. */
  found: number;
  /** Records pushes had missed, now stored. */
  inserted: number;
  /** Stored records replaced by a newer version. */
  updated: number;
  /** Records already stored as they are. */
  unchanged: number;
  /** Records that failed validation and were not stored. */
  invalid: number;
  /** Why the run stopped before covering its window; undefined when it covered it. */
  error?: string | undefined;
}

export interface CallRecordStore {
  readonly engine: 'sqlite' | 'postgres';
  /** Stores a CDR unless the stored version of its session is as new or newer (cdr.ts). */
  saveCdr(cdr: Cdr, options: SaveOptions & { source: RecordSource }): Promise<SaveOutcome>;
  /**
   * `saveCdr` for many records in one transaction (one disk sync): for the reconciler, which
   * stores a page at a time. Outcomes in the order of `cdrs`.
   */
  saveCdrs(cdrs: readonly Cdr[], options: { source: RecordSource }): Promise<SaveOutcome[]>;
  /** Stores a recording push; a later Timestamp for the same RecordId replaces it. */
  saveRecording(push: RecordingPush, options?: SaveOptions): Promise<SaveOutcome>;
  /** Stores a voicemail push, once per session and RecordURL. */
  saveVoicemail(push: VoicemailPush, options?: SaveOptions): Promise<SaveOutcome>;
  /** The outcome stored with an earlier push of this X-TCCC-PUSH-UUID. */
  findReceipt(uuid: string): Promise<{ action: PushAction; outcome: SaveOutcome } | undefined>;
  getCall(sessionId: string): Promise<StoredCallDetail | undefined>;
  /** The calls `seatUserId` served, newest first. */
  listCalls(seatUserId: string, options: { limit: number; after?: CallCursor }): Promise<CallPage>;
  /** Session ids of the stored calls that started in [from, to] (Unix seconds). */
  sessionIdsBetween(from: number, to: number): Promise<string[]>;
  /** Recordings stored for a session. */
  recordingsOf(sessionId: string): Promise<RecordingPush[]>;
  /** Voicemails stored for a session. */
  voicemailsOf(sessionId: string): Promise<VoicemailPush[]>;
  /** Takes (or renews) lease `name` for `holder` unless another holder has it unexpired. */
  acquireLease(name: string, holder: string, ttlMs: number): Promise<boolean>;
  releaseLease(name: string, holder: string): Promise<void>;
  saveReconcileRun(run: ReconcileRun): Promise<void>;
  /** The latest runs, newest window first. */
  reconcileRuns(limit: number): Promise<ReconcileRun[]>;
  /** Deletes receipts older than `before` (ms); returns how many. */
  pruneReceipts(before: number): Promise<number>;
  close(): Promise<void>;
}
