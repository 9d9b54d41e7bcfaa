/**
 * What a push carries (tccc-reference.md §6.2): the CDR push is the call's TelCdrInfo (as
 * DescribeTelCdr answers it) with
 * the members only pushes have (`SdkAppId`, `UserRemark`); a recording push is one per leg
 * that was recorded (a ServeParticipant with a RecordId).
 */
import { telCdrAnswer } from '../api/actions/cdr-shapes.js';
import type { ServeParticipant, TelCdrInfo } from '../state/tencent-types.js';

/** `action=cdr`: one per ended call. */
export type CdrPushBody = TelCdrInfo & { SdkAppId: number; UserRemark: string };

/** `action=record`: one per recorded leg. */
export interface RecordPushBody {
  SdkAppId: number;
  RecordId: string;
  SessionId: string;
  /** Unix seconds: when the leg (and its recording) ended [unconfirmed]. */
  Timestamp: number;
  /** The agent of the leg (their Mail, as ServeParticipants name them). */
  EndpointUser: string;
  RecordURL: string;
  CustomRecordURL: string;
}

export function cdrPushBody(sdkAppId: number, cdr: TelCdrInfo): CdrPushBody {
  // The record as DescribeTelCdr answers it (every member TCCC always sends), so a push and
  // a reconciliation store the same thing. UserRemark: the call's Remark [unconfirmed].
  return { SdkAppId: sdkAppId, ...telCdrAnswer(cdr), UserRemark: cdr.Remark ?? '' };
}

/** One body per leg that has a recording, in leg order. */
export function recordPushBodies(sdkAppId: number, cdr: TelCdrInfo): RecordPushBody[] {
  return (cdr.ServeParticipants ?? [])
    .filter((leg): leg is ServeParticipant & { RecordId: string } => Boolean(leg.RecordId))
    .map((leg) => ({
      SdkAppId: sdkAppId,
      RecordId: leg.RecordId,
      SessionId: cdr.SessionId,
      Timestamp: leg.EndedTimestamp ?? cdr.EndedTimestamp ?? 0,
      EndpointUser: leg.Mail ?? '',
      RecordURL: leg.RecordURL ?? '',
      CustomRecordURL: leg.CustomRecordURL ?? '',
    }));
}
