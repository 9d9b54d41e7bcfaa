/**
 * Whether Redis can be used right now, for every part of the server that keeps shared
 * state there (limits, revocations). Each of them has a local fallback and asks `up` before
 * each use, so an outage costs one failed command at most, not one timeout per request.
 *
 * Down when the connection closes or errs, when a command fails (`report`), or when the
 * probe (a PING every `probeIntervalMs`, which also catches a Redis that stopped answering
 * on an open connection) fails. Up again when the connection is ready and a PING answers.
 * Listeners hear every change (the TCCC limiter switches modes on them); the change is
 * logged once, with the reason, which /readyz also shows (`degraded`).
 */
import type { Logger } from '../log/logger.js';
import type { RedisClient } from './connection.js';

export interface RedisHealth {
  readonly up: boolean;
  /** Why Redis is not used right now (no secrets), or `undefined` while it is. */
  readonly reason: string | undefined;
  /** A command failed: treat Redis as down until the probe says otherwise. */
  report(error: unknown): void;
  /** Called with the new state on every change; returns a function that unsubscribes. */
  onChange(listener: (up: boolean) => void): () => void;
  /** Resolves when Redis is up, or after `timeoutMs` (whichever comes first). */
  whenUp(timeoutMs: number): Promise<boolean>;
  /** Stops the probe. */
  close(): void;
}

export interface RedisHealthOptions {
  client: RedisClient;
  /** Where Redis is, for messages (redis-config.ts `describeRedisUrl`). */
  where: string;
  /** Time between PINGs (default 1000 ms). */
  probeIntervalMs?: number;
  logger?: Logger;
}

function messageOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  // ioredis messages are short and carry no credentials; keep them one line and bounded.
  return text.replace(/\s+/g, ' ').slice(0, 200);
}

export function createRedisHealth(options: RedisHealthOptions): RedisHealth {
  const { client, where, logger } = options;
  let up = false;
  let reason: string | undefined = `connecting to Redis at ${where}`;
  let downSince = Date.now();
  let closed = false;
  let connectedBefore = false;
  const listeners = new Set<(up: boolean) => void>();

  /** `why` replaces the reason of an ongoing outage only when it says more (`detailed`). */
  function set(nextUp: boolean, why?: string, detailed = true) {
    if (closed) return;
    if (nextUp === up) {
      if (!up && why && detailed) reason = why;
      return;
    }
    up = nextUp;
    if (up) {
      if (connectedBefore) {
        logger?.info(
          { redis: where, downMs: Date.now() - downSince },
          `Redis at ${where} is back: limits and revocations are shared again`,
        );
      } else {
        logger?.info(
          { redis: where },
          `connected to Redis at ${where}: limits and revocations are shared`,
        );
      }
      connectedBefore = true;
      reason = undefined;
    } else {
      downSince = Date.now();
      reason = why ?? `Redis at ${where} does not answer`;
      logger?.warn(
        { redis: where, reason },
        `${reason}: each instance now keeps its share of every shared limit, and sign-outs ` +
          'reach the other instances once Redis is back',
      );
    }
    for (const listener of listeners) listener(up);
  }

  const probe = async () => {
    try {
      await client.ping();
      if (client.status === 'ready') set(true);
    } catch (error) {
      set(false, `Redis at ${where} does not answer: ${messageOf(error)}`);
    }
  };

  client.on('ready', () => void probe());
  client.on('error', (error: unknown) =>
    set(false, `Redis at ${where} is unreachable: ${messageOf(error)}`),
  );
  client.on('close', () => set(false, `the connection to Redis at ${where} closed`, false));

  const timer = setInterval(() => void probe(), options.probeIntervalMs ?? 1000);
  timer.unref();

  const health: RedisHealth = {
    get up() {
      return up;
    },
    get reason() {
      return reason;
    },
    report(error) {
      set(false, `a Redis command failed: ${messageOf(error)}`);
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    whenUp(timeoutMs) {
      if (up) return Promise.resolve(true);
      return new Promise((resolve) => {
        const timeout = setTimeout(() => {
          off();
          resolve(false);
        }, timeoutMs);
        const off = health.onChange((nowUp) => {
          if (!nowUp) return;
          clearTimeout(timeout);
          off();
          resolve(true);
        });
      });
    },
    close() {
      closed = true;
      clearInterval(timer);
      listeners.clear();
    },
  };
  return health;
}
