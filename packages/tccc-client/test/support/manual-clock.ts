/**
 * A clock that moves only when told to: `advance(ms)` runs the timers that fall due, in
 * order, each at its own time. Used where Vitest's global fake timers would also freeze
 * the timers of the real HTTP stack under test.
 */
import type { Clock } from '../../src/clock.js';

interface Timer {
  id: number;
  at: number;
  callback: () => void;
}

export interface ManualClock extends Clock {
  /**
   * Move time forward by `ms`. With `{ late: true }` time jumps to the end first and due
   * timers then run late, as they would on a stalled event loop.
   */
  advance(ms: number, options?: { late?: boolean }): void;
  /** Timers not yet run. */
  readonly pending: number;
}

export function createManualClock(start = Date.UTC(2026, 0, 5, 8, 0, 0)): ManualClock {
  let now = start;
  let nextId = 1;
  let timers: Timer[] = [];
  return {
    now: () => now,
    setTimeout(callback, delayMs) {
      const timer = { id: nextId++, at: now + Math.max(0, delayMs), callback };
      timers.push(timer);
      return timer.id;
    },
    clearTimeout(handle) {
      timers = timers.filter((timer) => timer.id !== handle);
    },
    advance(ms, options = {}) {
      const target = now + ms;
      if (options.late) now = target;
      for (;;) {
        const due = timers
          .filter((timer) => timer.at <= target)
          .sort((a, b) => a.at - b.at || a.id - b.id)[0];
        if (!due) break;
        timers = timers.filter((timer) => timer !== due);
        now = Math.max(now, due.at);
        due.callback();
      }
      now = target;
    },
    get pending() {
      return timers.length;
    },
  };
}
