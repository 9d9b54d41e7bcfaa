/**
 * Call records as the cloud API answers them. The store keeps each CDR as it was made (a
 * call that ended) or given (bulk history); the answer completes it to TCCC's `TelCdrInfo`:
 * every member TCCC always sends is there (empty when the record has nothing to say), and
 * the deprecated twins TCCC still sends mirror their successors, as in Tencent's example
 * answer: `Time` = `StartTimestamp`, `Uui` = `UUI`, `IVRKeyPressed` = the keys of
 * `IVRKeyPressedEx`, `PostIVRKeyPressed` = `PostIVRKeyPressedEx`.
 */
import type { CallEvent } from '../../state/calls.js';
import type { IVRKeyPressedElement, TelCdrInfo } from '../../state/tencent-types.js';
import { completeObject } from '../spec/complete.js';

/** A stored CDR as DescribeTelCdr's `TelCdrList` carries it. */
export function telCdrAnswer(cdr: TelCdrInfo): TelCdrInfo {
  const uui = cdr.UUI ?? cdr.Uui ?? '';
  return completeObject('TelCdrInfo', {
    ...cdr,
    Time: cdr.Time ?? cdr.StartTimestamp,
    UUI: uui,
    Uui: cdr.Uui ?? uui,
    IVRKeyPressed: cdr.IVRKeyPressed ?? (cdr.IVRKeyPressedEx ?? []).map((key) => key.Key ?? ''),
    PostIVRKeyPressed: cdr.PostIVRKeyPressed ?? cdr.PostIVRKeyPressedEx ?? [],
  });
}

const keys = (list: IVRKeyPressedElement[] | undefined) =>
  (list ?? []).map((key) => completeObject('IVRKeyPressedElement', key));

/** An agent's hold or mute as a `SessionEvent` (Tencent's example answer shows this shape). */
export interface SessionEventAnswer {
  Timestamp: number;
  EventType: CallEvent['type'];
  StaffEventDetail: { Staffs: { Mail: string; StaffNumber: string }[] };
}

/**
 * DescribeSessionDetail's members for a stored CDR. `Events` lists the agents' holds and
 * mutes (StaffHold, StaffUnhold, StaffMute, StaffUnmute, as Tencent's example answer names
 * them) from the call's lifecycle; a call the store no longer holds (history added in bulk,
 * or pruned past `MAX_ENDED_CALLS`) has none. Which other event types TCCC lists is
 * undocumented [unconfirmed].
 */
export function sessionDetailAnswer(
  cdr: TelCdrInfo,
  events: readonly SessionEventAnswer[] = [],
): Record<string, unknown> {
  const answer = telCdrAnswer(cdr);
  return {
    Caller: answer.Caller,
    Callee: answer.Callee,
    CallType: answer.CallType ?? (answer.Direction === 1 ? 1 : 2),
    StartTimeStamp: answer.StartTimestamp,
    RingTimestamp: answer.RingTimestamp,
    AcceptTimestamp: answer.AcceptTimestamp,
    EndedTimestamp: answer.EndedTimestamp,
    QueuedTimestamp: answer.QueuedTimestamp,
    StaffUserId: answer.SeatUser?.Mail ?? '',
    EndStatus: answer.EndStatus,
    QueuedSkillGroupId: answer.QueuedSkillGroupId,
    QueuedSkillGroupName: answer.QueuedSkillGroupName,
    RecordURL: answer.RecordURL,
    CustomRecordURL: answer.CustomRecordURL,
    AsrURL: answer.AsrUrl,
    VoicemailRecordURL: answer.VoicemailRecordURL,
    VoicemailAsrURL: answer.VoicemailAsrURL ?? [],
    IVRKeyPressed: keys(cdr.IVRKeyPressedEx),
    PostIVRKeyPressed: keys(cdr.PostIVRKeyPressedEx ?? cdr.PostIVRKeyPressed),
    HungUpSide: answer.HungUpSide,
    UUI: answer.UUI,
    Events: events.map((event) => completeObject('SessionEvent', event)),
    ServeParticipants: answer.ServeParticipants,
    ...(answer.SysHangupReason === undefined ? {} : { SysHangupReason: answer.SysHangupReason }),
    ...(answer.SysHangupReasonString === undefined
      ? {}
      : { SysHangupReasonString: answer.SysHangupReasonString }),
  };
}
