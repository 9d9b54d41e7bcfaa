/**
 * Who may sign in, and which TCCC seat they get. This is the seam to plug in your own
 * identity provider: implement `Authenticator` and pass it to `createApp`.
 *
 * The seat NEVER comes from the browser: `resolveSeat` maps the signed-in user (from the
 * signed session) to a SeatUserId on the server, so a user cannot ask for someone else's
 * seat by editing a request.
 */
import { createHash, timingSafeEqual } from 'node:crypto';

export interface User {
  /** Lower-cased email; the session identifies the user by it. */
  email: string;
}

export interface Authenticator {
  /** Checks a sign-in; the user on success, `undefined` on wrong email or password. */
  signIn(credentials: { email: string; password: string }): Promise<User | undefined>;
  /**
   * The session's user, or `undefined` if they may no longer sign in (account removed):
   * called on every authenticated request, so removing an account ends its sessions.
   */
  findUser(email: string): Promise<User | undefined>;
  /** The TCCC SeatUserId of `user`, or `undefined` if they have no seat. */
  resolveSeat(user: User): Promise<string | undefined>;
}

/** Compares two strings in time independent of where they differ (hashes first: no length leak). */
export function constantTimeEqual(a: string, b: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();
  return timingSafeEqual(digest(a), digest(b));
}

/**
 * The demo's accounts: a fixed list of emails sharing one password; each email is also
 * its SeatUserId. Good for a demo on the mock, not for production (see README).
 */
export function createDemoAuthenticator(options: {
  accounts: readonly string[];
  password: string | undefined;
}): Authenticator {
  const accounts = new Set(options.accounts.map((a) => a.toLowerCase()));
  const password = options.password;
  return {
    async signIn({ email, password: given }) {
      const normalised = email.trim().toLowerCase();
      // Compare even for unknown emails, so timing does not reveal which emails exist.
      const passwordOk = password !== undefined && constantTimeEqual(given, password);
      return passwordOk && accounts.has(normalised) ? { email: normalised } : undefined;
    },
    async findUser(email) {
      return accounts.has(email) ? { email } : undefined;
    },
    async resolveSeat(user) {
      return accounts.has(user.email) ? user.email : undefined;
    },
  };
}
