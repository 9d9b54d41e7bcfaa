/**
 * Accounts (API keys that may sign cloud API requests) and apps (SdkAppIds). Both come from
 * the seed and change only when the mock is re-seeded.
 */

export interface MockAccount {
  readonly secretId: string;
  readonly secretKey: string;
}

export interface AppRecord {
  readonly sdkAppId: number;
}

export interface AccountTable {
  list(): readonly MockAccount[];
  find(secretId: string): MockAccount | undefined;
}

export interface AppTable {
  list(): readonly AppRecord[];
  get(sdkAppId: number): AppRecord | undefined;
  /** The first app: the default where a caller names none. */
  first(): AppRecord | undefined;
}

export function createAccountTable(accounts: readonly MockAccount[]): AccountTable {
  const list = Object.freeze(accounts.map((account) => Object.freeze({ ...account })));
  const bySecretId = new Map(list.map((account) => [account.secretId, account]));
  return { list: () => list, find: (secretId) => bySecretId.get(secretId) };
}

export function createAppTable(apps: readonly AppRecord[]): AppTable {
  const list = Object.freeze(apps.map(({ sdkAppId }) => Object.freeze({ sdkAppId })));
  const byId = new Map(list.map((app) => [app.sdkAppId, app]));
  return { list: () => list, get: (sdkAppId) => byId.get(sdkAppId), first: () => list[0] };
}
