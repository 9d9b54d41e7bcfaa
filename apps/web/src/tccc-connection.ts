/**
 * The only module that talks to @tccc-kit/web-loader: load the SDK for the signed-in agent,
 * forward every SDK event, and tear it all down again. Against the real TCCC this file does
 * not change; only the server decides where the SDK URL points.
 */
import { fetchSdkUrl, loadTccc, type Tccc, unloadTccc } from '@tccc-kit/web-loader';
import { consoleConfig } from './config.js';

export interface ConnectOptions {
  /** Render the SDK's workbench into the page instead of its floating panel. */
  embed: boolean;
  /** The page's CSP nonce, given to the SDK script tag. */
  nonce: string | undefined;
  signal: AbortSignal;
  /** Called for every event the SDK emits, with the event's name and payload. */
  onEvent: (name: string, payload: unknown) => void;
}

export interface TcccConnection {
  tccc: Tccc;
  /** The agent status right after login, when the SDK can tell. */
  initialStatus: string | null;
  /** Stops forwarding events and unloads the SDK (script, its DOM, window.tccc). */
  close(): void;
}

export async function connectTccc(options: ConnectOptions): Promise<TcccConnection> {
  const tccc = await loadTccc({
    // A function, not a URL: each attempt (and each retry) gets a fresh one-time URL.
    sdkUrl: fetchSdkUrl({ endpoint: consoleConfig.sdkUrlEndpoint }),
    timeoutMs: consoleConfig.loadTimeoutMs,
    retries: consoleConfig.loadRetries,
    signal: options.signal,
    ...(options.nonce === undefined ? {} : { nonce: options.nonce }),
    ...(options.embed ? { renderDomId: consoleConfig.workbenchElementId } : {}),
  });
  if (options.signal.aborted) {
    unloadTccc();
    throw options.signal.reason;
  }

  // `ready` has fired by now (loadTccc resolves on it): record it so the log starts there.
  options.onEvent('ready', undefined);
  const unsubscribe = subscribeAll(tccc, options.onEvent);
  return {
    tccc,
    initialStatus: readStatus(tccc),
    close() {
      unsubscribe();
      unloadTccc();
    },
  };
}

/** Subscribes to every name in `tccc.events`, so new SDK events show up without code changes. */
function subscribeAll(tccc: Tccc, onEvent: (name: string, payload: unknown) => void): () => void {
  const subscriptions = Object.values(tccc.events).map((name) => {
    const handler = (payload: unknown) => onEvent(name, payload);
    tccc.on(name, handler);
    return () => tccc.off(name, handler);
  });
  return () => {
    for (const unsubscribe of subscriptions) unsubscribe();
  };
}

function readStatus(tccc: Tccc): string | null {
  try {
    const status: unknown = tccc.Agent.getStatus();
    return typeof status === 'string' ? status : null;
  } catch {
    return null;
  }
}

/** For sign-out while a load is still in flight: nothing is left behind either way. */
export function unloadAll(): void {
  unloadTccc();
}
