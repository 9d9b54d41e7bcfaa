import { useEffect, useLayoutEffect, useMemo, useRef, useSyncExternalStore } from 'react';
import type { TcccEventName, TcccListener } from '../types.js';
import type { TcccConnectionState } from './connection.js';
import { useTcccStore } from './provider.js';

export interface TcccConnectionActions {
  /** Loads the SDK; does nothing while connecting or connected (one SDK URL per intent). */
  connect(): void;
  /** Seat-safe teardown of whatever is loaded, then a new load with a fresh SDK URL. */
  reconnect(): void;
  /** Takes the seat offline and unloads the SDK; resolves once both are done. */
  disconnect(): Promise<void>;
}

export type UseTcccConnectionResult = TcccConnectionState & TcccConnectionActions;

/**
 * The connection state of the nearest `TcccProvider` (`idle`, `connecting`, `ready`,
 * `disconnected`, `failed`, with the SDK, the error or the reason), and its actions.
 */
export function useTcccConnection(): UseTcccConnectionResult {
  const store = useTcccStore('useTcccConnection');
  const state = useSyncExternalStore(store.subscribe, store.getSnapshot, store.getServerSnapshot);
  return useMemo(
    () => ({
      ...state,
      connect: store.connect,
      reconnect: store.reconnect,
      disconnect: store.disconnect,
    }),
    [state, store],
  );
}

/**
 * Calls `handler` for each `name` event of the SDK, typed by the event map; on the SDK loaded
 * now and on any later one (after a reconnect). The latest `handler` is called, so an inline
 * arrow does not resubscribe. `ready` fires each time a load completes.
 */
export function useTcccEvent<K extends TcccEventName>(name: K, handler: TcccListener<K>): void {
  const store = useTcccStore('useTcccEvent');
  const latest = useRef(handler);
  useLayoutEffect(() => {
    latest.current = handler;
  });
  useEffect(() => store.on(name, (event) => latest.current(event)), [store, name]);
}
