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
  /** Rejects with reason 'aborted' and, if the SDK is still loading, stops the load. */
  signal?: AbortSignal;
}

// Written for the minifier (budget: see size.test.ts): module state instead of objects, one
// settle function per attempt that also builds the error, short messages of one pattern.

/** The load in progress or done, shared by every caller: one SDK per page. */
let current: Promise<Tccc> | undefined;
/** Settles the attempt in progress; undefined when none is. */
let stop: Settle | undefined;
let script: HTMLScriptElement | undefined;
let renderDomId: string | undefined;
/** SDK URLs are single-use: never load one twice. */
const usedUrls = new Set<string>();

/** With no argument: success. Otherwise a failure: an error, or a reason and a message. */
type Settle = (failure?: TcccLoadError | TcccLoadErrorReason, message?: string) => void;

const aborted = () => new TcccLoadError('aborted', 'TCCC SDK load aborted');

/**
 * Loads the TCCC Web SDK and resolves with `window.tccc` once it emits `ready`. Concurrent
 * calls share one load; a call after success gets the same instance; a call after a failure
 * starts afresh. Rejects with a `TcccLoadError`.
 */
export async function loadTccc(options: LoadTcccOptions): Promise<Tccc> {
  const { signal, renderDomId: id } = options;
  if (signal?.aborted) throw aborted();
  if (!current) {
    if (id && !document.getElementById(id)) {
      throw new TcccLoadError('render-dom', `No element has id "${id}": check renderDomId`);
    }
    renderDomId = id;
    current = attempt(options, options.retries ?? 1);
  }
  const load = current;
  // Stopping the load rejects every caller that shares it, this one included.
  signal?.addEventListener('abort', () => load === current && stop?.(aborted()));
  return load;
}

/**
 * Tears the SDK down: stops a load in progress (it rejects with reason 'aborted'), removes
 * the script, the SDK's DOM and `window.tccc`, so that a later `loadTccc` (say, another agent
 * signing in) starts anew.
 */
export function unloadTccc(): void {
  stop?.(aborted());
  current = undefined;
  teardown();
}

function teardown() {
  script?.remove();
  document.getElementById('tcccSdkDomRoot')?.remove();
  if (renderDomId) document.getElementById(renderDomId)?.replaceChildren();
  delete window.tccc;
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
      // Synchronously, so that a load started right after this one is never torn down.
      teardown();
      if (retries > 0 && /^(script|token-expired)$/.test(error.reason)) {
        return resolve(attempt(options, retries - 1));
      }
      current = undefined;
      reject(error);
    };
    const timer = setTimeout(
      settle,
      timeoutMs,
      'timeout',
      `SDK not ready in ${timeoutMs} ms: check its host`,
    );
    stop = settle;
    // Called in a promise, so that even a synchronous throw becomes a failure of this attempt.
    (async () => options.sdkUrl())().then(
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
