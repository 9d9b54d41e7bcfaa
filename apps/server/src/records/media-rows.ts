/**
 * Recording and voicemail pushes in the store: one recording per (SessionId, RecordId),
 * replaced only by a later Timestamp; one voicemail per (SessionId, RecordURL), kept once.
 */
import type { Kysely, Transaction } from 'kysely';
import type { RecordsDatabase } from './schema.js';
import type { RecordingPush, VoicemailPush } from './store.js';

type Written = 'inserted' | 'updated' | 'unchanged';

export async function upsertRecording(
  trx: Transaction<RecordsDatabase>,
  push: RecordingPush,
  at: number,
): Promise<Written> {
  const written = await trx
    .insertInto('call_recordings')
    .values({
      session_id: push.SessionId,
      record_id: push.RecordId,
      endpoint_user: push.EndpointUser ?? null,
      record_url: push.RecordURL ?? null,
      custom_record_url: push.CustomRecordURL ?? null,
      time: push.Timestamp ?? 0,
      stored_at: at,
      updated_at: at,
    })
    .onConflict((conflict) =>
      conflict
        .columns(['session_id', 'record_id'])
        .doUpdateSet((eb) => ({
          endpoint_user: eb.ref('excluded.endpoint_user'),
          record_url: eb.ref('excluded.record_url'),
          custom_record_url: eb.ref('excluded.custom_record_url'),
          time: eb.ref('excluded.time'),
          updated_at: eb.ref('excluded.updated_at'),
        }))
        .where(({ eb, ref }) => eb('excluded.time', '>', ref('call_recordings.time'))),
    )
    .returning('stored_at')
    .executeTakeFirst();
  if (!written) return 'unchanged';
  // An update keeps the first stored_at (an update within the same millisecond as the first
  // store is reported as an insert: the label is for reports, the data is right).
  return written.stored_at === at ? 'inserted' : 'updated';
}

export async function insertVoicemail(
  trx: Transaction<RecordsDatabase>,
  push: VoicemailPush,
  at: number,
): Promise<Written> {
  const written = await trx
    .insertInto('call_voicemails')
    .values({
      session_id: push.SessionId,
      record_url: push.RecordURL,
      endpoint_user: push.EndpointUser === undefined ? null : String(push.EndpointUser),
      time: push.Timestamp ?? 0,
      stored_at: at,
    })
    .onConflict((conflict) => conflict.columns(['session_id', 'record_url']).doNothing())
    .returning('session_id')
    .executeTakeFirst();
  return written ? 'inserted' : 'unchanged';
}

export async function recordingsOf(
  db: Kysely<RecordsDatabase>,
  sessionId: string,
): Promise<RecordingPush[]> {
  const rows = await db
    .selectFrom('call_recordings')
    .selectAll()
    .where('session_id', '=', sessionId)
    .orderBy('record_id')
    .execute();
  return rows.map((row) => ({
    SessionId: row.session_id,
    RecordId: row.record_id,
    Timestamp: row.time,
    ...(row.endpoint_user === null ? {} : { EndpointUser: row.endpoint_user }),
    ...(row.record_url === null ? {} : { RecordURL: row.record_url }),
    ...(row.custom_record_url === null ? {} : { CustomRecordURL: row.custom_record_url }),
  }));
}

export async function voicemailsOf(
  db: Kysely<RecordsDatabase>,
  sessionId: string,
): Promise<VoicemailPush[]> {
  const rows = await db
    .selectFrom('call_voicemails')
    .selectAll()
    .where('session_id', '=', sessionId)
    .orderBy('time')
    .execute();
  return rows.map((row) => ({
    SessionId: row.session_id,
    RecordURL: row.record_url,
    Timestamp: row.time,
    ...(row.endpoint_user === null ? {} : { EndpointUser: row.endpoint_user }),
  }));
}
