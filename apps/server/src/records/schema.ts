/**
 * The tables of the call-record store, as Kysely sees them. One definition serves SQLite and
 * PostgreSQL: only types both engines share (text, integer, bigint), no JSON column type
 * (the CDR is kept as JSON text), so one set of queries runs on both.
 *
 * Times: `*_at` are milliseconds (server clock); `*_time` are TCCC's Unix seconds.
 */
export interface CallRecordsTable {
  session_id: string;
  sdk_app_id: number | null;
  /** 0 inbound, 1 outbound (TCCC's Direction). */
  direction: number | null;
  call_type: number | null;
  caller: string | null;
  callee: string | null;
  /** The last agent after transfers (SeatUser), lower-cased. */
  seat_user_id: string | null;
  start_time: number | null;
  ended_time: number | null;
  duration: number | null;
  end_status: number | null;
  end_status_string: string | null;
  hung_up_side: string | null;
  /**
   * Which version of a record is newer (see cdr.ts `rankOf`): EndedTimestamp (-1 when
   * absent), then the number of legs, then the number of members with a value.
   */
  rank_ended: number;
  rank_legs: number;
  rank_members: number;
  /** The whole CDR as validated, JSON. */
  cdr: string;
  /** Who wrote the stored version: `push` or `reconcile`. */
  source: string;
  /** Random id of the write that inserted the row; tells an insert from an update. */
  first_write_id: string;
  stored_at: number;
  updated_at: number;
}

/** Every agent who served a call (SeatUser and staff legs), for "my calls" lookups. */
export interface CallRecordSeatsTable {
  seat_user_id: string;
  session_id: string;
  /** StartTimestamp, else Time, else EndedTimestamp, else 0: the list order. */
  sort_time: number;
}

export interface CallRecordingsTable {
  session_id: string;
  record_id: string;
  endpoint_user: string | null;
  record_url: string | null;
  custom_record_url: string | null;
  /** TCCC's Timestamp of the push; a later one replaces an earlier one. */
  time: number;
  stored_at: number;
  updated_at: number;
}

export interface CallVoicemailsTable {
  session_id: string;
  record_url: string;
  endpoint_user: string | null;
  time: number;
  stored_at: number;
}

/** One row per X-TCCC-PUSH-UUID stored, with what storing it did. */
export interface PushReceiptsTable {
  push_uuid: string;
  action: string;
  session_id: string;
  /** inserted | updated | unchanged */
  outcome: string;
  received_at: number;
}

export interface ReconcileRunsTable {
  id: string;
  /** schedule | command */
  trigger: string;
  window_from: number;
  window_to: number;
  started_at: number;
  finished_at: number;
  pages: number;
  found: number;
  inserted: number;
  updated: number;
  unchanged: number;
  invalid: number;
  /** Why the run stopped early; null when it covered its window. */
  error: string | null;
}

/** Named leases, so one instance of several runs the scheduled reconciliation. */
export interface LeasesTable {
  name: string;
  holder: string;
  expires_at: number;
}

export interface RecordsDatabase {
  call_records: CallRecordsTable;
  call_record_seats: CallRecordSeatsTable;
  call_recordings: CallRecordingsTable;
  call_voicemails: CallVoicemailsTable;
  push_receipts: PushReceiptsTable;
  reconcile_runs: ReconcileRunsTable;
  leases: LeasesTable;
}
