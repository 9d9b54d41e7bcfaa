import { TcccLoadError, type TcccLoadErrorReason } from './errors.js';
import { isSdkUrl, NOT_HTTPS } from './sdk-url.js';
import type { Tccc } from './types.js';

export interface LoadTcccOptions {
  /** Returns a fresh, never-used SDK URL; called once per attempt. See `fetchSdkUrl`. */
  sdkUrl: () => Promise<string>;
  /** Id of an existing, empty element the SDK renders its workbench into (≥ 760×480). */
  renderDomId?: string;
  /** How long one attempt may take until `ready` or `tokenExpired`. Default 30000. */
  timeoutMs?: number;
  /** Further attempts, each with a new URL, after `tokenExpired` or a script error. Default 1. */
  retries?: number;
  /** The page's CSP nonce, set on the injected script. */
  nonce?: string;
  /**
   * This caller's handle: aborting it detaches this caller only (its promise rejects with
   * 'aborted'). The load stops when the last caller of a load in progress has left.
   */
  signal?: AbortSignal;
  /** How long a teardown of this load waits for `tccc.Agent.offline()`. Default 3000. */
  offlineTimeoutMs?: number;
}

export interface UnloadTcccOptions {
  /**
   * How long to wait for `tccc.Agent.offline()` when it returns a Promise before tearing
   * down anyway. Default: the load's `offlineTimeoutMs` (3000).
   */
  offlineTimeoutMs?: number;
}

// Written for the minifier (budget: see size.test.ts): module state instead of objects, one
// settle function per attempt that also builds the error, short messages of one pattern.

/** The load in progress or done, shared by every caller: one SDK per page. */
let current: Promise<Tccc> | undefined;
/** Callers of `current` that have not left; one without a signal never leaves. */
let callers = 0;
/** Settles the attempt in progress; undefined when none is. */
let stop: Settle | undefined;
let script: HTMLScriptElement | undefined;
let renderDomId: string | undefined;
/** The last teardown: an attempt starts after it, so one SDK at a time is on the page. */
let unloading: Promise<void> | undefined;
let offlineMs = 3000;
/** SDK URLs are single-use: never load one twice. */
const usedUrls = new Set<string>();

/** With no argument: success. Otherwise a failure: an error, or a reason and a message. */
type Settle = (failure?: TcccLoadError | TcccLoadErrorReason, message?: string) => void;

const aborted = () => new TcccLoadError('aborted', 'TCCC SDK load aborted');

/**
 * Loads the TCCC Web SDK and resolves with `window.tccc` once it emits `ready`. Concurrent
 * calls share one load; a call after success gets the same instance; a call after a failure
 * starts afresh. Each caller may leave through its own `signal`; the load stops only when
 * the last caller has left before it completed. Rejects with a `TcccLoadError`.
 */
export async function loadTccc(options: LoadTcccOptions): Promise<Tccc> {
  const { signal, renderDomId: id } = options;
  if (signal?.aborted) throw aborted();
  if (!current) {
    if (id && !document.getElementById(id)) {
      throw new TcccLoadError('render-dom', `No element has id "${id}": check renderDomId`);
    }
    renderDomId = id;
    offlineMs = options.offlineTimeoutMs ?? 3000;
    callers = 0;
    current = attempt(options, options.retries ?? 1);
  }
  const load = current;
  callers++;
  if (!signal) return load;
  return new Promise((resolve, reject) => {
    const leave = () => {
      reject(aborted());
      // The last caller left a load in progress: stop it once this task is over, unless a
      // caller joined meanwhile (React StrictMode unmounts and mounts again at once).
      if (load === current && !--callers) {
        setTimeout(() => callers || load !== current || stop?.(aborted()));
      }
    };
    signal.addEventListener('abort', leave);
    // The handlers never throw: this chain never rejects.
    load.then(resolve, reject).finally(() => signal.removeEventListener('abort', leave));
  });
}

/**
 * Takes the seat offline at TCCC, then tears the SDK down: stops a load in progress (it
 * rejects with reason 'aborted'), calls `tccc.Agent.offline()` and waits for it when it
 * returns a Promise (at most `offlineTimeoutMs`), then removes the script, the SDK's DOM and
 * `window.tccc`, so that a later `loadTccc` (say, another agent signing in) starts anew.
 * Resolves when done; never rejects.
 */
export function unloadTccc(options: UnloadTcccOptions = {}): Promise<void> {
  offlineMs = options.offlineTimeoutMs ?? offlineMs;
  current = undefined;
  // Stopping an attempt tears it down; otherwise tear down what a finished load left.
  if (stop) stop(aborted());
  else teardown();
  return unloading as Promise<void>;
}

/**
 * Queued after the previous teardown, so that a double sign-out takes the seat offline once.
 * Nothing else changes the SDK meanwhile: an attempt starts after the last teardown.
 */
function teardown(): void {
  const id = renderDomId;
  unloading = (async () => {
    await unloading;
    try {
      // [unconfirmed] Documented as void; the fake SDK returns a Promise (see types.ts).
      await Promise.race([
        window.tccc?.Agent.offline(),
        new Promise((resolve) => setTimeout(resolve, offlineMs)),
      ]);
    } catch {
      // A failed offline() must not keep the SDK on the page.
    }
    script?.remove();
    document.getElementById('tcccSdkDomRoot')?.remove();
    if (id) document.getElementById(id)?.replaceChildren();
    delete window.tccc;
  })();
}

/**
 * One attempt with a fresh URL; after a `script` or `token-expired` failure it resolves with
 * the next attempt, `retries` times. Fails only asynchronously, once `current` is set.
 */
function attempt(options: LoadTcccOptions, retries: number): Promise<Tccc> {
  const { timeoutMs = 30000, nonce } = options;
  return new Promise((resolve, reject) => {
    let tccc: Tccc | undefined;
    const settle: Settle = (failure, message) => {
      if (stop !== settle) return;
      stop = undefined;
      clearTimeout(timer);
      if (!failure) return resolve(tccc as Tccc);
      const error =
        failure instanceof TcccLoadError ? failure : new TcccLoadError(failure, message as string);
      // The seat goes offline before the SDK goes: a load that ran the script leaves no session.
      teardown();
      if (retries > 0 && /^(script|token-expired)$/.test(error.reason)) {
        return resolve(attempt(options, retries - 1));
      }
      current = undefined;
      unloading?.then(() => reject(error));
    };
    const timer = setTimeout(
      settle,
      timeoutMs,
      'timeout',
      `SDK not ready in ${timeoutMs} ms: check its host`,
    );
    stop = settle;
    // After the previous teardown; in a promise, so that a synchronous throw of sdkUrl() also
    // becomes a failure of this attempt.
    (async () => {
      await unloading;
      return stop === settle ? options.sdkUrl() : '';
    })().then(
      (url) => {
        if (stop !== settle) return;
        if (!isSdkUrl(url)) return settle('sdk-url', NOT_HTTPS);
        if (usedUrls.has(url)) return settle('sdk-url', 'SDK URL already used: check sdkUrl()');
        usedUrls.add(url);
        const tag = document.createElement('script');
        script = tag;
        // The empty value is the anonymous state (the property then reads 'anonymous').
        tag.crossOrigin = '';
        if (nonce) tag.nonce = nonce;
        if (renderDomId) tag.dataset.renderDomId = renderDomId;
        tag.onerror = () => settle('script', 'SDK script failed: check network and CSP');
        tag.onload = () => {
          tccc = window.tccc;
          if (!tccc) return settle('no-global', 'SDK set no window.tccc: check sdkUrl()');
          // Once settled, these do nothing; they live as long as the SDK does.
          tccc.on('ready', () => settle());
          tccc.on('tokenExpired', (event) =>
            settle('token-expired', `SDK token refused (${event?.message}): check sdkUrl()`),
          );
        };
        tag.src = url;
        document.body.append(tag);
      },
      (cause) =>
        settle(
          cause instanceof TcccLoadError
            ? cause
            : new TcccLoadError('sdk-url', 'sdkUrl() failed: check its endpoint and network', {
                cause,
              }),
        ),
    );
  });
}
