/**
 * Slows password guessing without letting a stranger lock the owner out (OWASP's
 * authentication cheat sheet, "account lockout"; NIST SP 800-63B §5.2.2). Failures are
 * counted, not attempts: a sign-in that turns out right gives its hits back.
 *
 * Three limits, each a `KeyedRateLimiter` (security/rate-limit.ts):
 * - per client address: spraying many emails from one address is slowed
 *   (default 30 failures, then one more every 30 s);
 * - per account AND client address: guessing one account from one address is slowed
 *   (default 10 failures, then one every 90 s); failures from other addresses do not
 *   count here, so the owner at their own address is never refused for a stranger's
 *   guesses, and their own right password clears it;
 * - per account, from addresses NOT known for that account: guessing from many addresses
 *   (a botnet) is slowed (default 100 failures, then one every 36 s). An address where the
 *   account signed in successfully is "known" for it (remembered 30 days, `KnownClients`)
 *   and skips this limit, so the owner on a known address is not locked out by it either.
 *   Only a sign-in from an address never used before waits while the account is under a
 *   distributed attack: OWASP's trade-off for untrusted clients.
 *
 * Each hit is taken before the password is checked (so parallel guesses cannot all slip
 * through before the first failure is recorded) and given back when the attempt succeeds
 * or the check itself broke. IPv6 clients are keyed by their /64, which one host controls
 * whole.
 */
import { isIP } from 'node:net';
import { createBoundedMap } from '../security/bounded-map.js';
import {
  type Awaitable,
  createKeyedRateLimiter,
  type KeyedRateLimiter,
} from '../security/rate-limit.js';

/** Addresses where an account has signed in successfully. Methods may be async (Redis...). */
export interface KnownClients {
  has(account: string, client: string): Awaitable<boolean>;
  remember(account: string, client: string): Awaitable<void>;
}

export type SignInOutcome = 'succeeded' | 'failed' | 'error';

export type SignInAttempt =
  | { ok: false; retryAfterSeconds: number }
  | {
      ok: true;
      /** Record how the password check ended: only `failed` keeps the hits counted. */
      settle(outcome: SignInOutcome): Promise<void>;
    };

export interface SignInThrottle {
  /** Before checking a password: a refusal, or an attempt to settle once the check ends. */
  begin(account: string, clientAddress: string | undefined): Promise<SignInAttempt>;
}

export interface SignInThrottleParts {
  perAddress: KeyedRateLimiter;
  perAccountAndAddress: KeyedRateLimiter;
  /** Counts only failures from addresses not known for the account. */
  perAccount: KeyedRateLimiter;
  knownClients: KnownClients;
}

/** Key of a client that has no address (an in-process request). */
const NO_ADDRESS = 'unknown';

/** The key a client address is limited under: IPv4 as is, IPv6 by its /64. */
export function clientKey(address: string | undefined): string {
  if (address === undefined) return NO_ADDRESS;
  if (isIP(address) !== 6) return address;
  const [head = '', tail = ''] = address.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = address.includes('::')
    ? [...left, ...Array(8 - left.length - right.length).fill('0'), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((group) => Number.parseInt(group, 16).toString(16))
    .join(':')}::/64`;
}

export function createSignInThrottle(parts: SignInThrottleParts): SignInThrottle {
  return {
    async begin(email, clientAddress) {
      const account = email.trim().toLowerCase();
      const client = clientKey(clientAddress);
      const pair = `${account}\n${client}`;
      const known = await parts.knownClients.has(account, client);
      const taken: Array<[KeyedRateLimiter, string]> = [];
      const giveBack = () => Promise.all(taken.map(([limiter, key]) => limiter.refund(key)));

      const limits: Array<[KeyedRateLimiter, string]> = [
        [parts.perAddress, client],
        [parts.perAccountAndAddress, pair],
      ];
      if (!known) limits.push([parts.perAccount, account]);
      for (const [limiter, key] of limits) {
        const result = await limiter.take(key);
        if (!result.ok) {
          await giveBack();
          return result;
        }
        taken.push([limiter, key]);
      }

      return {
        ok: true,
        async settle(outcome) {
          if (outcome === 'failed') return;
          await giveBack();
          if (outcome === 'succeeded') {
            await parts.perAccountAndAddress.reset(pair);
            await parts.knownClients.remember(account, client);
          }
        },
      };
    },
  };
}

export interface SignInLimits {
  perAddress: { failures: number; windowMs: number };
  perAccountAndAddress: { failures: number; windowMs: number };
  perAccount: { failures: number; windowMs: number };
  /** How long an address stays known for an account after a successful sign-in. */
  knownClientMs: number;
}

export const DEFAULT_SIGN_IN_LIMITS: SignInLimits = {
  perAddress: { failures: 30, windowMs: 15 * 60_000 },
  perAccountAndAddress: { failures: 10, windowMs: 15 * 60_000 },
  perAccount: { failures: 100, windowMs: 60 * 60_000 },
  knownClientMs: 30 * 24 * 3_600_000,
};

/** Known clients held in this process (bounded: 100 000 account/address pairs). */
export function createLocalKnownClients(options: {
  rememberMs: number;
  now?: () => number;
  maxEntries?: number;
}): KnownClients {
  const known = createBoundedMap<true>({
    maxKeys: options.maxEntries ?? 100_000,
    maxAgeMs: options.rememberMs,
    ...(options.now ? { now: options.now } : {}),
  });
  return {
    has: (account, client) => known.get(`${account}\n${client}`) === true,
    remember: (account, client) => known.set(`${account}\n${client}`, true),
  };
}

/** The throttle with every part in this process: one instance, or tests. */
export function createLocalSignInThrottle(
  limits: SignInLimits = DEFAULT_SIGN_IN_LIMITS,
  now: () => number = Date.now,
): SignInThrottle {
  const limiter = ({ failures, windowMs }: { failures: number; windowMs: number }) =>
    createKeyedRateLimiter({ limit: failures, windowMs, now });
  return createSignInThrottle({
    perAddress: limiter(limits.perAddress),
    perAccountAndAddress: limiter(limits.perAccountAndAddress),
    perAccount: limiter(limits.perAccount),
    knownClients: createLocalKnownClients({ rememberMs: limits.knownClientMs, now }),
  });
}
