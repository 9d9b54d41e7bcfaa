/**
 * The store and its parts: what the mock knows (see store.ts). The SDK runtime, the cloud API
 * and the Data Push sender read and write these tables.
 */
export {
  type CallEnding,
  type CallLeg,
  type CallRecord,
  type CallTable,
  type CallView,
  currentLeg,
  type Deadline,
  type Direction,
  durationSeconds,
  type LegVia,
  MAX_ENDED_CALLS,
  stateOf,
  viewOf,
} from './calls.js';
export {
  type CdrInsert,
  type CdrPage,
  type CdrQuery,
  type CdrStore,
  createCdrStore,
  MAX_CDRS_PER_APP,
} from './cdrs.js';
export { createMockClock, type MockClock, type MockClockOptions, toEpochMs } from './clock.js';
export { createDataPushTable, type DataPushTable } from './data-push.js';
export type { AccountTable, AppRecord, AppTable } from './directory.js';
export {
  type MockStateExport,
  maskSecretId,
  OMITTABLE,
  type Omittable,
  REDACTED,
  type StateExportOptions,
} from './export.js';
export {
  MAX_PUSH_ENTRIES,
  type NewPush,
  type PushAction,
  type PushAttempt,
  type PushEntry,
  type PushFilter,
  type PushJournal,
  type PushOutcome,
  withoutUserInfo,
} from './pushes.js';
export {
  type EventSink,
  MAX_ENDED_SESSION_NOTES,
  MAX_MISSED_EVENTS,
  type SdkSession,
  type SessionTable,
  type SessionView,
  sessionView,
} from './sessions.js';
export { toSeatUserInfo, toSkillGroupInfoItem, toStaffInfo } from './shapes.js';
export type { SkillGroupRecord, SkillGroupSeed, SkillGroupTable } from './skill-groups.js';
export {
  STATUS_DAY_UTC_OFFSET_MS,
  type StaffChanges,
  type StaffRecord,
  type StaffSeed,
  type StaffSkillGroup,
  type StaffStatus,
  type StaffTable,
  statusDayStart,
  statusTimeOn,
} from './staff.js';
export { createMockStore, type MockSeed, type MockStore, type MockStoreOptions } from './store.js';
export type * from './tencent-types.js';
export type { TokenJournal, TokenLookup, TokenRecord } from './tokens.js';
