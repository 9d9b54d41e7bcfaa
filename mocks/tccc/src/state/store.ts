/**
 * The mock's one store: everything TCCC would know, in one object on the mock
 * (`mock.store`, `ctx.store`), so reset, seeding and export act on one thing. Nothing else in
 * the mock keeps state of its own, apart from the machinery around it (fault rules, held
 * requests, rate-limit windows, the deadline timer), which the mock object also owns.
 *
 *   seed (config, options, POST /__tccc/seed) --> accounts, apps, staff, skill groups
 *   what happens                              --> tokens, sessions, calls, CDRs, pushes
 *   seed, then setDataPush / the control plane --> each app's Data Push configuration
 *
 * `reset()` forgets what happened and puts the seed back; `reseed(seed)` swaps the seed first.
 */
import type { ResolvedDataPush } from '../push/config.js';
import { type CallTable, createCallTable } from './calls.js';
import { type CdrStore, createCdrStore } from './cdrs.js';
import type { MockClock } from './clock.js';
import { createDataPushTable, type DataPushTable } from './data-push.js';
import {
  type AccountTable,
  type AppRecord,
  type AppTable,
  createAccountTable,
  createAppTable,
  type MockAccount,
} from './directory.js';
import { exportState, type MockStateExport, type StateExportOptions } from './export.js';
import { createPushJournal, type PushJournal } from './pushes.js';
import { createSessionTable, type SessionTable } from './sessions.js';
import {
  createSkillGroupTable,
  type SkillGroupSeed,
  type SkillGroupTable,
} from './skill-groups.js';
import { createStaffTable, type StaffSeed, type StaffTable } from './staff.js';
import { createTokenJournal, type TokenJournal } from './tokens.js';

/** What the store starts from, and returns to on reset. Validated by src/config/. */
export interface MockSeed {
  readonly accounts: readonly MockAccount[];
  readonly apps: readonly (AppRecord & { readonly dataPush?: ResolvedDataPush })[];
  readonly staff: readonly StaffSeed[];
  readonly skillGroups: readonly SkillGroupSeed[];
}

export interface MockStoreOptions {
  seed: MockSeed;
  clock: MockClock;
  tokens: { ttlSeconds: number; retentionSeconds: number; maxRecords: number };
  /** CDRs kept per app (the oldest go first); default MAX_CDRS_PER_APP. */
  cdrs?: { maxRecordsPerApp: number };
  /** Push journal entries kept (the oldest settled go first); default MAX_PUSH_ENTRIES. */
  pushes?: { maxEntries: number };
}

export interface MockStore {
  /** API keys that may sign cloud API requests. */
  readonly accounts: AccountTable;
  /** SdkAppIds. */
  readonly apps: AppTable;
  /** Agents (seats) per app, with their status. */
  readonly staff: StaffTable;
  readonly skillGroups: SkillGroupTable;
  /** SDK login tokens issued (CreateSDKLoginToken, POST /__tccc/tokens). */
  readonly tokens: TokenJournal;
  /** Logged-in fake SDKs and their open event streams. */
  readonly sessions: SessionTable;
  readonly calls: CallTable;
  readonly cdrs: CdrStore;
  /** Data Pushes sent, with attempts and outcomes. */
  readonly pushes: PushJournal;
  /** Each app's Data Push configuration (credentials included: never export it raw). */
  readonly dataPush: DataPushTable;
  /** The seed reset() returns to. */
  readonly seed: MockSeed;
  /** Forget everything that happened (sessions end, their streams close); put the seed back. */
  reset(): void;
  /** Replace the seed, then reset. */
  reseed(seed: MockSeed): void;
  /** The whole state as JSON-ready data, secrets redacted. */
  export(options?: StateExportOptions): MockStateExport;
}

export function createMockStore(options: MockStoreOptions): MockStore {
  const now = () => options.clock.now();
  let seed = options.seed;
  let accounts = createAccountTable(seed.accounts);
  let apps = createAppTable(seed.apps);
  const staff = createStaffTable(now);
  const skillGroups = createSkillGroupTable(now);
  const tokens = createTokenJournal({
    clock: options.clock,
    ttlSeconds: options.tokens.ttlSeconds,
    retentionSeconds: options.tokens.retentionSeconds,
    maxRecords: options.tokens.maxRecords,
  });
  const sessions = createSessionTable();
  const calls = createCallTable();
  const cdrs = createCdrStore(options.cdrs?.maxRecordsPerApp);
  const pushes = createPushJournal(now, options.pushes?.maxEntries);
  const dataPush = createDataPushTable();

  const plant = () => {
    accounts = createAccountTable(seed.accounts);
    apps = createAppTable(seed.apps);
    for (const group of seed.skillGroups) skillGroups.add(group);
    for (const member of seed.staff) staff.add(member);
    dataPush.plant(seed.apps);
  };
  plant();

  const store: MockStore = {
    get accounts() {
      return accounts;
    },
    get apps() {
      return apps;
    },
    staff,
    skillGroups,
    tokens,
    sessions,
    calls,
    cdrs,
    pushes,
    dataPush,
    get seed() {
      return seed;
    },
    reset() {
      sessions.clear();
      calls.clear();
      cdrs.clear();
      pushes.clear();
      tokens.clear();
      staff.clear();
      skillGroups.clear();
      plant();
    },
    reseed(next) {
      seed = next;
      store.reset();
    },
    export: (exportOptions) => exportState(store, now(), exportOptions),
  };
  return store;
}
