/**
 * In-process stand-ins for the Redis parts of the TCCC limiter, for tests about its own
 * logic (modes, queues, deadlines) rather than about Redis: a `RedisHealth` the test
 * switches by hand, and a `ReserveSlot` that keeps the schedule in memory (the same GCRA
 * as the Lua script) and can be made to fail.
 */
import type { RedisHealth } from '../health.js';
import type { ReserveSlot } from '../slot-reservation.js';

export interface FakeHealth extends RedisHealth {
  set(up: boolean): void;
  reports: unknown[];
}

export function fakeHealth(up = true): FakeHealth {
  const listeners = new Set<(up: boolean) => void>();
  let state = up;
  const health: FakeHealth = {
    get up() {
      return state;
    },
    get reason() {
      return state ? undefined : 'Redis is down (fake)';
    },
    reports: [],
    set(next) {
      if (next === state) return;
      state = next;
      for (const listener of listeners) listener(next);
    },
    report(error) {
      health.reports.push(error);
      health.set(false);
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    whenUp: async () => state,
    close: () => listeners.clear(),
  };
  return health;
}

export interface FakeReserver {
  reserve: ReserveSlot;
  /** Makes the next reservations reject with `error` (undefined: answer again). */
  failWith(error: Error | undefined): void;
  calls: number;
}

export function fakeReserver(): FakeReserver {
  const tat = new Map<string, number>();
  let failure: Error | undefined;
  const fake: FakeReserver = {
    calls: 0,
    failWith(error) {
      failure = error;
    },
    async reserve(key, { intervalMs, maxDelayMs, notBeforeMs = 0 }) {
      fake.calls += 1;
      if (failure) throw failure;
      const now = performance.now();
      const slot = Math.max(tat.get(key) ?? 0, now, now + notBeforeMs);
      if (slot - now > maxDelayMs) return { reserved: false, delayMs: slot - now };
      tat.set(key, slot + intervalMs);
      return { reserved: true, delayMs: slot - now };
    },
  };
  return fake;
}
