/**
 * Runs in the test page (bundled by esbuild with the loader's source): exposes the loader and
 * a few helpers on `window` so that tests can drive it with page.evaluate.
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
  /** Default `/sdk-url` (the page server mints one with the mock's control plane). */
  endpoint?: string;
  /** Pass a signal that is already aborted. */
  preAborted?: boolean;
}

export interface Harness {
  loader: typeof loader;
  /** How many times `sdkUrl()` was called since the page opened. */
  sdkUrlCalls: number;
  /** Aborts the signal given to the loads started so far. */
  abort(): void;
  load(options?: HarnessLoadOptions): Promise<LoadOutcome>;
  /** Starts `count` loads at once; `sameInstance` tells whether all got one object. */
  loadConcurrently(
    count: number,
    options?: HarnessLoadOptions,
  ): Promise<{ outcomes: LoadOutcome[]; sameInstance: boolean }>;
  /** What the page holds of the SDK now. */
  leftovers(): { scripts: number; sdkRoot: boolean; global: boolean; workbenchChildren: number };
}

declare global {
  interface Window {
    harness: Harness;
  }
}

let controller = new AbortController();

function start(options: HarnessLoadOptions = {}): Promise<Tccc> {
  const { urls = [], endpoint = '/sdk-url', preAborted, ...rest } = options;
  const queue = [...urls];
  const fresh = loader.fetchSdkUrl({ endpoint });
  const signal = preAborted ? AbortSignal.abort() : controller.signal;
  return loader.loadTccc({
    ...rest,
    signal,
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
  leftovers: () => ({
    scripts: document.querySelectorAll('script[src*="/sdk/"]').length,
    sdkRoot: document.getElementById('tcccSdkDomRoot') !== null,
    global: 'tccc' in window && window.tccc !== undefined,
    workbenchChildren: document.getElementById('workbench')?.childElementCount ?? -1,
  }),
};
