import {
  createContext,
  createElement,
  type ReactNode,
  useContext,
  useEffect,
  useState,
} from 'react';
import { loadTccc, unloadTccc } from '../load.js';
import { offlineOnPageHide } from '../page-hide.js';
import { type TcccConnectionOptions, TcccConnectionStore } from './connection.js';

export interface TcccProviderProps extends TcccConnectionOptions {
  /** Connect when the provider mounts, instead of waiting for `connect()`. Default false. */
  autoConnect?: boolean;
  /** Ask the SDK to take the seat offline on `pagehide` (see `offlineOnPageHide`). Default true. */
  offlineOnPageHide?: boolean;
  children?: ReactNode;
}

export const TcccContext = createContext<TcccConnectionStore | null>(null);

/**
 * One connection per page, as there is one SDK per page: every provider (a remount, a
 * provider moved in the tree, two at once) shares it, so none can unload the SDK another is
 * showing. Created on first render; it holds no options and does no I/O until a provider's
 * effects run, so on the server it stays idle and keeps nothing of any request.
 */
let pageConnection: TcccConnectionStore | undefined;
const connectionOfPage = () => {
  pageConnection ??= new TcccConnectionStore({ load: loadTccc, unload: unloadTccc });
  return pageConnection;
};

/**
 * Gives the components below it the page's TCCC SDK connection: `useTcccConnection()` and
 * `useTcccEvent()`. Put one near the root, inside the signed-in part of the app. When the last
 * provider unmounts, the seat goes offline and the SDK is unloaded (a StrictMode remount, or a
 * provider moved in the tree, keeps the connection). Renders nothing of its own and touches no
 * browser API while rendering, so it can render on the server.
 */
export function TcccProvider(props: TcccProviderProps): ReactNode {
  const { autoConnect = false, offlineOnPageHide: onPageHide = true, children, ...options } = props;
  const [store] = useState(connectionOfPage);
  // The latest props win at the next connect (an inline sdkUrl arrow is new on every render).
  // Declared first: effects run in order, so the options are there before autoConnect.
  useEffect(() => {
    store.options = options;
  });
  useEffect(() => store.mount(), [store]);
  useEffect(() => {
    if (autoConnect) store.connect();
  }, [store, autoConnect]);
  useEffect(() => (onPageHide ? offlineOnPageHide() : undefined), [onPageHide]);
  return createElement(TcccContext, { value: store }, children);
}

/** The provider's connection, or an error that says where the provider belongs. */
export function useTcccStore(hook: string): TcccConnectionStore {
  const store = useContext(TcccContext);
  if (!store) {
    throw new Error(`${hook}() needs a <TcccProvider> above it: wrap the console in one`);
  }
  return store;
}
