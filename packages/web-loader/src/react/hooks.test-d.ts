// Type-level tests of the React binding, checked by `tsc --noEmit` (pnpm typecheck).
import { expectTypeOf } from 'vitest';
import type { TcccLoadError } from '../errors.js';
import type { CallInEvent, LoggedOutReason, Tccc } from '../types.js';
import { type TcccProviderProps, useTcccConnection, useTcccEvent } from './index.js';

// Hooks are called in a component, as the rules of hooks demand; it is never rendered.
export function Component(): null {
  // Handlers are typed by the event map, the extension events included.
  useTcccEvent('callIn', (event) => expectTypeOf(event).toEqualTypeOf<CallInEvent>());
  useTcccEvent('loggedOut', (event) => expectTypeOf(event.reason).toEqualTypeOf<LoggedOutReason>());
  useTcccEvent('ready', (event) => expectTypeOf(event).toBeUndefined());
  // @ts-expect-error unknown event names are refused
  useTcccEvent('callEnded', () => {});
  // @ts-expect-error a handler of one event does not fit another
  useTcccEvent('sessionEnded', (event: CallInEvent) => event.type);

  // The connection is a union narrowed by status: the SDK, the error, the reason where they exist.
  const connection = useTcccConnection();
  expectTypeOf(connection.status).toEqualTypeOf<
    'idle' | 'connecting' | 'ready' | 'disconnected' | 'failed'
  >();
  // @ts-expect-error tccc exists only in some states
  connection.tccc;
  if (connection.status === 'ready') expectTypeOf(connection.tccc).toEqualTypeOf<Tccc>();
  if (connection.status === 'failed') expectTypeOf(connection.error).toEqualTypeOf<TcccLoadError>();
  if (connection.status === 'disconnected') {
    expectTypeOf(connection.reason).toEqualTypeOf<'connectionLost' | LoggedOutReason>();
    if (connection.reason === 'connectionLost') {
      expectTypeOf(connection.detail).toBeString();
      expectTypeOf(connection.tccc).toEqualTypeOf<Tccc>();
    }
  }
  expectTypeOf(connection.connect).toEqualTypeOf<() => void>();
  expectTypeOf(connection.reconnect).toEqualTypeOf<() => void>();
  expectTypeOf(connection.disconnect).toEqualTypeOf<() => Promise<void>>();
  return null;
}

// The provider takes the loader's options but not a signal: it is the caller.
expectTypeOf<TcccProviderProps['sdkUrl']>().toEqualTypeOf<() => Promise<string>>();
// @ts-expect-error the provider makes its own signal
({ sdkUrl: async () => '', signal: new AbortController().signal }) satisfies TcccProviderProps;
