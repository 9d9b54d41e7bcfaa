/**
 * The session cookie's value: `<payload>.<signature>`, both base64url, where payload is
 * `{"sub": email, "sid": random id, "iat": unix seconds, "exp": unix seconds}` and
 * signature is HMAC-SHA256 over the payload with SESSION_SECRET. Nothing is stored per
 * session: a change of SESSION_SECRET ends every session, and sign-out ends one by its
 * `sid` (auth/revocations.ts). Expiry lives inside the signed payload, so a stolen cookie
 * dies on time even if a browser ignores Max-Age.
 */
import { createHmac, createSecretKey, randomBytes, timingSafeEqual } from 'node:crypto';

export interface SessionClaims {
  /** The signed-in user's email. */
  sub: string;
  /** This session's id: 128 random bits, base64url. */
  sid: string;
  /** Issued at, unix seconds. */
  iat: number;
  /** Expiry, unix seconds. */
  exp: number;
}

export interface SessionTokens {
  issue(sub: string): string;
  /** The claims of a valid, unexpired token; `undefined` for anything else (never throws). */
  verify(token: string | undefined): SessionClaims | undefined;
}

export function createSessionTokens(options: {
  secret: string;
  ttlSeconds: number;
  /** Time source in ms (default Date.now). */
  now?: () => number;
}): SessionTokens {
  const now = options.now ?? Date.now;
  // The key prepared once rather than re-encoded from the string on every signature.
  const key = createSecretKey(Buffer.from(options.secret, 'utf8'));
  const sign = (payload: string) => createHmac('sha256', key).update(payload).digest('base64url');

  return {
    issue(sub) {
      const iat = Math.floor(now() / 1000);
      const sid = randomBytes(16).toString('base64url');
      const claims: SessionClaims = { sub, sid, iat, exp: iat + options.ttlSeconds };
      const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
      return `${payload}.${sign(payload)}`;
    },
    verify(token) {
      if (!token || token.length > 4096) return undefined;
      const [payload, signature, extra] = token.split('.');
      if (!payload || !signature || extra !== undefined) return undefined;
      const expected = Buffer.from(sign(payload));
      const given = Buffer.from(signature);
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
      let claims: unknown;
      try {
        claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
      } catch {
        return undefined;
      }
      if (!isClaims(claims) || claims.exp * 1000 <= now()) return undefined;
      return { sub: claims.sub, sid: claims.sid, iat: claims.iat, exp: claims.exp };
    },
  };
}

function isClaims(value: unknown): value is SessionClaims {
  const v = value as Partial<SessionClaims> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.sub === 'string' &&
    typeof v.sid === 'string' &&
    v.sid.length > 0 &&
    Number.isFinite(v.iat) &&
    Number.isFinite(v.exp)
  );
}
