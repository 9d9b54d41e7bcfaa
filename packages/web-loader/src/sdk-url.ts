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
    const res = await (options.fetch ?? fetch)(endpoint, {
      method: 'POST',
      // credentials default to 'same-origin': the session cookie goes along.
      headers: { accept: 'application/json' },
    }).catch((cause) => {
      throw new TcccLoadError('sdk-url', `POST ${endpoint} failed: check the network`, { cause });
    });
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

/**
 * Throws a TcccLoadError (reason 'sdk-url') unless `url` is absolute https, or http on a
 * loopback host (development and tests). The message never repeats the URL: it is a secret.
 */
export function assertSdkUrl(url: string): void {
  try {
    const { protocol, hostname } = new URL(url);
    if (
      protocol === 'https:' ||
      (protocol === 'http:' && /^(localhost|127\.0\.0\.1|\[::1\])$/.test(hostname))
    ) {
      return;
    }
  } catch {}
  throw new TcccLoadError(
    'sdk-url',
    'The SDK URL must be absolute https (http only on localhost): check sdkUrl()',
  );
}
