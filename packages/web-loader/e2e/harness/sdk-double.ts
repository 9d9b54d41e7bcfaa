/**
 * A test double of the TCCC Web SDK script, for what the fake SDK of the mock cannot be made
 * to do on cue: an `Agent.offline()` that resolves late, hangs, throws or returns void, and
 * the extension events (`connectionLost`, `connectionRestored`, `loggedOut`) emitted from the
 * test. Bundled by the page server and served at
 *   /double/tccc.js?n=<unique>&offline=<mode>&offlineMs=<ms>&ready=<0|1>
 * Each `offline()` call is recorded in `window.sdkDouble.log` with what the page held at that
 * moment, and sent as a beacon to the page server (beacons outlive the page: pagehide tests).
 */
import type { Tccc, TcccEventMap } from '@tccc-kit/web-loader';

export type OfflineMode = 'promise' | 'void' | 'hang' | 'throw' | 'reject';

export interface SdkDouble {
  /** Emits an event to the listeners of the SDK loaded now. */
  emit<K extends keyof TcccEventMap>(name: K, payload: TcccEventMap[K]): void;
  /** `offline`, `offline-settled`, each with what the page held: `script:in global:set root:in`. */
  log: string[];
}

declare global {
  interface Window {
    sdkDouble?: SdkDouble;
  }
}

const script = document.currentScript as HTMLScriptElement;
const params = new URL(script.src).searchParams;
const mode = (params.get('offline') ?? 'promise') as OfflineMode;
const offlineMs = Number(params.get('offlineMs') ?? 200);
const listeners = new Map<string, Set<(payload: unknown) => void>>();
const log: string[] = window.sdkDouble?.log ?? [];

const emit = (name: string, payload?: unknown) => {
  for (const listener of [...(listeners.get(name) ?? [])]) listener(payload);
};

const held = () =>
  [
    `script:${script.isConnected ? 'in' : 'out'}`,
    `global:${window.tccc === tccc ? 'set' : 'unset'}`,
    `root:${document.getElementById('tcccSdkDomRoot') ? 'in' : 'out'}`,
  ].join(' ');

const record = (what: string) => {
  log.push(`${what} ${held()}`);
  navigator.sendBeacon(`/double/beacon?n=${params.get('n')}`, what);
};

const success = { status: 'success' as const };
const unsupported = () => Promise.reject({ status: 'error', errorMsg: 'not in the SDK double' });

function offline() {
  record('offline');
  if (mode === 'throw') throw new Error('offline() threw (SDK double)');
  if (mode === 'void') return;
  if (mode === 'reject') return Promise.reject({ status: 'error', errorMsg: 'refused (double)' });
  return new Promise<typeof success>((resolve) => {
    if (mode === 'hang') return;
    setTimeout(() => {
      record('offline-settled');
      emit('loggedOut', { reason: 'offline' });
      resolve(success);
    }, offlineMs);
  });
}

const tccc = {
  events: {},
  on(name: string, listener: (payload: unknown) => void) {
    const set = listeners.get(name) ?? new Set();
    listeners.set(name, set);
    set.add(listener);
  },
  off(name: string, listener: (payload: unknown) => void) {
    listeners.get(name)?.delete(listener);
  },
  Agent: {
    online() {},
    offline,
    setStatus: () => Promise.resolve(success),
    getStatus: () => 'free',
  },
  Call: new Proxy({}, { get: () => unsupported }),
  Chat: new Proxy({}, { get: () => unsupported }),
  Video: new Proxy({}, { get: () => unsupported }),
  Devices: {
    isBrowserSupported: () => true,
    getMicrophones: unsupported,
    getSpeakers: unsupported,
  },
  UI: new Proxy({}, { get: () => () => {} }),
} as unknown as Tccc;

window.tccc = tccc;
window.sdkDouble = { emit: emit as SdkDouble['emit'], log };
// The real SDK renders its UI into this element; the loader removes it on teardown.
const root = document.createElement('t3c-sdk');
root.id = 'tcccSdkDomRoot';
document.body.append(root);
if (params.get('ready') !== '0') setTimeout(() => emit('ready'));
