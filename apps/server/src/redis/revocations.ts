/**
 * `SessionRevocations` (auth/revocations.ts) shared by every instance: sign-out writes
 * `SET <prefix>revoked:<session id> 1 PX <until the session expires>`, and every instance
 * checks `EXISTS` for each request that shows a session cookie. A cookie signed out on
 * one instance is refused by all of them from then on.
 *
 * Revocations are also kept in this process (`createLocalRevocations`, bounded), which is
 * what is consulted while Redis is down:
 * - a sign-out during an outage is refused at once by the instance that took it, and is
 *   written to Redis when Redis is back (held meanwhile, newest 100 000), so it then
 *   reaches every instance;
 * - a request with a cookie signed out on ANOTHER instance is accepted during the outage
 *   if this one did not hear of it (fail open: refusing every session while Redis is down
 *   would sign every agent out, an outage of its own). The window is the outage itself.
 */
import { createLocalRevocations, type SessionRevocations } from '../auth/revocations.js';
import type { RedisClient } from './connection.js';
import type { RedisHealth } from './health.js';

export interface RedisRevocationsOptions {
  client: RedisClient;
  health: RedisHealth;
  keyPrefix: string;
  sessionTtlSeconds: number;
  /** Sign-outs held for Redis during an outage (default 100 000; the oldest go first). */
  maxPending?: number;
  now?: () => number;
}

export interface RedisRevocations extends SessionRevocations {
  /** Sign-outs waiting for Redis. */
  readonly pending: number;
  /** Stops following `health`. */
  close(): void;
}

export function createRedisRevocations(options: RedisRevocationsOptions): RedisRevocations {
  const { client, health } = options;
  const now = options.now ?? Date.now;
  const maxPending = options.maxPending ?? 100_000;
  const local = createLocalRevocations({
    sessionTtlSeconds: options.sessionTtlSeconds,
    ...(options.now ? { now: options.now } : {}),
  });
  /** Session id -> its expiry (ms), for sign-outs Redis has not heard of yet. */
  const pending = new Map<string, number>();
  const keyOf = (id: string) => `${options.keyPrefix}revoked:${id}`;

  async function write(id: string, expiresAtMs: number): Promise<boolean> {
    const ttlMs = Math.ceil(expiresAtMs - now());
    if (ttlMs <= 0) return true; // expired anyway
    try {
      await client.set(keyOf(id), '1', 'PX', ttlMs);
      return true;
    } catch (error) {
      health.report(error);
      return false;
    }
  }

  function hold(id: string, expiresAtMs: number) {
    pending.delete(id);
    pending.set(id, expiresAtMs);
    if (pending.size > maxPending) pending.delete(pending.keys().next().value as string);
  }

  let replaying = false;
  async function replay() {
    if (replaying) return;
    replaying = true;
    try {
      for (const [id, expiresAtMs] of pending) {
        if (!health.up || !(await write(id, expiresAtMs))) return;
        pending.delete(id);
      }
    } finally {
      replaying = false;
    }
  }
  const unfollow = health.onChange((up) => {
    if (up) void replay();
  });

  return {
    get pending() {
      return pending.size;
    },
    close: unfollow,
    async revoke(session) {
      await local.revoke(session);
      const expiresAtMs = session.expiresAt * 1000;
      if (!health.up || !(await write(session.id, expiresAtMs))) hold(session.id, expiresAtMs);
    },
    async isRevoked(session) {
      if (await local.isRevoked(session)) return true;
      if (!health.up) return false;
      try {
        return (await client.exists(keyOf(session.id))) === 1;
      } catch (error) {
        health.report(error);
        return false;
      }
    },
  };
}
