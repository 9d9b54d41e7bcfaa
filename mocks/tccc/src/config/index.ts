/**
 * Configuration of the mock: the seed of its store (accounts, apps and their seats, staff,
 * skill groups), the public origin of the SDK host, limits, and the control token. The same
 * shape comes from code (options) or a JSON file (`mock-tccc --config file.json`); both are
 * validated here, once, and every bad field is named. Values of secret fields are never
 * echoed. `POST /__tccc/seed` validates a new seed with `resolveMockSeed`.
 */
import { readFile } from 'node:fs/promises';
import type { ResolvedDataPush } from '../push/config.js';
import { DEFAULT_PUSH_SETTINGS, type PushSettings, readPushSettings } from '../push/settings.js';
import type { MockAccount } from '../state/directory.js';
import type { SkillGroupSeed } from '../state/skill-groups.js';
import type { StaffSeed } from '../state/staff.js';
import type { MockSeed } from '../state/store.js';
import { type MockAppConfig, type ReadApp, readAccounts, readApps } from './directory.js';
import { DEFAULT_LIMITS, type MockLimits, readControlToken, readLimits } from './limits.js';
import { checkKeys, isRecord, type Problems } from './read.js';
import { DEFAULT_SDK_SETTINGS, readSdkSettings, type SdkSettings } from './sdk.js';
import { type MockSkillGroupConfig, readSkillGroups } from './skill-groups.js';
import { completeStaff, type MockStaffConfig, readStaff } from './staff.js';

export { DEFAULT_PUSH_SETTINGS, type PushSettings } from '../push/settings.js';
export type { MockAccount } from '../state/directory.js';
export { DEFAULT_LIMITS, type MockLimits } from './limits.js';
export { DEFAULT_SDK_SETTINGS, type SdkSettings } from './sdk.js';
export type { MockAppConfig, MockSkillGroupConfig, MockStaffConfig };

/** The seed part of a config: what the store starts from and returns to on reset. */
export interface MockSeedConfig {
  accounts?: readonly MockAccount[];
  apps?: readonly MockAppConfig[];
  staff?: readonly MockStaffConfig[];
  skillGroups?: readonly MockSkillGroupConfig[];
}

/** What options or a JSON config file may contain. Every field is optional. */
export interface MockTcccConfig extends MockSeedConfig {
  /** Public base URL of the mock (scheme://host[:port]); SdkURL is built on it. */
  sdkOrigin?: string;
  limits?: Partial<MockLimits>;
  /** How the SDK half behaves where TCCC documents nothing (timeouts, grace, pacing). */
  sdk?: Partial<SdkSettings>;
  /** How the Data Push sender retries, times out and bounds its queue (every app). */
  push?: Partial<PushSettings>;
  /**
   * The secret every /__tccc/ request must carry in `X-TCCC-Control-Token`. Generated at
   * random per mock when absent (the test helpers pass it for you).
   */
  controlToken?: string;
}

export interface ResolvedMockTcccConfig extends MockSeed {
  /** Every app with the SeatUserIds of its staff (seats and staff entries) and its Data Push. */
  readonly apps: readonly {
    readonly sdkAppId: number;
    readonly seats: readonly string[];
    readonly dataPush?: ResolvedDataPush;
  }[];
  /** Undefined: SdkURL uses the origin of the incoming request. */
  readonly sdkOrigin: string | undefined;
  readonly limits: Readonly<MockLimits>;
  readonly sdk: Readonly<SdkSettings>;
  readonly push: Readonly<PushSettings>;
  /** Undefined: the mock generates one. */
  readonly controlToken: string | undefined;
}

export const DEFAULT_SDK_APP_ID = 1400000000;
export const DEFAULT_SECRET_ID = 'AKIDmocktccc000000000000000000000000';
export const DEFAULT_SECRET_KEY = 'mocktcccsecretkey000000000000000';
export const DEFAULT_SEATS = ['agent@example.com', 'agent2@example.com'] as const;

export class MockConfigError extends Error {
  override readonly name = 'MockConfigError';
  constructor(
    readonly source: string,
    readonly problems: readonly string[],
  ) {
    super(`Invalid mock TCCC config (${source}):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

const SEED_FIELDS = ['accounts', 'apps', 'staff', 'skillGroups'] as const;
const CONFIG_FIELDS = [
  ...SEED_FIELDS,
  'sdkOrigin',
  'limits',
  'sdk',
  'push',
  'controlToken',
] as const;

function readSeed(input: Record<string, unknown>, problems: Problems) {
  const accounts =
    input.accounts === undefined
      ? [{ secretId: DEFAULT_SECRET_ID, secretKey: DEFAULT_SECRET_KEY }]
      : readAccounts(input.accounts, problems);
  const apps: ReadApp[] =
    input.apps === undefined
      ? [{ sdkAppId: DEFAULT_SDK_APP_ID, seats: [...DEFAULT_SEATS] }]
      : readApps(input.apps, problems);
  const skillGroups: SkillGroupSeed[] =
    input.skillGroups === undefined ? [] : readSkillGroups(input.skillGroups, apps, problems);
  const explicit =
    input.staff === undefined ? [] : readStaff(input.staff, apps, skillGroups, problems);
  const staff: StaffSeed[] = completeStaff(apps, explicit);
  return { accounts, apps, skillGroups, staff };
}

function freezeSeed(seed: ReturnType<typeof readSeed>) {
  return {
    accounts: Object.freeze(seed.accounts.map((a) => Object.freeze(a))),
    apps: Object.freeze(
      seed.apps.map((app) =>
        Object.freeze({
          sdkAppId: app.sdkAppId,
          seats: Object.freeze(
            seed.staff
              .filter((member) => member.sdkAppId === app.sdkAppId)
              .map((member) => member.mail),
          ),
          ...(app.dataPush === undefined ? {} : { dataPush: app.dataPush }),
        }),
      ),
    ),
    staff: Object.freeze(seed.staff.map((member) => Object.freeze(member))),
    skillGroups: Object.freeze(seed.skillGroups.map((group) => Object.freeze(group))),
  };
}

/** Validate a seed (accounts, apps, staff, skill groups); throws MockConfigError naming every bad field. */
export function resolveMockSeed(input: unknown, source = 'seed'): MockSeed {
  if (!isRecord(input)) throw new MockConfigError(source, ['the seed must be a JSON object']);
  const problems: Problems = [];
  checkKeys(input, SEED_FIELDS, '', problems);
  const seed = readSeed(input, problems);
  if (problems.length > 0) throw new MockConfigError(source, problems);
  return freezeSeed(seed);
}

function readOrigin(value: unknown, problems: Problems): string | undefined {
  if (typeof value !== 'string') {
    problems.push('sdkOrigin must be a string such as "http://127.0.0.1:4000"');
    return undefined;
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    problems.push(`sdkOrigin ${JSON.stringify(value.slice(0, 64))} is not a URL`);
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    problems.push('sdkOrigin must use http: or https:');
    return undefined;
  }
  if ((url.pathname !== '/' && url.pathname !== '') || url.search || url.hash || url.username) {
    problems.push('sdkOrigin must be an origin only (scheme://host[:port]), without path or query');
    return undefined;
  }
  return url.origin;
}

/**
 * Validate a config (from options or parsed JSON) and fill in defaults. Throws
 * MockConfigError naming every bad field.
 */
export function resolveMockConfig(input: unknown = {}, source = 'options'): ResolvedMockTcccConfig {
  if (!isRecord(input)) {
    throw new MockConfigError(source, ['the config must be a JSON object']);
  }
  const problems: Problems = [];
  checkKeys(input, CONFIG_FIELDS, '', problems);
  const seed = readSeed(input, problems);
  const sdkOrigin =
    input.sdkOrigin === undefined ? undefined : readOrigin(input.sdkOrigin, problems);
  const limits =
    input.limits === undefined ? { ...DEFAULT_LIMITS } : readLimits(input.limits, problems);
  const sdk =
    input.sdk === undefined ? { ...DEFAULT_SDK_SETTINGS } : readSdkSettings(input.sdk, problems);
  const push =
    input.push === undefined
      ? { ...DEFAULT_PUSH_SETTINGS, retryDelaysMs: [...DEFAULT_PUSH_SETTINGS.retryDelaysMs] }
      : readPushSettings(input.push, problems);
  const controlToken =
    input.controlToken === undefined ? undefined : readControlToken(input.controlToken, problems);
  if (problems.length > 0) throw new MockConfigError(source, problems);
  return Object.freeze({
    ...freezeSeed(seed),
    sdkOrigin,
    limits: Object.freeze(limits),
    sdk: Object.freeze(sdk),
    push: Object.freeze({
      ...push,
      retryDelaysMs: Object.freeze(push.retryDelaysMs),
    }) as Readonly<PushSettings>,
    controlToken,
  });
}

/**
 * Read and validate a JSON config file; errors name the file and each bad field. Returns the
 * config as written (valid), to hand to `createMockTccc` / `startMockTcccServer` with more
 * options merged in.
 */
export async function loadConfigFile(path: string): Promise<MockTcccConfig> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    throw new MockConfigError(path, [`cannot read the file (${code})`]);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new MockConfigError(path, [`not valid JSON: ${(error as Error).message}`]);
  }
  resolveMockConfig(parsed, path);
  return parsed as MockTcccConfig;
}
