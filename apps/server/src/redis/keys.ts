/**
 * Names of the keys this server writes in Redis, all under the configured prefix:
 *
 *   <prefix>tccc:ccc:<fingerprint>:<action>   the TCCC schedule per action (tccc-limiter.ts)
 *   <prefix>limit:<name>:<hash>               a keyed limit, e.g. sdk-url (keyed-limiter.ts)
 *   <prefix>known:<hash>                      an address known for an account (known-clients.ts)
 *   <prefix>revoked:<session id>              a session ended by sign-out (revocations.ts)
 *
 * Emails and client addresses never appear in key names: they are hashed (`hashed`), so
 * an operator browsing Redis, or a dump of it, holds no personal data.
 */
import { createHash } from 'node:crypto';

/** A fixed-length, unreadable name for `value` (SHA-256, 128 bits, base64url). */
export function hashed(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('base64url').slice(0, 22);
}
