/** Which step of loading the SDK failed. */
export type TcccLoadErrorReason =
  /** `sdkUrl()` failed, or returned a URL that is not https, not absolute, or already used. */
  | 'sdk-url'
  /** `renderDomId` names no element in the document. */
  | 'render-dom'
  /** The SDK script did not load: HTTP error, network error, or blocked by CSP. */
  | 'script'
  /** The script loaded but did not define `window.tccc`. */
  | 'no-global'
  /** The SDK emitted `tokenExpired`: the URL was expired, unknown or already used. */
  | 'token-expired'
  /** Neither `ready` nor `tokenExpired` arrived within `timeoutMs`. */
  | 'timeout'
  /** The caller's `signal` aborted, or `unloadTccc()` was called while loading. */
  | 'aborted';

export interface TcccLoadErrorDetails {
  cause?: unknown;
  /** HTTP status of the SDK URL endpoint's error response. */
  status?: number;
  /** `code` of the SDK URL endpoint's problem+json error response. */
  code?: string;
}

/**
 * Why `loadTccc` failed. `reason` says which step; the message says what to check. Messages
 * never contain the SDK URL: it is a one-time secret.
 */
export class TcccLoadError extends Error {
  override readonly name = 'TcccLoadError';
  declare readonly reason: TcccLoadErrorReason;
  declare readonly status?: number;
  declare readonly code?: string;

  constructor(reason: TcccLoadErrorReason, message: string, details?: TcccLoadErrorDetails) {
    super(message, details);
    Object.assign(this, { reason, ...details });
  }
}
