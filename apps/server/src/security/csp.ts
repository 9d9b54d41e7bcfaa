/**
 * The Content-Security-Policy of the agent console, and the other security headers.
 *
 * Which policy a response gets depends on what it is:
 * - HTML (the console): scripts run only from this origin, with this request's nonce, or
 *   from the TCCC SDK's origins;
 * - JSON (the API, every problem): API_CSP, nothing may load or frame it; a fixed string,
 *   since a JSON answer runs no script that a nonce could admit;
 * - anything else (scripts, styles, images of the console): the console's policy without
 *   a nonce, which matters only should one of them run as a worker.
 * Every string is built once; a nonce is drawn only for HTML.
 *
 * Which origins the SDK needs is mode-specific:
 * - embedded mock: exactly the mock's origin (http://127.0.0.1:PORT);
 * - real TCCC: `CSP_SDK_ORIGINS` when set, else REAL_TCCC_DEFAULT_SOURCES below.
 *
 * [unconfirmed] Tencent publishes firewall allow-lists for TCCC (product docs 1229/71846,
 * 679/120903) but no CSP. REAL_TCCC_DEFAULT_SOURCES is derived from those host lists and
 * from the SdkURL host in the API example (*.cdn-go.cn). If the real SDK is blocked, the
 * browser console names the blocked URL: add its origin to CSP_SDK_ORIGINS.
 */
import { randomBytes } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';

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

/** CSP of JSON answers: they load nothing and may not be framed. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'";

/** Context key of the nonce: NONCE_PENDING until a handler asks for it. */
const NONCE_KEY = 'cspNonce';
const NONCE_PENDING = Symbol('nonce not drawn yet');

type ContextVariables = {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
};
const vars = (c: Context) => c as unknown as ContextVariables;

/**
 * This request's CSP nonce (128 random bits, base64), drawn on first use. The HTML that
 * carries it must be answered through the security headers middleware, which puts the
 * same nonce in the policy.
 */
export function cspNonce(c: Context): string {
  const value = vars(c).get(NONCE_KEY);
  if (typeof value === 'string') return value;
  if (value !== NONCE_PENDING)
    throw new Error('CSP nonce requested outside the security headers middleware');
  const nonce = randomBytes(16).toString('base64');
  vars(c).set(NONCE_KEY, nonce);
  return nonce;
}

type Directives = ReadonlyArray<readonly [directive: string, ...sources: string[]]>;

const serialise = (directives: Directives) =>
  directives.map((sources) => sources.join(' ')).join('; ');

const isJson = (contentType: string) =>
  contentType.startsWith('application/json') || /^application\/[\w.-]+\+json/.test(contentType);

/**
 * The console's security headers: CSP (see above), microphone and camera for this origin
 * only (the SDK needs them for calls), no framing, no sniffing, origin-only referrers.
 */
export function securityHeaders(sdkSources: readonly string[]): MiddlewareHandler {
  // WebSocket sources only make sense for connect-src; the rest get the http(s) ones.
  const sdk = sdkSources.filter((source) => /^https?:/i.test(source));
  const consoleDirectives = (nonce: string[]): Directives => [
    ['default-src', "'self'"],
    ['script-src', "'self'", ...nonce, ...sdk],
    ['style-src', "'self'", ...nonce, ...sdk],
    ['connect-src', "'self'", ...sdkSources],
    ['img-src', "'self'", 'data:', 'blob:', ...sdk],
    ['media-src', "'self'", 'blob:', ...sdk],
    ['font-src', "'self'", 'data:', ...sdk],
    ['frame-src', ...(sdk.length > 0 ? sdk : ["'none'"])],
    ['worker-src', "'self'", 'blob:'],
    ['object-src', "'none'"],
    ['base-uri', "'none'"],
    ['form-action', "'self'"],
    ['frame-ancestors', "'none'"],
  ];
  // The nonce policy as the text around the nonce: one join per HTML page.
  const MARK = '\u0000';
  const aroundNonce = serialise(consoleDirectives([MARK])).split(MARK);
  const withoutNonce = serialise(consoleDirectives([]));
  const headers: ReadonlyArray<readonly [string, string]> = [
    ['Cross-Origin-Resource-Policy', 'same-origin'], // other sites may not embed our responses
    ['Cross-Origin-Opener-Policy', 'same-origin'],
    ['Origin-Agent-Cluster', '?1'],
    // [unconfirmed] whether TCCC checks the page origin; send it, but never the path.
    ['Referrer-Policy', 'strict-origin-when-cross-origin'],
    ['Strict-Transport-Security', 'max-age=15552000; includeSubDomains'],
    ['X-Content-Type-Options', 'nosniff'],
    ['X-DNS-Prefetch-Control', 'off'],
    ['X-Download-Options', 'noopen'],
    ['X-Frame-Options', 'DENY'],
    ['X-Permitted-Cross-Domain-Policies', 'none'],
    ['X-XSS-Protection', '0'],
    ['Permissions-Policy', 'microphone=(self), camera=(self), geolocation=()'],
  ];

  return async (c, next) => {
    vars(c).set(NONCE_KEY, NONCE_PENDING);
    await next();
    const target = c.res.headers;
    for (const [name, value] of headers) target.set(name, value);
    const contentType = target.get('content-type')?.toLowerCase() ?? '';
    target.set(
      'Content-Security-Policy',
      contentType.startsWith('text/html')
        ? aroundNonce.join(`'nonce-${cspNonce(c)}'`)
        : isJson(contentType)
          ? API_CSP
          : withoutNonce,
    );
  };
}
