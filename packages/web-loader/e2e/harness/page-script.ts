/**
 * Runs in the loader test page (bundled by esbuild with the loader's source): exposes the
 * loader and a few helpers on `window` so that tests can drive it with page.evaluate.
 */

import type { LoadTcccOptions, Tccc } from '@tccc-kit/web-loader';
import * as loader from '@tccc-kit/web-loader';

/** A load's result as plain data (page.evaluate can only return JSON). */
export type LoadOutcome =
  | { ok: true; isGlobal: boolean }
  | {
      ok: false;
      name: string;
      reason: string;
      message: string;
      status?: number;
      code?: string;
    };

export interface HarnessLoadOptions extends Omit<LoadTcccOptions, 'sdkUrl' | 'signal'> {
  /** SDK URLs handed out first, in order; then fresh ones from POST `endpoint`. */
  urls?: string[];
  /**
   * Default `/sdk-url` (the page server mints one with the mock's control plane);
   * `/double-url?offline=…` gives URLs of the SDK test double.
   */
  endpoint?: string;
  /** Pass a signal that is already aborted. */
  preAborted?: boolean;
  /** Pass no signal at all: a caller that never leaves. */
  withoutSignal?: boolean;
}

export interface Harness {
  loader: typeof loader;
  /** How many times `sdkUrl()` was called since the page opened. */
  sdkUrlCalls: number;
  /** Aborts the signal shared by the loads `load()` started so far: they all leave. */
  abort(): void;
  load(options?: HarnessLoadOptions): Promise<LoadOutcome>;
  /** Starts `count` loads at once; `sameInstance` tells whether all got one object. */
  loadConcurrently(
    count: number,
    options?: HarnessLoadOptions,
  ): Promise<{ outcomes: LoadOutcome[]; sameInstance: boolean }>;
  /** Starts a load as caller `name`, with a signal of its own; see `leave` and `outcome`. */
  join(name: string, options?: HarnessLoadOptions): void;
  /** Caller `name` leaves: its signal aborts. */
  leave(name: string): void;
  /** The outcome of caller `name`'s load (once settled). */
  outcome(name: string): Promise<LoadOutcome>;
  /** The names of the callers whose load has settled by now, in order. */
  settled(): string[];
  /** What the page holds of the SDK now. */
  leftovers(): { scripts: number; sdkRoot: boolean; global: boolean; workbenchChildren: number };
}

declare global {
  interface Window {
    harness: Harness;
  }
}

let controller = new AbortController();
const callers = new Map<string, { controller: AbortController; outcome: Promise<LoadOutcome> }>();
const settledNames: string[] = [];

function start(options: HarnessLoadOptions = {}, signal = controller.signal): Promise<Tccc> {
  const { urls = [], endpoint = '/sdk-url', preAborted, withoutSignal, ...rest } = options;
  const queue = [...urls];
  const fresh = loader.fetchSdkUrl({ endpoint });
  // The SDK double is served by the page's own origin: script-src lets it in by the nonce.
  const nonce = endpoint.startsWith('/double-url') ? document.documentElement.dataset.nonce : '';
  return loader.loadTccc({
    ...(nonce ? { nonce } : {}),
    ...rest,
    ...(withoutSignal ? {} : { signal: preAborted ? AbortSignal.abort() : signal }),
    sdkUrl: () => {
      window.harness.sdkUrlCalls++;
      const next = queue.shift();
      return next === undefined ? fresh() : Promise.resolve(next);
    },
  });
}

function outcome(promise: Promise<Tccc>): Promise<LoadOutcome> {
  return promise.then(
    (tccc) => ({ ok: true as const, isGlobal: tccc === window.tccc }),
    (error: loader.TcccLoadError) => ({
      ok: false as const,
      name: error.name,
      reason: error.reason,
      message: error.message,
      status: error.status,
      code: error.code,
    }),
  );
}

window.harness = {
  loader,
  sdkUrlCalls: 0,
  abort() {
    controller.abort();
    controller = new AbortController();
  },
  load: (options) => outcome(start(options)),
  async loadConcurrently(count, options) {
    const loads = Array.from({ length: count }, () => start(options));
    const instances = await Promise.allSettled(loads);
    const first = instances[0];
    return {
      outcomes: await Promise.all(loads.map(outcome)),
      sameInstance: instances.every(
        (i) => i.status === 'fulfilled' && first?.status === 'fulfilled' && i.value === first.value,
      ),
    };
  },
  join(name, options) {
    const own = new AbortController();
    const result = outcome(start(options, own.signal));
    void result.then(() => settledNames.push(name));
    callers.set(name, { controller: own, outcome: result });
  },
  leave(name) {
    callers.get(name)?.controller.abort();
  },
  outcome(name) {
    const caller = callers.get(name);
    if (!caller) throw new Error(`no caller named ${name}: join first`);
    return caller.outcome;
  },
  settled: () => [...settledNames],
  leftovers: () => ({
    scripts: document.querySelectorAll('script[src*="/tccc.js"]').length,
    sdkRoot: document.getElementById('tcccSdkDomRoot') !== null,
    global: 'tccc' in window && window.tccc !== undefined,
    workbenchChildren: document.getElementById('workbench')?.childElementCount ?? -1,
  }),
};
