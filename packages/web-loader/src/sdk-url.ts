import { TcccLoadError } from './errors.js';

export interface FetchSdkUrlOptions {
  /** Your server's endpoint that mints an SDK URL. Default `/api/tccc/sdk-url`. */
  endpoint?: string;
  /** The fetch to use. Default: the global `fetch`, read at call time. */
  fetch?: typeof fetch;
}

/**
 * Returns an `sdkUrl` function for `loadTccc` that POSTs to your server, which answers
 * `{"sdkUrl": string}` or an `application/problem+json` error `{title, status, detail, code}`.
 * The signed-in session (cookie) tells the server which agent seat to mint a URL for.
 */
export function fetchSdkUrl(options: FetchSdkUrlOptions = {}): () => Promise<string> {
  const endpoint = options.endpoint ?? '/api/tccc/sdk-url';
  return async () => {
    // Same-origin credentials (the default) send the session cookie along. A network error
    // rejects as fetch's own TypeError; loadTccc reports it as 'sdk-url' with that cause.
    const res = await (options.fetch ?? fetch)(endpoint, { method: 'POST' });
    const body = await res.json().catch(() => ({}));
    if (res.ok && typeof body.sdkUrl === 'string') return body.sdkUrl;
    throw new TcccLoadError(
      'sdk-url',
      `POST ${endpoint}: ${res.status} ${body.detail ?? 'no sdkUrl'}`,
      {
        status: res.status,
        code: body.code,
      },
    );
  };
}

export const NOT_HTTPS = 'SDK URL not https: check sdkUrl()';

/**
 * Whether `url` is absolute https, or http on a loopback host (development and tests). A
 * string that starts `https://` always parses as https; the http case demands that the host
 * end at a port, a slash, `?`, `#` or the end, so `http://localhost:x@evil.example/` is refused.
 */
export const isSdkUrl = (url: string): boolean =>
  /^(https:\/\/|http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?([/?#]|$))/.test(url);

/**
 * Throws a TcccLoadError (reason 'sdk-url') unless `url` is absolute https, or http on a
 * loopback host (development and tests). The message never repeats the URL: it is a secret.
 */
export function assertSdkUrl(url: string): void {
  if (!isSdkUrl(url)) throw new TcccLoadError('sdk-url', NOT_HTTPS);
}
