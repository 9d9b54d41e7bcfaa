/**
 * The one Redis connection of a server instance (ioredis), set up to fail fast rather than
 * wait: every caller of Redis has a local fallback (redis/health.ts says when to use it),
 * so a command that cannot be answered soon is worth less than an immediate error.
 *
 * - `enableOfflineQueue: false`: while disconnected, commands reject at once instead of
 *   queueing (a queue would turn an outage into requests that hang, then a burst).
 * - `maxRetriesPerRequest: 0`: a command in flight when the connection drops rejects.
 * - `commandTimeout`: a Redis that accepts connections but does not answer (stopped,
 *   overloaded, a black-holed network) rejects after `commandTimeoutMs`.
 * - reconnects forever, every 100 ms growing to `maxReconnectDelayMs`, so recovery follows
 *   within about that delay of Redis coming back.
 */
import { Redis } from 'ioredis';

export interface RedisConnectionOptions {
  /** How long one command may take before it fails (default 500 ms). */
  commandTimeoutMs?: number;
  /** Longest wait between reconnection attempts (default 1000 ms). */
  maxReconnectDelayMs?: number;
  /** How long one connection attempt may take (default 2000 ms). */
  connectTimeoutMs?: number;
}

export type RedisClient = Redis;

export function connectRedis(url: string, options: RedisConnectionOptions = {}): RedisClient {
  const maxDelay = options.maxReconnectDelayMs ?? 1000;
  return new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: options.commandTimeoutMs ?? 500,
    connectTimeout: options.connectTimeoutMs ?? 2000,
    retryStrategy: (attempt) => Math.min(100 * attempt, maxDelay),
    // The server names itself in CLIENT LIST, for operators looking at a busy Redis.
    connectionName: 'tccc-kit-server',
  });
}
