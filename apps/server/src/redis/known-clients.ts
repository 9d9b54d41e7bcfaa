/**
 * `KnownClients` of the sign-in throttle (auth/sign-in-throttle.ts) shared by every
 * instance: an address where an account signed in successfully is remembered in Redis
 * (`SET <prefix>known:<hash> 1 PX <rememberMs>`), so it skips the per-account limit on
 * whichever instance the owner reaches next.
 *
 * Every address is also remembered in this process (bounded), which is what `has` consults
 * while Redis is down: an owner who signed in here before the outage is still known here.
 * A remember that could not reach Redis is not replayed; the next sign-in writes it again.
 */
import { createLocalKnownClients, type KnownClients } from '../auth/sign-in-throttle.js';
import type { RedisClient } from './connection.js';
import type { RedisHealth } from './health.js';
import { hashed } from './keys.js';

export interface RedisKnownClientsOptions {
  client: RedisClient;
  health: RedisHealth;
  keyPrefix: string;
  /** How long an address stays known after a successful sign-in. */
  rememberMs: number;
}

export function createRedisKnownClients(options: RedisKnownClientsOptions): KnownClients {
  const { client, health, rememberMs } = options;
  const local = createLocalKnownClients({ rememberMs });
  const keyOf = (account: string, address: string) =>
    `${options.keyPrefix}known:${hashed(`${account}\n${address}`)}`;
  return {
    async has(account, address) {
      if (await local.has(account, address)) return true;
      if (!health.up) return false;
      try {
        return (await client.exists(keyOf(account, address))) === 1;
      } catch (error) {
        health.report(error);
        return false;
      }
    },
    async remember(account, address) {
      await local.remember(account, address);
      if (!health.up) return;
      try {
        await client.set(keyOf(account, address), '1', 'PX', rememberMs);
      } catch (error) {
        health.report(error);
      }
    },
  };
}
