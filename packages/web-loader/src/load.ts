import { TcccLoadError, type TcccLoadErrorReason } from './errors.js';
import { assertSdkUrl } from './sdk-url.js';
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
  /** Rejects this call with reason 'aborted' and, if the SDK is still loading, stops the load. */
  signal?: AbortSignal;
}

/** The load in progress or done, shared by every caller: one SDK per page. */
let current: Promise<Tccc> | undefined;
/** Settles the attempt in progress; undefined when none is. */
let cancel: ((failure: TcccLoadError) => void) | undefined;
let script: HTMLScriptElement | undefined;
let renderDomId: string | undefined;
/** SDK URLs are single-use: never load one twice. */
const usedUrls = new Set<string>();

const error = (reason: TcccLoadErrorReason, message: string) => new TcccLoadError(reason, message);
const aborted = () => error('aborted', 'Loading the TCCC SDK was aborted');

/**
 * Loads the TCCC Web SDK and resolves with `window.tccc` once it emits `ready`. Concurrent
 * calls share one load; a call after success gets the same instance; a call after a failure
 * starts afresh. Rejects with a `TcccLoadError`.
 */
export function loadTccc(options: LoadTcccOptions): Promise<Tccc> {
  const { signal } = options;
  if (signal?.aborted) return Promise.reject(aborted());
  if (!current) {
    const started: Promise<Tccc> = attempt(options, options.retries ?? 1).catch((failure) => {
      if (current === started) current = undefined;
      throw failure;
    });
    current = started;
  }
  const load = current;
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      reject(aborted());
      if (current === load && cancel) unloadTccc();
    };
    signal?.addEventListener('abort', onAbort);
    load.then(resolve, reject);
  });
}

/**
 * Tears the SDK down: stops a load in progress (it rejects with reason 'aborted'), removes
 * the script, the SDK's DOM and `window.tccc`, so that a later `loadTccc` (say, another agent
 * signing in) starts anew.
 */
export function unloadTccc(): void {
  cancel?.(aborted());
  current = undefined;
  teardown();
}

function teardown() {
  script?.remove();
  document.getElementById('tcccSdkDomRoot')?.remove();
  if (renderDomId) document.getElementById(renderDomId)?.replaceChildren();
  delete window.tccc;
}

/** One attempt with a fresh URL; after `script` or `token-expired` failures, `retries` more. */
function attempt(options: LoadTcccOptions, retries: number): Promise<Tccc> {
  const timeoutMs = options.timeoutMs ?? 30000;
  renderDomId = options.renderDomId;
  return new Promise<Tccc>((resolve, reject) => {
    let tccc: Tccc | undefined;
    const settle = (failure?: TcccLoadError) => {
      if (cancel !== settle) return;
      cancel = undefined;
      clearTimeout(timer);
      document.removeEventListener('securitypolicyviolation', onViolation);
      if (failure) {
        // Synchronously, so that a load started right after this one is never torn down.
        teardown();
        reject(failure);
      } else resolve(tccc as Tccc);
    };
    const fail = (reason: TcccLoadErrorReason, message: string) => settle(error(reason, message));
    cancel = settle;
    const onViolation = (event: SecurityPolicyViolationEvent) => {
      if (event.blockedURI && script?.src.startsWith(event.blockedURI)) {
        fail('script', 'CSP blocked the SDK script: allow its host or pass the nonce');
      }
    };
    const timer = setTimeout(
      () => fail('timeout', `SDK not ready in ${timeoutMs} ms: check its host`),
      timeoutMs,
    );
    if (renderDomId && !document.getElementById(renderDomId)) {
      return fail('render-dom', `No element has id "${renderDomId}": render it first`);
    }
    options.sdkUrl().then(
      (url) => {
        if (cancel !== settle) return;
        try {
          assertSdkUrl(url);
          if (usedUrls.has(url)) throw error('sdk-url', 'sdkUrl() returned a used SDK URL');
        } catch (failure) {
          return settle(failure as TcccLoadError);
        }
        usedUrls.add(url);
        const tag = document.createElement('script');
        script = tag;
        tag.crossOrigin = 'anonymous';
        if (options.nonce) tag.nonce = options.nonce;
        if (renderDomId) tag.dataset.renderDomId = renderDomId;
        tag.onerror = () => fail('script', 'The SDK script failed to load: check network and CSP');
        tag.onload = () => {
          tccc = window.tccc;
          if (!tccc) return fail('no-global', 'The SDK script set no window.tccc');
          // Once settled, these do nothing; they live as long as the SDK does.
          tccc.on('ready', () => settle());
          tccc.on('tokenExpired', (event) =>
            fail('token-expired', `SDK token refused (${event?.message}): use a new SDK URL`),
          );
        };
        document.addEventListener('securitypolicyviolation', onViolation);
        tag.src = url;
        document.body.append(tag);
      },
      (cause) =>
        settle(
          cause instanceof TcccLoadError
            ? cause
            : new TcccLoadError('sdk-url', 'sdkUrl() failed: check its endpoint', { cause }),
        ),
    );
  }).catch((failure) => {
    const { reason } = failure;
    if (retries > 0 && (reason === 'script' || reason === 'token-expired')) {
      return attempt(options, retries - 1);
    }
    throw failure;
  });
}
