/**
 * Short-lived bearer tokens for OAuth 2.0 client credentials (RFC 6749 §4.4), as TCCC's
 * Data Push uses them: it fetches one from `POST /tccc/push/token` with the client id and
 * secret, then sends `Authorization: Bearer <token>` with each push until it expires.
 *
 * Tokens are self-contained, `base64url(payload).base64url(HMAC-SHA256)`, payload
 * `{cid, exp, jti}`, keyed by a key derived from the client secret. Every server instance
 * configured with the same secret therefore accepts a token another one issued (no shared
 * token store), and rotating the secret revokes every token at once. The MAC is compared in
 * constant time before the payload is even parsed.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export interface BearerTokens {
  /** A new token and its lifetime in seconds. */
  issue(): { token: string; expiresIn: number };
  /** Whether `token` was issued for this client with this secret and has not expired. */
  verify(token: string): { ok: true } | { ok: false; reason: 'invalid' | 'expired' };
}

export interface BearerTokenOptions {
  clientId: string;
  clientSecret: string;
  ttlSeconds: number;
  /** Milliseconds (default Date.now). */
  now?: () => number;
}

/** A token is about 150 characters; anything much longer is not one of ours. */
const MAX_TOKEN_LENGTH = 512;
const KEY_LABEL = 'tccc-kit push bearer token v1';

export function createBearerTokens(options: BearerTokenOptions): BearerTokens {
  const now = options.now ?? Date.now;
  const key = createHmac('sha256', options.clientSecret).update(KEY_LABEL).digest();
  const mac = (payload: string) => createHmac('sha256', key).update(payload).digest();

  return {
    issue() {
      const exp = Math.floor(now() / 1000) + options.ttlSeconds;
      const payload = Buffer.from(
        JSON.stringify({ cid: options.clientId, exp, jti: randomBytes(12).toString('base64url') }),
      ).toString('base64url');
      return {
        token: `${payload}.${mac(payload).toString('base64url')}`,
        expiresIn: options.ttlSeconds,
      };
    },
    verify(token) {
      if (token.length > MAX_TOKEN_LENGTH) return { ok: false, reason: 'invalid' };
      const [payload, signature, extra] = token.split('.');
      if (!payload || !signature || extra !== undefined) return { ok: false, reason: 'invalid' };
      const given = Buffer.from(signature, 'base64url');
      const expected = mac(payload);
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        return { ok: false, reason: 'invalid' };
      }
      let claims: { cid?: unknown; exp?: unknown };
      try {
        claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
      } catch {
        return { ok: false, reason: 'invalid' };
      }
      if (claims.cid !== options.clientId || typeof claims.exp !== 'number') {
        return { ok: false, reason: 'invalid' };
      }
      return claims.exp * 1000 > now() ? { ok: true } : { ok: false, reason: 'expired' };
    },
  };
}
