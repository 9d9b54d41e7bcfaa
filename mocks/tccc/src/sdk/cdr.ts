/**
 * The call-detail record (TelCdrInfo) of an ended call, as DescribeTelCdr answers it and Data
 * Push sends it: one record per customer session, every leg (first offer, automatic
 * transfer, transfer) a ServeParticipant. Field meanings: tccc-reference §6.2, the
 * `TelCdrInfo` model of tencentcloud-sdk-nodejs, and Tencent's DescribeTelCdr example answer
 * (tccc-spec/ccc-examples.json), whose habit of sending every member (empty strings, zeros,
 * empty lists) this follows. Timestamps are Unix seconds by the mock clock.
 */
import { type CallLeg, type CallRecord, currentLeg } from '../state/calls.js';
import { toSeatUserInfo } from '../state/shapes.js';
import type { MockStore } from '../state/store.js';
import type {
  IVRKeyPressedElement,
  SeatUserInfo,
  ServeParticipant,
  TelCdrInfo,
} from '../state/tencent-types.js';

const seconds = (ms: number | undefined) => (ms === undefined ? 0 : Math.floor(ms / 1000));

/** Where a leg's (or the call's) recording is served: GET /sdk/records/... (records.ts). */
export function recordUrl(call: CallRecord, leg: CallLeg, recordId: string): string {
  return `${leg.origin}/sdk/records/${call.sdkAppId}/${encodeURIComponent(call.sessionId)}/${recordId}.wav`;
}

function seatUser(store: MockStore, call: CallRecord, leg: CallLeg): SeatUserInfo {
  const member = store.staff.get(call.sdkAppId, leg.seatUserId);
  // A member removed since keeps the name it had in the call: its SeatUserId.
  return member
    ? toSeatUserInfo(member, store.skillGroups)
    : { Name: leg.seatUserId, Mail: leg.seatUserId, StaffNumber: '', UserId: leg.seatUserId };
}

function participant(
  store: MockStore,
  call: CallRecord,
  leg: CallLeg,
  sequence: number,
): ServeParticipant {
  const group =
    leg.skillGroupId === undefined
      ? undefined
      : store.skillGroups.get(call.sdkAppId, leg.skillGroupId);
  const talked = leg.acceptedAt !== undefined;
  return {
    Mail: leg.seatUserId,
    Phone: store.staff.get(call.sdkAppId, leg.seatUserId)?.phone ?? '',
    RingTimestamp: seconds(leg.startedAt),
    AcceptTimestamp: seconds(leg.acceptedAt),
    EndedTimestamp: seconds(leg.endedAt ?? call.endedAt),
    RecordId: talked ? leg.recordId : '',
    Type: 'staffSeat',
    TransferFrom: leg.transferFrom ?? '',
    TransferFromType: leg.transferFrom === undefined ? '' : 'staffSeat',
    TransferTo: leg.transferTo ?? '',
    TransferToType: leg.transferTo === undefined ? '' : 'staffSeat',
    SkillGroupId: leg.skillGroupId ?? 0,
    EndStatusString: leg.endStatusString ?? call.ending?.endStatusString ?? '',
    RecordURL: talked ? recordUrl(call, leg, leg.recordId) : '',
    Sequence: sequence,
    StartTimestamp: seconds(leg.startedAt),
    SkillGroupName: group?.name ?? '',
    CustomRecordURL: '',
  };
}

/** IVR keys, timed evenly through the IVR (epoch ms, as the field is). */
function ivrKeys(call: CallRecord): IVRKeyPressedElement[] {
  const start = call.createdAt;
  const span = (call.queuedAt ?? start) - start;
  const steps = call.ivrPath.length;
  return call.ivrPath.map((step, index) => ({
    Key: step.key,
    Label: step.label,
    Timestamp: Math.round(start + (span * (index + 1)) / (steps + 1)),
    NodeLabel: '',
    OriginalContent: '',
    TTSPrompt: '',
  }));
}

/** The CDR of an ended call. */
export function buildCdr(store: MockStore, call: CallRecord): TelCdrInfo {
  const ending = call.ending;
  if (call.state !== 'ended' || !ending || call.endedAt === undefined) {
    throw new Error(`call ${call.sessionId} has not ended; only an ended call has a CDR`);
  }
  const inbound = call.direction === 'inbound';
  const served = [...call.legs].reverse().find((leg) => leg.acceptedAt !== undefined);
  const last = served ?? currentLeg(call);
  const first = call.legs[0];
  const firstTalk = call.legs.find((leg) => leg.acceptedAt !== undefined);
  const groupId = last?.skillGroupId ?? call.skillGroupId;
  const group = groupId === undefined ? undefined : store.skillGroups.get(call.sdkAppId, groupId);
  const queued =
    inbound && call.skillGroupId !== undefined
      ? store.skillGroups.get(call.sdkAppId, call.skillGroupId)
      : undefined;
  const start = seconds(call.createdAt);
  const accept = seconds(inbound ? firstTalk?.acceptedAt : call.talkStartedAt);
  const ended = seconds(call.endedAt);
  const keys = ivrKeys(call);
  return {
    SessionId: call.sessionId,
    Caller: call.callerPhoneNumber,
    Callee: call.calleePhoneNumber,
    Time: start,
    Direction: inbound ? 0 : 1,
    CallType: inbound ? 2 : 1,
    Duration: accept === 0 ? 0 : Math.max(0, ended - accept),
    // The call's own (mixed) recording, served where the first agent who talked reached it.
    RecordURL: firstTalk ? recordUrl(call, firstTalk, call.recordId) : '',
    RecordId: firstTalk ? call.recordId : '',
    ...(last ? { SeatUser: seatUser(store, call, last) } : {}),
    EndStatus: ending.endStatus,
    SkillGroup: group?.name ?? '',
    CallerLocation: call.callerLocation ?? '',
    IVRDuration: inbound && call.queuedAt !== undefined ? seconds(call.queuedAt) - start : 0,
    RingTimestamp: inbound ? seconds(first?.startedAt) : seconds(call.ringAt),
    AcceptTimestamp: accept,
    EndedTimestamp: ended,
    IVRKeyPressed: keys.map((key) => key.Key ?? ''),
    IVRKeyPressedEx: keys,
    HungUpSide: ending.hungUpSide,
    ServeParticipants: call.legs.map((leg, index) => participant(store, call, leg, index)),
    SkillGroupId: groupId ?? 0,
    EndStatusString: ending.endStatusString,
    StartTimestamp: start,
    QueuedTimestamp: inbound ? seconds(call.queuedAt) : 0,
    PostIVRKeyPressed: [],
    PostIVRKeyPressedEx: [],
    QueuedSkillGroupId: queued?.skillGroupId ?? 0,
    ProtectedCaller: '',
    ProtectedCallee: '',
    Uui: call.uui ?? '',
    UUI: call.uui ?? '',
    AsrUrl: '',
    AsrStatus: 'NotExists',
    CustomRecordURL: '',
    Remark: call.remark ?? '',
    QueuedSkillGroupName: queued?.name ?? '',
    VoicemailRecordURL: [],
    VoicemailAsrURL: [],
  };
}
