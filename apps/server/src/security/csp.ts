/**
 * The Content-Security-Policy of the agent console, and the other security headers.
 *
 * Scripts run only from this origin, with this request's nonce, or from the TCCC SDK's
 * origins. Which origins the SDK needs is mode-specific:
 * - embedded mock: exactly the mock's origin (http://127.0.0.1:PORT);
 * - real TCCC: `CSP_SDK_ORIGINS` when set, else REAL_TCCC_DEFAULT_SOURCES below.
 *
 * [unconfirmed] Tencent publishes firewall allow-lists for TCCC (product docs 1229/71846,
 * 679/120903) but no CSP. REAL_TCCC_DEFAULT_SOURCES is derived from those host lists and
 * from the SdkURL host in the API example (*.cdn-go.cn). If the real SDK is blocked, the
 * browser console names the blocked URL: add its origin to CSP_SDK_ORIGINS.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { NONCE, secureHeaders } from 'hono/secure-headers';

export const REAL_TCCC_DEFAULT_SOURCES: readonly string[] = [
  'https://*.cdn-go.cn',
  'https://tccc.qcloud.com',
  'https://*.tccc.qcloud.com',
  'wss://*.tccc.qcloud.com',
  'https://connect.tencentcloud.com',
  'https://*.connect.tencentcloud.com',
  'wss://*.connect.tencentcloud.com',
  'https://*.rtc.qcloud.com',
  'wss://*.rtc.qcloud.com',
  'https://*.rtc.tencentcloud.com',
  'wss://*.rtc.tencentcloud.com',
  'https://*.rtc-web.com',
  'wss://*.rtc-web.com',
  'https://*.rtc-web.io',
  'wss://*.rtc-web.io',
  'https://*.im.qcloud.com',
  'wss://*.im.qcloud.com',
  'https://*.myqcloud.com',
];

const SOURCE = /^(https?|wss?):\/\/(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)*(:(\d{1,5}|\*))?$/i;

/** Splits a space/comma separated list into valid CSP host sources and the invalid rest. */
export function parseCspSources(text: string): { sources: string[]; invalid: string[] } {
  const items = text.split(/[\s,]+/).filter(Boolean);
  const sources: string[] = [];
  const invalid: string[] = [];
  for (const item of items) {
    const normalised = item.replace(/\/$/, '');
    if (SOURCE.test(normalised)) sources.push(normalised.toLowerCase());
    else invalid.push(item);
  }
  return { sources: [...new Set(sources)], invalid };
}

/** `ws://` / `wss://` twins of an http(s) origin, for SDKs that open WebSockets home. */
export function withWebSocketTwin(origin: string): string[] {
  const twin = origin.replace(/^http(s?):/, 'ws$1:');
  return twin === origin ? [origin] : [origin, twin];
}

/** The nonce of this request (set by the CSP middleware before the handler runs). */
export function cspNonce(c: Context): string {
  const nonce = (c.get as (key: string) => unknown)('secureHeadersNonce');
  if (typeof nonce !== 'string')
    throw new Error('CSP nonce requested outside the security headers middleware');
  return nonce;
}

/**
 * hono/secure-headers configured for the console: CSP with a per-request nonce, the SDK's
 * origins, microphone allowed for this origin only (the SDK needs it for calls).
 */
export function securityHeaders(sdkSources: readonly string[]): MiddlewareHandler {
  // WebSocket sources only make sense for connect-src; the rest get the http(s) ones.
  const sdk = sdkSources.filter((source) => /^https?:/i.test(source));
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'", NONCE, ...sdk],
      styleSrc: ["'self'", NONCE, ...sdk],
      connectSrc: ["'self'", ...sdkSources],
      imgSrc: ["'self'", 'data:', 'blob:', ...sdk],
      mediaSrc: ["'self'", 'blob:', ...sdk],
      fontSrc: ["'self'", 'data:', ...sdk],
      frameSrc: sdk.length > 0 ? sdk : ["'none'"],
      workerSrc: ["'self'", 'blob:'],
      objectSrc: ["'none'"],
      baseUri: ["'none'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
    permissionsPolicy: { microphone: ['self'], camera: ['self'], geolocation: [] },
    xFrameOptions: 'DENY',
    // Other sites may not embed our responses (the SDK's own files are served by TCCC).
    crossOriginResourcePolicy: 'same-origin',
    // [unconfirmed] whether TCCC checks the page origin; send it, but never the path.
    referrerPolicy: 'strict-origin-when-cross-origin',
  });
}
