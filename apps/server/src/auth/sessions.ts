/**
 * The signed session cookie: HttpOnly (scripts cannot read it), SameSite=Strict (not sent
 * on requests started by other sites), Secure and `__Host-` prefixed when the console is
 * served over HTTPS (so it is never sent in clear and cannot be planted by a subdomain).
 *
 * Sign-out revokes the session (auth/revocations.ts) as well as clearing the cookie, so a
 * copy of the cookie kept elsewhere reads nothing and mints nothing afterwards.
 */
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Authenticator, User } from './authenticator.js';
import type { RevocableSession, SessionRevocations } from './revocations.js';
import type { SessionClaims, SessionTokens } from './session-token.js';

export const SESSION_COOKIE = 'tccc_session';
export const SECURE_SESSION_COOKIE = `__Host-${SESSION_COOKIE}`;

export interface Sessions {
  /** The signed-in user of this request, or `undefined`. */
  current(c: Context): Promise<User | undefined>;
  start(c: Context, user: User): void;
  /** Revokes this request's session, if any, and clears the cookie. */
  end(c: Context): Promise<void>;
}

const revocable = (claims: SessionClaims): RevocableSession => ({
  id: claims.sid,
  subject: claims.sub,
  issuedAt: claims.iat,
  expiresAt: claims.exp,
});

export function createSessions(options: {
  tokens: SessionTokens;
  authenticator: Authenticator;
  revocations: SessionRevocations;
  ttlSeconds: number;
  /** When set, decides Secure (https) instead of the request URL (for TLS-terminating proxies). */
  publicOrigin?: string | undefined;
}): Sessions {
  const secure = (c: Context) => (options.publicOrigin ?? c.req.url).startsWith('https:');
  const name = (c: Context) => (secure(c) ? SECURE_SESSION_COOKIE : SESSION_COOKIE);
  const claimsOf = (c: Context) => options.tokens.verify(getCookie(c, name(c)));
  return {
    async current(c) {
      const claims = claimsOf(c);
      if (!claims || (await options.revocations.isRevoked(revocable(claims)))) return undefined;
      return options.authenticator.findUser(claims.sub);
    },
    start(c, user) {
      setCookie(c, name(c), options.tokens.issue(user.email), {
        httpOnly: true,
        sameSite: 'Strict',
        secure: secure(c),
        path: '/',
        maxAge: options.ttlSeconds,
      });
    },
    async end(c) {
      const claims = claimsOf(c);
      if (claims) await options.revocations.revoke(revocable(claims));
      deleteCookie(c, name(c), {
        path: '/',
        secure: secure(c),
        httpOnly: true,
        sameSite: 'Strict',
      });
    },
  };
}
