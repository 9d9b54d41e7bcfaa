/**
 * The store and its parts: what the mock knows (see store.ts). Later features (more cloud API
 * actions, the call lifecycle, CDRs, Data Push) read and write these tables.
 */
export {
  type CallRecord,
  type CallTable,
  type CallView,
  type Deadline,
  type Direction,
  durationSeconds,
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
} from './cdrs.js';
export { createMockClock, type MockClock, type MockClockOptions, toEpochMs } from './clock.js';
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
  type PushJournal,
  type PushOutcome,
  withoutUserInfo,
} from './pushes.js';
export {
  type EventSink,
  type SdkSession,
  type SessionTable,
  type SessionView,
  sessionView,
} from './sessions.js';
export { toSeatUserInfo, toSkillGroupInfoItem, toStaffInfo } from './shapes.js';
export type { SkillGroupRecord, SkillGroupSeed, SkillGroupTable } from './skill-groups.js';
export type {
  StaffChanges,
  StaffRecord,
  StaffSeed,
  StaffSkillGroup,
  StaffStatus,
  StaffTable,
} from './staff.js';
export { createMockStore, type MockSeed, type MockStore, type MockStoreOptions } from './store.js';
export type * from './tencent-types.js';
export type { TokenJournal, TokenLookup, TokenRecord } from './tokens.js';
