import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TcccLoadError } from '../errors.js';
import type { LoadTcccOptions } from '../load.js';
import type { Tccc } from '../types.js';
import { TcccConnectionStore, type TcccLoader } from './connection.js';

/** A stand-in SDK: listeners by name, and `emit` for the test. */
function fakeTccc() {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const tccc = {
    on: (name: string, listener: (payload: unknown) => void) => {
      const set = listeners.get(name) ?? new Set();
      listeners.set(name, set);
      set.add(listener);
    },
    off: (name: string, listener: (payload: unknown) => void) => {
      listeners.get(name)?.delete(listener);
    },
  };
  return {
    tccc: tccc as unknown as Tccc,
    emit: (name: string, payload?: unknown) => {
      for (const listener of [...(listeners.get(name) ?? [])]) listener(payload);
    },
    listening: () => [...listeners].filter(([, set]) => set.size > 0).map(([name]) => name),
  };
}

/** A loader whose loads and unloads the test settles. */
function fakeLoader() {
  const loads: {
    options: LoadTcccOptions;
    resolve: (tccc: Tccc) => void;
    reject: (error: unknown) => void;
  }[] = [];
  const unloads: (() => void)[] = [];
  const loader: TcccLoader = {
    load: (options) =>
      new Promise((resolve, reject) => {
        loads.push({ options, resolve, reject });
      }),
    unload: () =>
      new Promise((resolve) => {
        unloads.push(resolve);
      }),
  };
  return { loader, loads, unloads };
}

const sdkUrl = async () => 'https://sdk.example.com/?token=t';
const flush = () => new Promise((resolve) => setTimeout(resolve));

let loader: ReturnType<typeof fakeLoader>;
let store: TcccConnectionStore;
let sdk: ReturnType<typeof fakeTccc>;

beforeEach(() => {
  loader = fakeLoader();
  store = new TcccConnectionStore(loader.loader);
  store.options = { sdkUrl, retries: 2 };
  sdk = fakeTccc();
});

afterEach(() => {
  vi.useRealTimers();
});

async function connected() {
  store.connect();
  loader.loads.at(-1)?.resolve(sdk.tccc);
  await flush();
}

describe('TcccConnectionStore', () => {
  it('goes connecting, then ready with the SDK the loader resolved, and emits ready', async () => {
    const seen: string[] = [];
    store.subscribe(() => seen.push(store.getSnapshot().status));
    const ready = vi.fn();
    store.on('ready', ready);
    store.connect();
    expect(store.getSnapshot()).toEqual({ status: 'connecting' });
    expect(loader.loads[0]?.options).toMatchObject({ sdkUrl, retries: 2 });
    expect(loader.loads[0]?.options.signal?.aborted).toBe(false);
    loader.loads[0]?.resolve(sdk.tccc);
    await flush();
    expect(store.getSnapshot()).toEqual({ status: 'ready', tccc: sdk.tccc });
    expect(seen).toEqual(['connecting', 'ready']);
    expect(ready).toHaveBeenCalledOnce();
  });

  it('loads once per intent: connect while connecting or ready loads nothing more', async () => {
    store.connect();
    store.connect();
    expect(loader.loads).toHaveLength(1);
    loader.loads[0]?.resolve(sdk.tccc);
    await flush();
    store.connect();
    expect(loader.loads).toHaveLength(1);
  });

  it('refuses to connect before a provider gave it options', () => {
    const bare = new TcccConnectionStore(loader.loader);
    expect(() => bare.connect()).toThrow(
      'connect() has no loader options: render a <TcccProvider> first',
    );
  });

  it("is failed with the loader's error; connect then loads again", async () => {
    const error = new TcccLoadError('timeout', 'SDK not ready in 30000 ms: check its host');
    store.connect();
    loader.loads[0]?.reject(error);
    await flush();
    expect(store.getSnapshot()).toEqual({ status: 'failed', error });
    store.connect();
    expect(loader.loads).toHaveLength(2);
    expect(store.getSnapshot().status).toBe('connecting');
  });

  it('disconnect goes idle at once and resolves when the unload has', async () => {
    await connected();
    let done = false;
    const disconnecting = store.disconnect().then(() => {
      done = true;
    });
    expect(store.getSnapshot()).toEqual({ status: 'idle' });
    expect(loader.unloads).toHaveLength(1);
    await flush();
    expect(done).toBe(false);
    loader.unloads[0]?.();
    await disconnecting;
    expect(done).toBe(true);
  });

  it('disconnect while connecting leaves the load (its signal aborts) and ignores its result', async () => {
    store.connect();
    const load = loader.loads[0];
    void store.disconnect();
    expect(load?.options.signal?.aborted).toBe(true);
    load?.resolve(sdk.tccc);
    await flush();
    expect(store.getSnapshot()).toEqual({ status: 'idle' });
    expect(sdk.listening()).toEqual([]);
  });

  it('reconnect unloads and loads again at once (the loader orders the two)', async () => {
    await connected();
    store.reconnect();
    expect(loader.unloads).toHaveLength(1);
    expect(loader.loads).toHaveLength(2);
    expect(store.getSnapshot()).toEqual({ status: 'connecting' });
    expect(sdk.listening()).toEqual([]);
  });

  it('connectionLost is disconnected with its reason, connectionRestored ready again', async () => {
    const lost = vi.fn();
    store.on('connectionLost', lost);
    await connected();
    sdk.emit('connectionLost', { reason: 'stream closed' });
    expect(store.getSnapshot()).toEqual({
      status: 'disconnected',
      reason: 'connectionLost',
      detail: 'stream closed',
      tccc: sdk.tccc,
    });
    expect(lost).toHaveBeenCalledWith({ reason: 'stream closed' });
    // Still loaded: connect does not load a second SDK.
    store.connect();
    expect(loader.loads).toHaveLength(1);
    sdk.emit('connectionRestored', {});
    expect(store.getSnapshot()).toEqual({ status: 'ready', tccc: sdk.tccc });
  });

  it.each(['offline', 'takenOver', 'expired'] as const)(
    'loggedOut %s is disconnected with that reason and unloads the SDK',
    async (reason) => {
      const loggedOut = vi.fn();
      store.on('loggedOut', loggedOut);
      await connected();
      sdk.emit('loggedOut', { reason });
      expect(store.getSnapshot()).toEqual({ status: 'disconnected', reason });
      expect(loader.unloads).toHaveLength(1);
      expect(loggedOut).toHaveBeenCalledWith({ reason });
      expect(sdk.listening()).toEqual([]);
      store.connect();
      expect(loader.loads).toHaveLength(2);
    },
  );

  it('hands events of the SDK loaded now and of later ones to handlers subscribed before', async () => {
    const callIn = vi.fn();
    const unsubscribe = store.on('callIn', callIn);
    await connected();
    sdk.emit('callIn', { sessionId: 'first' });
    const next = fakeTccc();
    store.reconnect();
    loader.loads[1]?.resolve(next.tccc);
    await flush();
    sdk.emit('callIn', { sessionId: 'from the old SDK' });
    next.emit('callIn', { sessionId: 'second' });
    unsubscribe();
    next.emit('callIn', { sessionId: 'after unsubscribe' });
    expect(callIn.mock.calls).toEqual([[{ sessionId: 'first' }], [{ sessionId: 'second' }]]);
  });

  it('listens to an event first subscribed while the SDK is loaded', async () => {
    await connected();
    const ended = vi.fn();
    store.on('sessionEnded', ended);
    sdk.emit('sessionEnded', { sessionId: 's', closeBy: 'client' });
    expect(ended).toHaveBeenCalledOnce();
  });

  it('a throwing handler does not keep the others from the event; its error is rethrown apart', async () => {
    const rethrown: (() => void)[] = [];
    vi.stubGlobal('queueMicrotask', (task: () => void) => rethrown.push(task));
    try {
      const second = vi.fn();
      store.on('callIn', () => {
        throw new Error('broken handler');
      });
      store.on('callIn', second);
      await connected();
      sdk.emit('callIn', { sessionId: 's' });
      expect(second).toHaveBeenCalledOnce();
      expect(rethrown).toHaveLength(1);
      expect(rethrown[0]).toThrow('broken handler');
    } finally {
      vi.unstubAllGlobals();
    }
  });

  describe('mount', () => {
    it('an unmount followed by a mount in the same task keeps the load', async () => {
      vi.useFakeTimers();
      const unmount = store.mount();
      store.connect();
      unmount();
      const remount = store.mount();
      store.connect();
      await vi.runAllTimersAsync();
      expect(loader.loads).toHaveLength(1);
      expect(loader.loads[0]?.options.signal?.aborted).toBe(false);
      expect(store.getSnapshot().status).toBe('connecting');
      remount();
    });

    it('the last unmount leaves a load in progress after the task, and goes idle', async () => {
      vi.useFakeTimers();
      const first = store.mount();
      const second = store.mount();
      store.connect();
      first();
      await vi.runAllTimersAsync();
      expect(loader.loads[0]?.options.signal?.aborted).toBe(false);
      second();
      expect(loader.loads[0]?.options.signal?.aborted).toBe(false);
      await vi.runAllTimersAsync();
      expect(loader.loads[0]?.options.signal?.aborted).toBe(true);
      expect(loader.unloads).toHaveLength(0);
      expect(store.getSnapshot()).toEqual({ status: 'idle' });
    });

    it('the last unmount unloads a loaded SDK seat-safely', async () => {
      const unmount = store.mount();
      await connected();
      vi.useFakeTimers();
      unmount();
      await vi.runAllTimersAsync();
      expect(loader.unloads).toHaveLength(1);
      expect(store.getSnapshot()).toEqual({ status: 'idle' });
    });

    it('the last unmount forgets a failure: the next provider starts idle', async () => {
      const unmount = store.mount();
      store.connect();
      loader.loads[0]?.reject(new TcccLoadError('script', 'SDK script failed'));
      await flush();
      vi.useFakeTimers();
      unmount();
      await vi.runAllTimersAsync();
      expect(store.getSnapshot()).toEqual({ status: 'idle' });
      expect(loader.unloads).toHaveLength(0);
    });
  });

  it('answers idle to the server, whatever the state', async () => {
    await connected();
    expect(store.getServerSnapshot()).toEqual({ status: 'idle' });
  });
});
