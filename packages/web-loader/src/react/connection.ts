/**
 * The connection behind `TcccProvider`, free of React so that its rules can be read (and
 * tested) alone: one SDK load at a time, the connection state, the extension events that
 * change it, an event hub for `useTcccEvent`, and leaving when the provider unmounts.
 */
import type { TcccLoadError } from '../errors.js';
import type { LoadTcccOptions, UnloadTcccOptions } from '../load.js';
import type { LoggedOutReason, Tccc, TcccEventMap, TcccEventName, TcccListener } from '../types.js';

/** The loader options a provider takes: everything but the per-caller `signal`. */
export type TcccConnectionOptions = Omit<LoadTcccOptions, 'signal'>;

export type TcccConnectionStatus = 'idle' | 'connecting' | 'ready' | 'disconnected' | 'failed';

/** Why a connection is `disconnected`: the stream was lost, or the SDK session ended. */
export type TcccDisconnectReason = 'connectionLost' | LoggedOutReason;

export type TcccConnectionState =
  /** Nothing loaded: before `connect()`, and after `disconnect()`. */
  | { status: 'idle' }
  /** Loading the SDK (fetching an SDK URL, the script, waiting for `ready`). */
  | { status: 'connecting' }
  | { status: 'ready'; tccc: Tccc }
  /**
   * [unconfirmed] `connectionLost`: the SDK lost its event stream and reconnects on its own;
   * inbound calls are not received meanwhile. Back to `ready` on `connectionRestored`.
   */
  | { status: 'disconnected'; reason: 'connectionLost'; detail: string; tccc: Tccc }
  /**
   * [unconfirmed] `loggedOut`: the seat's SDK session ended (`offline`: someone called
   * `Agent.offline()`; `takenOver`: a newer login of this seat; `expired`: lost too long).
   * The SDK has been unloaded; `connect()` or `reconnect()` loads a new one.
   */
  | { status: 'disconnected'; reason: LoggedOutReason }
  /** The load failed; `error.reason` says which step (see the README's Errors). */
  | { status: 'failed'; error: TcccLoadError };

/** The two loader functions the connection uses; tests give their own. */
export interface TcccLoader {
  load(options: LoadTcccOptions): Promise<Tccc>;
  unload(options?: UnloadTcccOptions): Promise<void>;
}

type Handler = (payload: unknown) => void;

const IDLE: TcccConnectionState = { status: 'idle' };

/** Events whose SDK listener the connection keeps itself, to follow the state. */
const STATE_EVENTS = ['connectionLost', 'connectionRestored', 'loggedOut'] as const;

export class TcccConnectionStore {
  /** Read at each `connect()`; the provider sets it from its props when it mounts or changes. */
  options: TcccConnectionOptions | undefined;
  readonly #loader: TcccLoader;
  #state = IDLE;
  readonly #subscribers = new Set<() => void>();
  /** `useTcccEvent` handlers by event name. */
  readonly #handlers = new Map<TcccEventName, Set<Handler>>();
  /** The loaded SDK this connection listens to, and its listeners by event name. */
  #tccc: Tccc | undefined;
  readonly #sdkListeners = new Map<TcccEventName, Handler>();
  /** This connection's caller handle on the load in progress. */
  #loading: AbortController | undefined;
  #mounts = 0;
  #leaving: ReturnType<typeof setTimeout> | undefined;

  constructor(loader: TcccLoader) {
    this.#loader = loader;
  }

  // Arrow properties: stable functions that React and the hooks can hand around unbound.

  getSnapshot = (): TcccConnectionState => this.#state;

  getServerSnapshot = (): TcccConnectionState => IDLE;

  subscribe = (onChange: () => void): (() => void) => {
    this.#subscribers.add(onChange);
    return () => this.#subscribers.delete(onChange);
  };

  /** Loads the SDK, unless a load is in progress or an SDK is loaded (one URL per intent). */
  connect = (): void => {
    const { options } = this;
    if (!options) throw new Error('connect() has no loader options: render a <TcccProvider> first');
    if (this.#loading || this.#tccc) return;
    const handle = new AbortController();
    this.#loading = handle;
    this.#set({ status: 'connecting' });
    this.#loader.load({ ...options, signal: handle.signal }).then(
      (tccc) => {
        if (this.#loading !== handle) return;
        this.#loading = undefined;
        this.#listenTo(tccc);
        this.#set({ status: 'ready', tccc });
        this.#emit('ready', undefined);
      },
      (error: TcccLoadError) => {
        if (this.#loading !== handle) return;
        this.#loading = undefined;
        this.#set({ status: 'failed', error });
      },
    );
  };

  /**
   * Takes the seat offline and unloads the SDK (`unloadTccc`), then loads it again with a
   * fresh SDK URL. The new load starts once the teardown is over.
   */
  reconnect = (): void => {
    void this.#teardown();
    this.connect();
  };

  /** Goes `idle` at once; resolves once the seat is offline and the SDK is gone. */
  disconnect = (): Promise<void> => {
    const done = this.#teardown();
    this.#set(IDLE);
    return done;
  };

  /** Subscribes a handler to an SDK event, on the SDK loaded now and on every later one. */
  on<K extends TcccEventName>(name: K, handler: TcccListener<K>): () => void {
    let handlers = this.#handlers.get(name);
    if (!handlers) {
      handlers = new Set();
      this.#handlers.set(name, handlers);
      if (this.#tccc) this.#listen(this.#tccc, name);
    }
    handlers.add(handler as Handler);
    return () => {
      handlers.delete(handler as Handler);
    };
  }

  /**
   * A provider mounted. Returns its unmount: when the last provider has gone and none came
   * back within the task (a StrictMode remount, a provider moved in the tree), the connection
   * leaves and goes idle: a load in progress is left to its other callers (stopped if there
   * are none), a loaded SDK is unloaded seat-safely, a failure is forgotten.
   */
  mount(): () => void {
    this.#mounts++;
    clearTimeout(this.#leaving);
    return () => {
      if (--this.#mounts) return;
      this.#leaving = setTimeout(() => {
        if (this.#tccc) {
          void this.disconnect();
          return;
        }
        this.#loading?.abort();
        this.#loading = undefined;
        this.#set(IDLE);
      });
    };
  }

  /** Leaves the load in progress, stops listening, and unloads whatever the page holds. */
  #teardown(): Promise<void> {
    this.#loading?.abort();
    this.#loading = undefined;
    this.#stopListening();
    // The load's own offlineTimeoutMs bounds the wait for Agent.offline().
    return this.#loader.unload();
  }

  #listenTo(tccc: Tccc): void {
    this.#tccc = tccc;
    for (const name of new Set<TcccEventName>([...STATE_EVENTS, ...this.#handlers.keys()])) {
      this.#listen(tccc, name);
    }
  }

  #listen(tccc: Tccc, name: TcccEventName): void {
    // `ready` has fired before the load resolves; the connection emits it itself.
    if (name === 'ready' || this.#sdkListeners.has(name)) return;
    const listener: Handler = (payload) => this.#onSdkEvent(name, payload);
    this.#sdkListeners.set(name, listener);
    tccc.on(name, listener);
  }

  #stopListening(): void {
    const tccc = this.#tccc;
    for (const [name, listener] of this.#sdkListeners) tccc?.off(name, listener);
    this.#sdkListeners.clear();
    this.#tccc = undefined;
  }

  #onSdkEvent(name: TcccEventName, payload: unknown): void {
    const state = this.#state;
    const tccc = this.#tccc;
    if (!tccc) return;
    if (name === 'connectionLost' && state.status === 'ready') {
      const { reason } = (payload ?? {}) as Partial<TcccEventMap['connectionLost']>;
      this.#set({ status: 'disconnected', reason: 'connectionLost', detail: reason ?? '', tccc });
    } else if (name === 'connectionRestored' && state.status === 'disconnected') {
      this.#set({ status: 'ready', tccc });
    } else if (name === 'loggedOut') {
      // The session is over: this SDK receives nothing more. Unload it (its offline() is
      // moot but harmless) so that the next connect starts clean.
      const { reason } = (payload ?? {}) as Partial<TcccEventMap['loggedOut']>;
      void this.#teardown();
      this.#set({ status: 'disconnected', reason: reason ?? 'expired' });
    }
    this.#emit(name, payload);
  }

  #emit(name: TcccEventName, payload: unknown): void {
    for (const handler of [...(this.#handlers.get(name) ?? [])]) {
      try {
        handler(payload);
      } catch (error) {
        // One broken handler must not starve the others: rethrown apart, as DOM events do.
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  }

  #set(state: TcccConnectionState): void {
    this.#state = state;
    for (const onChange of [...this.#subscribers]) onChange();
  }
}
