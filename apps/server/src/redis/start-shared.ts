/**
 * With REDIS_URL: connects to Redis and builds every piece of state the instances share,
 * each behind the seam the app already uses (app.ts `AppDeps.stores`, the TCCC client's
 * `limiter`), so nothing above them changes:
 *
 *   TCCC limit per SecretId and action   tccc-limiter.ts      (shared queue of slots)
 *   SDK URLs per user                    keyed-limiter.ts     (rate-limiter-flexible)
 *   sign-in throttle (3 counters)        keyed-limiter.ts + known-clients.ts
 *   Data Push requests per source        keyed-limiter.ts
 *   session revocations                  revocations.ts
 *
 * A Redis that cannot be reached at start does not stop the server: it starts degraded
 * (each limit per instance, at its share), says so on /readyz, and shares again once
 * Redis answers (health.ts).
 */
import {
  createSignInThrottle,
  DEFAULT_SIGN_IN_LIMITS,
  type SignInLimits,
  type SignInThrottle,
} from '../auth/sign-in-throttle.js';
import type { Logger } from '../log/logger.js';
import type { KeyedRateLimiter } from '../security/rate-limit.js';
import { connectRedis, type RedisClient, type RedisConnectionOptions } from './connection.js';
import { createRedisHealth, type RedisHealth } from './health.js';
import { createRedisKeyedLimiter } from './keyed-limiter.js';
import { createRedisKnownClients } from './known-clients.js';
import { describeRedisUrl, type RedisConfig } from './redis-config.js';
import { createRedisRevocations, type RedisRevocations } from './revocations.js';
import { createSlotReserver } from './slot-reservation.js';
import {
  createSharedTcccLimiter,
  type SharedTcccLimiter,
  type SharedTcccLimiterStats,
} from './tccc-limiter.js';

/** The shared TCCC limiter's margin per second, ms (slots (1000 + 100) / 20 = 55 ms apart). */
export const SHARED_MARGIN_MS = 100;

export interface SharedState {
  /** For `createApp({ stores })`. */
  stores: {
    signInThrottle: SignInThrottle;
    sdkUrlLimiter: KeyedRateLimiter;
    revocations: RedisRevocations;
    pushLimiter: KeyedRateLimiter;
  };
  /** For `createTcccClient({ limiter })`. */
  tcccLimiter: SharedTcccLimiter;
  health: RedisHealth;
  client: RedisClient;
  /** For /readyz: why limits are kept per instance right now, or `undefined`. */
  degraded(): string | undefined;
  /** For /readyz's details. */
  state(): { redis: 'up' | 'down'; tcccLimiter: SharedTcccLimiterStats; pendingSignOuts: number };
  close(): Promise<void>;
}

export interface SharedStateOptions {
  config: RedisConfig;
  sessionTtlSeconds: number;
  sdkUrlRateLimitPerMinute: number;
  /** Data Push and token requests per source address per minute (default 6000). */
  pushRateLimitPerMinute?: number;
  signInLimits?: SignInLimits;
  logger?: Logger;
  /** How long start waits for Redis before starting degraded (default 3000 ms). */
  startWaitMs?: number;
  /** Time between health probes (default 1000 ms). */
  probeIntervalMs?: number;
  connection?: RedisConnectionOptions;
  /** Silence of the TCCC limiter at each switch of mode (tccc-limiter.ts). */
  quietMs?: number;
}

/** Values the log redactor must remove: REDIS_URL's password. */
export function redisSecrets(config: RedisConfig | undefined): string[] {
  if (!config || !URL.canParse(config.url)) return [];
  const { password } = new URL(config.url);
  return password ? [decodeURIComponent(password)] : [];
}

export async function startSharedState(options: SharedStateOptions): Promise<SharedState> {
  const { config, logger } = options;
  const where = describeRedisUrl(config.url);
  const client = connectRedis(config.url, options.connection);
  const health = createRedisHealth({
    client,
    where,
    ...(options.probeIntervalMs ? { probeIntervalMs: options.probeIntervalMs } : {}),
    ...(logger ? { logger } : {}),
  });
  if (!(await health.whenUp(options.startWaitMs ?? 3000))) {
    logger?.warn(
      { redis: where, reason: health.reason },
      'starting with per-instance limits until Redis answers (see /readyz)',
    );
  }

  const common = { client, health, keyPrefix: config.keyPrefix, instances: config.instances };
  const limits = options.signInLimits ?? DEFAULT_SIGN_IN_LIMITS;
  const keyed = (name: string, limit: { failures: number; windowMs: number }) =>
    createRedisKeyedLimiter({ ...common, name, limit: limit.failures, windowMs: limit.windowMs });
  const revocations = createRedisRevocations({
    client,
    health,
    keyPrefix: config.keyPrefix,
    sessionTtlSeconds: options.sessionTtlSeconds,
  });
  const tcccLimiter = createSharedTcccLimiter({
    reserve: createSlotReserver(client),
    health,
    keyPrefix: config.keyPrefix,
    instances: config.instances,
    // Slots 55 ms apart, not the in-process limiter's 52.5: several processes (often on
    // several hosts) add their event-loop lag between a slot and TCCC seeing the request,
    // and the bench saw one RequestLimitExceeded in 600 with 50 ms (SCALE-OUT.md).
    marginMs: SHARED_MARGIN_MS,
    ...(options.quietMs !== undefined ? { quietMs: options.quietMs } : {}),
  });

  return {
    stores: {
      signInThrottle: createSignInThrottle({
        perAddress: keyed('sign-in-address', limits.perAddress),
        perAccountAndAddress: keyed('sign-in-account-address', limits.perAccountAndAddress),
        perAccount: keyed('sign-in-account', limits.perAccount),
        knownClients: createRedisKnownClients({
          client,
          health,
          keyPrefix: config.keyPrefix,
          rememberMs: limits.knownClientMs,
        }),
      }),
      sdkUrlLimiter: createRedisKeyedLimiter({
        ...common,
        name: 'sdk-url',
        limit: options.sdkUrlRateLimitPerMinute,
        windowMs: 60_000,
      }),
      revocations,
      pushLimiter: createRedisKeyedLimiter({
        ...common,
        name: 'push',
        limit: options.pushRateLimitPerMinute ?? 6_000,
        windowMs: 60_000,
      }),
    },
    tcccLimiter,
    health,
    client,
    degraded: () =>
      health.up
        ? undefined
        : `${health.reason ?? 'Redis is down'}; limits are per instance (1/${config.instances} each) until it is back`,
    state: () => ({
      redis: health.up ? 'up' : 'down',
      tcccLimiter: tcccLimiter.stats(),
      pendingSignOuts: revocations.pending,
    }),
    async close() {
      tcccLimiter.close();
      revocations.close();
      health.close();
      await client.quit().catch(() => client.disconnect());
    },
  };
}
