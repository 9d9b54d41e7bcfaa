/**
 * Each app's Data Push configuration (where its pushes go, how the mock authenticates), as
 * the seed gave it (`apps[].dataPush`) or as changed since (`mock.setDataPush`, the control
 * plane). Reset puts the seed's back. Holds credentials: views go through `redactDataPush`.
 */
import type { ResolvedDataPush } from '../push/config.js';

export interface DataPushTable {
  get(sdkAppId: number): ResolvedDataPush | undefined;
  /** Set (a config) or turn off (null) an app's pushes. */
  set(sdkAppId: number, config: ResolvedDataPush | null): void;
  /** Apps with a configuration, with it. */
  list(): { sdkAppId: number; config: ResolvedDataPush }[];
  /** Back to the seed's configurations. */
  plant(apps: readonly { sdkAppId: number; dataPush?: ResolvedDataPush }[]): void;
}

export function createDataPushTable(): DataPushTable {
  const configs = new Map<number, ResolvedDataPush>();
  return {
    get: (sdkAppId) => configs.get(sdkAppId),
    set(sdkAppId, config) {
      if (config === null) configs.delete(sdkAppId);
      else configs.set(sdkAppId, config);
    },
    list: () => [...configs].map(([sdkAppId, config]) => ({ sdkAppId, config })),
    plant(apps) {
      configs.clear();
      for (const app of apps) if (app.dataPush) configs.set(app.sdkAppId, app.dataPush);
    },
  };
}
