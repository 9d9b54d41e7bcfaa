/**
 * The whole state as JSON-ready data (GET /__tccc/state, `mock.store.export()`), for
 * debugging a test and for snapshots. Secrets are redacted: SecretKeys, SDK login tokens and
 * session credentials never appear, nor Data Push passwords and client secrets; a SecretId
 * shows only its first and last four characters.
 * Large collections can be left out (`omit`); `counts` always says how big each one is.
 */
import { type RedactedDataPush, redactDataPush } from '../push/config.js';
import { type CallView, viewOf } from './calls.js';
import type { AppRecord } from './directory.js';
import type { PushEntry } from './pushes.js';
import { type SessionView, sessionView } from './sessions.js';
import type { SkillGroupRecord } from './skill-groups.js';
import type { StaffRecord } from './staff.js';
import type { MockStore } from './store.js';
import type { TelCdrInfo } from './tencent-types.js';
import type { TokenRecord } from './tokens.js';

export const REDACTED = '[redacted]';

/** Collections that can be left out of an export (they can hold many thousands of items). */
export const OMITTABLE = ['tokens', 'calls', 'cdrs', 'pushes'] as const;
export type Omittable = (typeof OMITTABLE)[number];

export interface StateExportOptions {
  omit?: readonly Omittable[];
}

export interface MockStateExport {
  /** ISO-8601, mock clock. */
  exportedAt: string;
  counts: Record<'accounts' | 'apps' | 'staff' | 'skillGroups' | 'sessions' | Omittable, number>;
  accounts: { secretId: string; secretKey: typeof REDACTED }[];
  apps: AppRecord[];
  /** Each app's Data Push configuration, password and client secret redacted. */
  dataPush: { sdkAppId: number; config: RedactedDataPush }[];
  staff: (Omit<StaffRecord, 'statusSince'> & { statusSince: string })[];
  skillGroups: SkillGroupRecord[];
  sessions: SessionView[];
  calls?: CallView[];
  cdrs?: { sdkAppId: number; records: TelCdrInfo[] }[];
  tokens?: (Omit<TokenRecord, 'token'> & { token: typeof REDACTED })[];
  pushes?: PushEntry[];
}

/** `AKIDmock…0000`: enough to tell keys apart, not enough to use one. */
export function maskSecretId(secretId: string): string {
  return secretId.length > 12 ? `${secretId.slice(0, 4)}…${secretId.slice(-4)}` : REDACTED;
}

export function exportState(
  store: MockStore,
  nowMs: number,
  options: StateExportOptions = {},
): MockStateExport {
  const omit = new Set(options.omit ?? []);
  const staffStatus = (session: { sdkAppId: number; seatUserId: string }) =>
    store.staff.get(session.sdkAppId, session.seatUserId)?.status ?? 'offline';
  const result: MockStateExport = {
    exportedAt: new Date(nowMs).toISOString(),
    counts: {
      accounts: store.accounts.list().length,
      apps: store.apps.list().length,
      staff: store.staff.size,
      skillGroups: store.skillGroups.size,
      sessions: store.sessions.size,
      tokens: store.tokens.size,
      calls: store.calls.size,
      cdrs: store.cdrs.count(),
      pushes: store.pushes.size,
    },
    accounts: store.accounts
      .list()
      .map((account) => ({ secretId: maskSecretId(account.secretId), secretKey: REDACTED })),
    apps: [...store.apps.list()],
    dataPush: store.dataPush
      .list()
      .map(({ sdkAppId, config }) => ({ sdkAppId, config: redactDataPush(config) })),
    staff: store.staff
      .list()
      .map((member) => ({ ...member, statusSince: new Date(member.statusSince).toISOString() })),
    skillGroups: store.skillGroups.list(),
    sessions: store.sessions.list().map((session) => sessionView(session, staffStatus(session))),
  };
  if (!omit.has('calls')) result.calls = store.calls.list().map(viewOf);
  if (!omit.has('cdrs')) {
    result.cdrs = store.cdrs
      .appIds()
      .map((sdkAppId) => ({ sdkAppId, records: store.cdrs.list(sdkAppId) }));
  }
  if (!omit.has('tokens')) {
    result.tokens = store.tokens.list().map((record) => ({ ...record, token: REDACTED }));
  }
  if (!omit.has('pushes')) result.pushes = store.pushes.list();
  return result;
}
