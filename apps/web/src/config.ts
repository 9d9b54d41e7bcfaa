/**
 * The console's tunables, in one place. None of them is a secret: this file ends up in the
 * browser bundle. The SDK URL is never configured here; the server mints a fresh one per load.
 */
export const consoleConfig = {
  /** The backend route that mints a one-time SDK URL for the signed-in agent. */
  sdkUrlEndpoint: '/api/tccc/sdk-url',
  /** How long the SDK may take from script injection to `ready` before we call it a timeout. */
  loadTimeoutMs: 30_000,
  /**
   * How many times the loader fetches a fresh URL and tries again by itself (e.g. after
   * `tokenExpired`) before the console shows the failure and its Retry button.
   */
  loadRetries: 1,
  /** Element the SDK renders its workbench into when "Show the SDK workbench" is ticked. */
  workbenchElementId: 'tccc-workbench',
  /** The event log keeps this many entries, dropping the oldest. */
  eventLogLimit: 200,
} as const;
