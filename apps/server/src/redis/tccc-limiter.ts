/**
 * The TCCC rate limit (20 calls per second per action of an account) shared by every
 * server instance: a `RateLimiter` of `@tccc-kit/tccc-client` (which knows nothing of
 * Redis), passed to `createTcccClient` as `limiter`.
 *
 * Shared mode (Redis up): the instances share one schedule per key in Redis, slots
 * `(1000 + marginMs) / rate` ms apart (52.5 ms), each reserved atomically by one Lua script
 * (slot-reservation.ts). Each instance's callers wait in a FIFO and are given slots at most
 * `maxAheadMs` ahead (shared-queue.ts); each sleeps until its slot. Callers still wait in a
 * queue up to their deadline, as with the in-process limiter, and fail with `QueueTimeout`
 * only once their slot cannot come in time; the queue is simply shared.
 *
 * Local mode (Redis down): each instance smooths to its share of the limit,
 * `floor(rate / instances)` per second (6 of 20 for 3 instances), with the in-process
 * limiter; together they stay under TCCC's limit without talking to each other.
 *
 * Switching modes is where two schedules could overlap: the instances do not notice an
 * outage (or its end) at the same instant, and TCCC counts any one-second window. So each
 * switch begins with `quietMs` in which this instance sends nothing (by default one second
 * for TCCC's window plus 1.5 s for the instances to notice the change: the probe interval
 * and a command timeout). Calls waiting for a slot of the old mode move to the new one in
 * their order. A partition that cuts only some instances off from Redis is not covered:
 * the cut-off ones keep their share while the others share the whole limit.
 */
import {
  createLocalRateLimiter,
  type LocalRateLimiter,
  type RateLimiter,
  TcccApiError,
} from '@tccc-kit/tccc-client';
import type { RedisHealth } from './health.js';
import { createSharedQueue, type SharedQueue } from './shared-queue.js';
import type { ReserveSlot } from './slot-reservation.js';

export type TcccLimiterMode = 'shared' | 'local';

export interface SharedTcccLimiterOptions {
  reserve: ReserveSlot;
  /** The mode follows it: shared while Redis is up, local while it is down. */
  health: RedisHealth;
  /** Prefix of the Redis keys (the tccc-client key follows it). */
  keyPrefix: string;
  /** The most instances that share the limit; while local, each keeps 1 / instances of it. */
  instances: number;
  /** TCCC's limit per key (default 20). */
  requestsPerSecond?: number;
  /** Added to each one-second window, as the in-process limiter does (default 50 ms). */
  marginMs?: number;
  /** Silence at each switch of mode (default 2500 ms). */
  quietMs?: number;
  /** How late after its slot a caller may still send (default marginMs / 2). */
  lateToleranceMs?: number;
  /** How far ahead an instance may hold slots (default 2000 ms; see shared-queue.ts). */
  maxAheadMs?: number;
  now?: () => number;
}

export interface SharedTcccLimiterStats {
  mode: TcccLimiterMode;
  /** Slots reserved in Redis. */
  reserved: number;
  /** Slots given up because the caller woke too late, and reserved again. */
  lateRetries: number;
  /** Mode switches since start. */
  switches: number;
}

export interface SharedTcccLimiter extends RateLimiter {
  readonly mode: TcccLimiterMode;
  stats(): SharedTcccLimiterStats;
  /** Stops following `health`; waiting calls keep their current mode. */
  close(): void;
}

/** What one instance may send per second while Redis is down (whole, below 20). */
export function localShare(requestsPerSecond: number, instances: number): number {
  const share = requestsPerSecond / instances;
  return share >= 1 ? Math.floor(share) : share;
}

interface Epoch {
  mode: TcccLimiterMode;
  /** Nothing is sent before this time (ms, `now`). */
  quietUntil: number;
  /** Aborted when the next mode begins: its waiters move on. */
  left: AbortController;
  local: LocalRateLimiter | undefined;
  /** Shared mode: one queue per key. */
  queues: Map<string, SharedQueue>;
  /** Calls waiting for the quiet period to end, by ticket (local mode). */
  gate: Array<{ ticket: number; open(): void }>;
  gateTimer: ReturnType<typeof setTimeout> | undefined;
}

export function createSharedTcccLimiter(options: SharedTcccLimiterOptions): SharedTcccLimiter {
  const now = options.now ?? Date.now;
  const rate = options.requestsPerSecond ?? 20;
  const marginMs = options.marginMs ?? 50;
  const quietMs = options.quietMs ?? 2500;
  const lateToleranceMs = options.lateToleranceMs ?? marginMs / 2;
  const maxAheadMs = options.maxAheadMs ?? 2000;
  const intervalMs = (1000 + marginMs) / rate;
  const share = localShare(rate, options.instances);
  const stats = { reserved: 0, lateRetries: 0, switches: 0 };
  /** Tickets number calls in order of arrival; each mode serves them in that order. */
  let tickets = 0;

  const epochFor = (mode: TcccLimiterMode, quietUntil: number): Epoch => ({
    mode,
    quietUntil,
    left: new AbortController(),
    local:
      mode === 'local' ? createLocalRateLimiter({ requestsPerSecond: share, marginMs }) : undefined,
    queues: new Map(),
    gate: [],
    gateTimer: undefined,
  });
  let epoch = epochFor(options.health.up ? 'shared' : 'local', now());
  const unfollow = options.health.onChange((up) => {
    const mode: TcccLimiterMode = up ? 'shared' : 'local';
    if (mode === epoch.mode) return;
    const previous = epoch;
    epoch = epochFor(mode, now() + quietMs);
    stats.switches += 1;
    previous.left.abort(new Error(`the TCCC limiter switched to ${mode} mode`));
  });

  const queueTimeout = (action: string, waitMs: number, why: string) =>
    new TcccApiError({
      code: 'QueueTimeout',
      retryable: true,
      action,
      message:
        `Too many ${action} requests at once across the server instances: ${why} ` +
        `(${Math.ceil(waitMs)} ms away, past the queue deadline). Retry in a few seconds.`,
    });

  function queueOf(current: Epoch, key: string): SharedQueue {
    let queue = current.queues.get(key);
    if (queue === undefined) {
      queue = createSharedQueue({
        reserve: options.reserve,
        redisKey: `${options.keyPrefix}tccc:${key}`,
        intervalMs,
        maxAheadMs,
        lateToleranceMs,
        // Redis failed: health switches this limiter to local mode, moving the waiters.
        onRedisError: (error) => options.health.report(error),
        now,
        stats,
      });
      current.queues.set(key, queue);
    }
    return queue;
  }

  /** Resolves when `current`'s quiet period ends, in ticket order with the others. */
  function afterQuiet(current: Epoch, ticket: number, signal: AbortSignal): Promise<void> {
    const wait = current.quietUntil - now();
    if (wait <= 0) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const entry = {
        ticket,
        open() {
          signal.removeEventListener('abort', onAbort);
          resolve();
        },
      };
      const onAbort = () => {
        current.gate.splice(current.gate.indexOf(entry), 1);
        reject(signal.reason);
      };
      signal.addEventListener('abort', onAbort, { once: true });
      let index = current.gate.length;
      while (index > 0 && (current.gate[index - 1]?.ticket ?? 0) > ticket) index--;
      current.gate.splice(index, 0, entry);
      current.gateTimer ??= setTimeout(() => {
        for (const waiting of current.gate.splice(0)) waiting.open();
      }, wait);
    });
  }

  async function acquireLocal(
    ticket: number,
    key: string,
    action: string,
    deadline: number,
    current: Epoch,
    signal: AbortSignal,
  ) {
    if (current.quietUntil > deadline) {
      throw queueTimeout(
        action,
        current.quietUntil - now(),
        'Redis is unreachable and the local share starts',
      );
    }
    await afterQuiet(current, ticket, signal);
    await (current.local as LocalRateLimiter).acquire({ key, action, deadline, signal });
  }

  return {
    get mode() {
      return epoch.mode;
    },
    stats: () => ({ mode: epoch.mode, ...stats }),
    close: unfollow,
    async acquire({ key, action, deadline, signal }) {
      tickets += 1;
      const ticket = tickets;
      for (;;) {
        if (signal.aborted) throw signal.reason;
        const current = epoch;
        const both = AbortSignal.any([signal, current.left.signal]);
        try {
          if (current.mode === 'shared') {
            await queueOf(current, key).acquire({
              ticket,
              action,
              deadline,
              signal: both,
              notBefore: current.quietUntil,
            });
          } else {
            await acquireLocal(ticket, key, action, deadline, current, both);
          }
          return;
        } catch (error) {
          if (signal.aborted) throw signal.reason;
          // The mode changed while this call waited: wait again in the new one.
          if (current.left.signal.aborted) continue;
          throw error;
        }
      }
    },
  };
}
