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
   * Automatic retries of a failed load. 0: every Connect, Retry and Reconnect spends exactly
   * one SDK URL (one CreateSDKLoginToken call), and a failure is shown at once with its cause.
   */
  loadRetries: 0,
  /** How long taking the seat offline may take before the SDK is torn down anyway. */
  offlineTimeoutMs: 3_000,
  /** After TCCC ended the session (`loggedOut` expired), wait this long before reconnecting. */
  autoReconnectDelaysMs: [1_000, 5_000, 15_000],
  /**
   * Hide the SDK's own floating panel (`tccc.UI.hide()`) once it is ready: this console is
   * the agent's UI, and a second Accept button floating over it confuses. Off when the agent
   * chose to embed the SDK's workbench in the page.
   */
  hideSdkUi: true,
  /** Element the SDK renders its workbench into when "Show the SDK workbench" is ticked. */
  workbenchElementId: 'tccc-workbench',
  /** The developer panel's event log keeps this many entries, dropping the oldest. */
  eventLogLimit: 200,
  /** How often recent calls are asked for (an unchanged list costs a bodyless 304). */
  recentCallsPollMs: 10_000,
  /** "Use here" waits this long for the other tab to let go before taking the seat anyway. */
  takeOverTimeoutMs: 8_000,
} as const;
