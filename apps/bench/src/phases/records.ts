/**
 * The call-record rows: Data Push acknowledgement latency (push-ack.ts) and reconciliation
 * against TCCC's DescribeTelCdr limit (reconcile.ts), both on PostgreSQL too when one is
 * reachable (lib/postgres.ts).
 */
import { findBenchPostgres } from '../lib/postgres.js';
import type { RunningMock } from '../lib/rig.js';
import type { BenchSettings } from '../settings.js';
import { measurePushAck, type PushAckResults } from './push-ack.js';
import { measureReconcile, type ReconcileResults } from './reconcile.js';

export interface RecordsResults {
  pushAck: PushAckResults;
  reconcile: ReconcileResults;
}

/** `mock`: the bench's mock with its rate limit lifted (the receivers' TCCC). */
export async function measureRecords(
  mock: RunningMock,
  settings: BenchSettings,
  progress: (line: string) => void,
): Promise<RecordsResults> {
  const postgres = await findBenchPostgres(process.env);
  if (!postgres.available) progress(`call records: PostgreSQL rows skipped: ${postgres.why}`);
  const pushAck = await measurePushAck(mock, postgres, settings, progress);
  const reconcile = await measureReconcile(postgres, progress);
  return { pushAck, reconcile };
}
