/**
 * `@tccc-kit/web-loader/react`: the React binding of the loader. React is an optional peer
 * dependency of the package; the root entry never imports it.
 */
export type {
  TcccConnectionOptions,
  TcccConnectionState,
  TcccConnectionStatus,
  TcccDisconnectReason,
} from './connection.js';
export {
  type TcccConnectionActions,
  type UseTcccConnectionResult,
  useTcccConnection,
  useTcccEvent,
} from './hooks.js';
export { TcccProvider, type TcccProviderProps } from './provider.js';
