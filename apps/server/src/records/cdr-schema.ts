/**
 * The structure of a call-detail record, from Tencent's API description of `TelCdrInfo`
 * and the objects inside it (../shared/tccc-spec/ccc-2020-02-10.json; cdr-schema.test.ts
 * checks this table against that file member by member), plus the members only the Data
 * Push body has (tccc-reference.md §6.2), and the recording and voicemail push bodies.
 *
 * Types: `string`, `integer` (a safe integer), `seconds` (an integer Unix time in seconds,
 * refused when it looks like milliseconds), `string[]`, an object, or a list of objects.
 * `required` members must be present whenever their object is.
 */

export type FieldType =
  | 'string'
  | 'integer'
  | 'seconds'
  | 'string[]'
  | 'string|integer'
  | { object: ObjectSchema }
  | { list: ObjectSchema };

export interface Field {
  type: FieldType;
  required?: boolean;
  /**
   * An identifier (a string): at most 128 printable characters. `'non-empty'` also refuses
   * '' (a SessionId, the RecordId a recording push is about); `'may-be-empty'` accepts ''
   * where TCCC sends it for "none" (a CDR's or a leg's RecordId when nothing was recorded:
   * Tencent's DescribeTelCdr example and the mock send `RecordId: ""`).
   */
  identifier?: 'non-empty' | 'may-be-empty';
}

export interface ObjectSchema {
  /** The object's name in the spec (for messages and the spec test). */
  name: string;
  fields: Readonly<Record<string, Field>>;
}

const s = (required = false): Field => ({ type: 'string', required });
/** SessionId: required, never empty. */
const sessionId = (): Field => ({ type: 'string', required: true, identifier: 'non-empty' });
/** A RecordId that is '' when the call (or leg) has no recording. */
const optionalRecordId = (): Field => ({ type: 'string', identifier: 'may-be-empty' });
const i = (): Field => ({ type: 'integer' });
const t = (): Field => ({ type: 'seconds' });

export const IVR_KEY_PRESSED_ELEMENT: ObjectSchema = {
  name: 'IVRKeyPressedElement',
  fields: {
    Key: s(),
    Label: s(),
    // Milliseconds in Tencent's example (1729756303211), unlike the record's own times.
    Timestamp: i(),
    NodeLabel: s(),
    OriginalContent: s(),
    TTSPrompt: s(),
  },
};

export const SEAT_USER_INFO: ObjectSchema = {
  name: 'SeatUserInfo',
  fields: {
    Name: s(true),
    Mail: s(true),
    StaffNumber: s(true),
    Phone: s(),
    Nick: s(),
    UserId: s(),
    SkillGroupNameList: { type: 'string[]' },
    Role: i(),
    ExtensionNumber: s(),
  },
};

export const SERVE_PARTICIPANT: ObjectSchema = {
  name: 'ServeParticipant',
  fields: {
    Mail: s(),
    Phone: s(),
    RingTimestamp: t(),
    AcceptTimestamp: t(),
    EndedTimestamp: t(),
    RecordId: optionalRecordId(),
    Type: s(),
    TransferFrom: s(),
    TransferFromType: s(),
    TransferTo: s(),
    TransferToType: s(),
    SkillGroupId: i(),
    EndStatusString: s(),
    RecordURL: s(),
    Sequence: i(),
    StartTimestamp: t(),
    SkillGroupName: s(),
    CustomRecordURL: s(),
  },
};

/** TelCdrInfo: what DescribeTelCdr lists and the CDR push carries. */
export const TEL_CDR_INFO: ObjectSchema = {
  name: 'TelCdrInfo',
  fields: {
    Caller: s(),
    Callee: s(),
    Time: t(),
    Direction: i(),
    CallType: i(),
    Duration: i(),
    RecordURL: s(),
    RecordId: optionalRecordId(),
    SeatUser: { type: { object: SEAT_USER_INFO } },
    EndStatus: i(),
    SkillGroup: s(),
    CallerLocation: s(),
    IVRDuration: i(),
    RingTimestamp: t(),
    AcceptTimestamp: t(),
    EndedTimestamp: t(),
    IVRKeyPressed: { type: 'string[]' },
    IVRKeyPressedEx: { type: { list: IVR_KEY_PRESSED_ELEMENT } },
    HungUpSide: s(),
    ServeParticipants: { type: { list: SERVE_PARTICIPANT } },
    SkillGroupId: i(),
    EndStatusString: s(),
    StartTimestamp: t(),
    QueuedTimestamp: t(),
    PostIVRKeyPressed: { type: { list: IVR_KEY_PRESSED_ELEMENT } },
    PostIVRKeyPressedEx: { type: { list: IVR_KEY_PRESSED_ELEMENT } },
    QueuedSkillGroupId: i(),
    SessionId: sessionId(),
    ProtectedCaller: s(),
    ProtectedCallee: s(),
    Uui: s(),
    UUI: s(),
    AsrUrl: s(),
    AsrStatus: s(),
    CustomRecordURL: s(),
    Remark: s(),
    QueuedSkillGroupName: s(),
    VoicemailRecordURL: { type: 'string[]' },
    VoicemailAsrURL: { type: 'string[]' },
    AIAgentId: i(),
    AIAgentName: s(),
    SysHangupReason: i(),
    SysHangupReasonString: s(),
  },
};

/** The CDR push body: TelCdrInfo plus the members only pushes carry (§6.2). */
export const CDR_PUSH: ObjectSchema = {
  name: 'CDR push',
  fields: { ...TEL_CDR_INFO.fields, SdkAppId: i(), UserRemark: s() },
};

/** `action=record`: one push per leg of a call (§6.2). */
export const RECORDING_PUSH: ObjectSchema = {
  name: 'recording push',
  fields: {
    SdkAppId: i(),
    // The recording this push is about: never empty.
    RecordId: { type: 'string', required: true, identifier: 'non-empty' },
    SessionId: sessionId(),
    Timestamp: t(),
    EndpointUser: s(),
    RecordURL: s(),
    CustomRecordURL: s(),
  },
};

/** `action=voicemail` (§6.2): EndpointUser is a string in the table, a number in the sample. */
export const VOICEMAIL_PUSH: ObjectSchema = {
  name: 'voicemail push',
  fields: {
    SdkAppId: i(),
    SessionId: sessionId(),
    Timestamp: t(),
    RecordURL: s(true),
    EndpointUser: { type: 'string|integer' },
  },
};
