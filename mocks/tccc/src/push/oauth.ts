/**
 * OAuth 2.0 client credentials for Data Push (tccc-reference.md §6.1): before pushing, the
 * mock fetches a bearer token from the receiver's token URL, as TCCC does with the ClientID
 * and ClientSecret set in its console.
 *
 * The request is RFC 6749 §4.4.2: `POST tokenUrl`, `application/x-www-form-urlencoded`,
 * `grant_type=client_credentials`, the client authenticated with HTTP Basic after
 * form-encoding id and secret (§2.3.1). The answer (§5.1) must be JSON with `access_token`
 * and `token_type` "Bearer"; `expires_in` (seconds) says how long it may be cached. A token
 * is cached per configuration until `tokenRefreshMarginMs` before it expires (MOCK time; a
 * receiver that refuses it earlier answers 401 and the sender asks again), one request at a
 * time (concurrent pushes wait for the same one). Errors say what failed without a credential.
 */
import type { MockClock } from '../state/clock.js';
import type { DataPushAuth, ResolvedDataPush } from './config.js';
import { describeFetchError, readBounded } from './http.js';

export class TokenError extends Error {
  override readonly name = 'TokenError';
}

interface CachedToken {
  token: string;
  /** Mock ms after which it is fetched anew; undefined = until a receiver refuses it. */
  refreshAt: number | undefined;
}

interface TokenSlot {
  cached?: CachedToken;
  inFlight?: Promise<string>;
}

export interface TokenCache {
  /** A bearer token for the configuration (cached, or fetched now). Throws TokenError. */
  get(config: ResolvedDataPush, signal: AbortSignal): Promise<string>;
  /** Forget the token a receiver refused (only if it is still the cached one). */
  invalidate(config: ResolvedDataPush, token: string): void;
  /** How many token requests were made (for tests and the bench). */
  readonly requests: number;
  clear(): void;
}

/** `application/x-www-form-urlencoded` encoding of one value (RFC 6749 §2.3.1, Appendix B). */
export function formEncode(value: string): string {
  return new URLSearchParams({ v: value }).toString().slice(2);
}

export function basicCredentials(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`, 'utf8').toString('base64')}`;
}

export interface TokenCacheOptions {
  clock: MockClock;
  timeoutMs: () => number;
  refreshMarginMs: () => number;
}

type OAuth = Extract<DataPushAuth, { type: 'oauth' }>;

export function createTokenCache(options: TokenCacheOptions): TokenCache {
  // Keyed by the configuration object: a new configuration (setDataPush) starts afresh, and a
  // replaced one is let go with its token.
  let slots = new WeakMap<ResolvedDataPush, TokenSlot>();
  let requests = 0;

  async function fetchToken(auth: OAuth, signal: AbortSignal): Promise<CachedToken> {
    requests += 1;
    const where = `token request to ${auth.tokenUrl}`;
    let response: Response;
    try {
      response = await fetch(auth.tokenUrl, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'application/json',
          authorization: basicCredentials(formEncode(auth.clientId), formEncode(auth.clientSecret)),
        },
        body: 'grant_type=client_credentials',
        redirect: 'manual',
        signal: AbortSignal.any([signal, AbortSignal.timeout(options.timeoutMs())]),
      });
    } catch (error) {
      throw new TokenError(`${where} failed: ${describeFetchError(error, options.timeoutMs())}`);
    }
    const text = await readBounded(response).catch(() => '');
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    const answer = (typeof json === 'object' && json !== null ? json : {}) as Record<
      string,
      unknown
    >;
    if (response.status !== 200) {
      const code = typeof answer.error === 'string' ? ` ${answer.error.slice(0, 64)}` : '';
      throw new TokenError(`${where} answered HTTP ${response.status}${code}`);
    }
    const { access_token: token, token_type: type, expires_in: expiresIn } = answer;
    if (typeof token !== 'string' || token === '') {
      throw new TokenError(`${where} answered 200 without an access_token (RFC 6749 §5.1)`);
    }
    if (typeof type !== 'string' || type.toLowerCase() !== 'bearer') {
      throw new TokenError(`${where} answered a token_type other than Bearer`);
    }
    if (expiresIn !== undefined && (typeof expiresIn !== 'number' || !(expiresIn > 0))) {
      throw new TokenError(`${where} answered an expires_in that is not a positive number`);
    }
    let refreshAt: number | undefined;
    if (typeof expiresIn === 'number') {
      const lifeMs = expiresIn * 1000;
      const margin = Math.min(options.refreshMarginMs(), lifeMs / 2);
      refreshAt = options.clock.now() + lifeMs - margin;
    }
    return { token, refreshAt };
  }

  return {
    async get(config, signal) {
      const auth = config.auth;
      if (auth.type !== 'oauth') throw new TokenError('this app does not push with OAuth');
      let slot = slots.get(config);
      if (!slot) {
        slot = {};
        slots.set(config, slot);
      }
      const cached = slot.cached;
      if (cached && (cached.refreshAt === undefined || options.clock.now() < cached.refreshAt)) {
        return cached.token;
      }
      if (!slot.inFlight) {
        const current = slot;
        const request = fetchToken(auth, signal).then((fresh) => {
          current.cached = fresh;
          return fresh.token;
        });
        current.inFlight = request;
        // The slot forgets the request once it settled, whatever the outcome.
        const forget = () => {
          if (current.inFlight === request) delete current.inFlight;
        };
        request.then(forget, forget);
      }
      return slot.inFlight as Promise<string>;
    },
    invalidate(config, token) {
      const slot = slots.get(config);
      if (slot?.cached?.token === token) delete slot.cached;
    },
    get requests() {
      return requests;
    },
    clear() {
      slots = new WeakMap();
    },
  };
}
