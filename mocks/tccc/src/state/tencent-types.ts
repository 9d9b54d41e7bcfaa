/**
 * TCCC's own record shapes, as the cloud API answers them and Data Push sends them: member
 * names and types from Tencent's API description (../../../shared/tccc-spec, objects
 * `TelCdrInfo`, `SeatUserInfo`, `ServeParticipant`, `IVRKeyPressedElement`, `StaffInfo`,
 * `SkillGroupItem`, `SkillGroupInfoItem`). Every member is optional there; the mock's CDRs
 * always carry `SessionId` and `StartTimestamp`, which its CDR store indexes on. `types.test.ts`
 * checks each is assignable to tencentcloud-sdk-nodejs's own model.
 */

export interface IVRKeyPressedElement {
  Key?: string;
  Label?: string;
  /** Epoch milliseconds. */
  Timestamp?: number;
  NodeLabel?: string;
  OriginalContent?: string;
  TTSPrompt?: string;
}

export interface SeatUserInfo {
  Name: string;
  Mail: string;
  StaffNumber: string;
  Phone?: string;
  Nick?: string;
  UserId?: string;
  SkillGroupNameList?: string[];
  Role?: number;
  ExtensionNumber?: string;
}

export type ParticipantType = 'staffSeat' | 'outboundSeat' | 'staffPhoneSeat' | (string & {});

/** One leg of a call: an agent (or number) that served it. */
export interface ServeParticipant {
  Mail?: string;
  Phone?: string;
  RingTimestamp?: number;
  AcceptTimestamp?: number;
  EndedTimestamp?: number;
  RecordId?: string;
  Type?: ParticipantType;
  TransferFrom?: string;
  TransferFromType?: string;
  TransferTo?: string;
  TransferToType?: string;
  SkillGroupId?: number;
  EndStatusString?: string;
  RecordURL?: string;
  Sequence?: number;
  StartTimestamp?: number;
  SkillGroupName?: string;
  CustomRecordURL?: string;
}

/** A call-detail record. Timestamps are Unix seconds unless noted. */
export interface TelCdrInfo {
  /** Indexed: one CDR per SessionId per app. */
  SessionId: string;
  /** Indexed: DescribeTelCdr's window and order. */
  StartTimestamp: number;
  Caller?: string;
  Callee?: string;
  Time?: number;
  /** 0 inbound, 1 outbound. */
  Direction?: number;
  /** 1 voice outbound, 2 voice inbound, 3 audio/VoIP inbound, 5 predictive, 6 internal. */
  CallType?: number;
  Duration?: number;
  RecordURL?: string;
  RecordId?: string;
  SeatUser?: SeatUserInfo;
  EndStatus?: number;
  SkillGroup?: string;
  CallerLocation?: string;
  IVRDuration?: number;
  RingTimestamp?: number;
  AcceptTimestamp?: number;
  EndedTimestamp?: number;
  IVRKeyPressed?: string[];
  IVRKeyPressedEx?: IVRKeyPressedElement[];
  /** `user` | `seat` | `system`. */
  HungUpSide?: string;
  ServeParticipants?: ServeParticipant[];
  SkillGroupId?: number;
  EndStatusString?: string;
  QueuedTimestamp?: number;
  PostIVRKeyPressed?: IVRKeyPressedElement[];
  PostIVRKeyPressedEx?: IVRKeyPressedElement[];
  QueuedSkillGroupId?: number;
  ProtectedCaller?: string;
  ProtectedCallee?: string;
  /** Deprecated in the spec in favour of UUI; null allowed. */
  Uui?: string;
  UUI?: string;
  AsrUrl?: string;
  AsrStatus?: string;
  CustomRecordURL?: string;
  Remark?: string;
  QueuedSkillGroupName?: string;
  VoicemailRecordURL?: string[];
  VoicemailAsrURL?: string[];
  AIAgentId?: number;
  AIAgentName?: string;
  SysHangupReason?: number;
  SysHangupReasonString?: string;
}

export interface SkillGroupItem {
  SkillGroupId: number;
  SkillGroupName: string;
  Priority: number;
  Type: string;
}

export interface StaffInfo {
  Name?: string;
  Mail?: string;
  Phone?: string;
  Nick?: string;
  StaffNumber?: string;
  RoleList?: number[];
  SkillGroupList?: SkillGroupItem[];
  LastModifyTimestamp?: number;
  ExtensionNumber?: string;
}

export interface SkillGroupInfoItem {
  SkillGroupId?: number;
  SkillGroupName?: string;
  Type?: string;
  RoutePolicy?: string;
  UsingLastSeat?: number;
  MaxConcurrency?: number;
  LastModifyTimestamp?: number;
  SkillGroupType?: number;
  Alias?: string;
  RingAll?: boolean;
}
