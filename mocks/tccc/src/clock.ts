/**
 * The mock's notion of "now". Token expiry, signature skew and rate limiting all read it,
 * so tests can move time instead of sleeping.
 *
 * By default the clock is real time plus an offset: `set()` and `advance()` change the
 * offset, and time keeps flowing from there. It reads `Date.now()`, so Vitest fake timers
 * drive it too.
 */
export interface Clock {
  /** Current mock time in epoch milliseconds. */
  now(): number;
  /** Jump to a point in time (a Date or epoch milliseconds); time keeps flowing from there. */
  set(time: Date | number): void;
  /** Move time forward by `ms` milliseconds (must be a finite number >= 0). */
  advance(ms: number): void;
  /** Back to real time (offset 0), or to the clock's initial time if it was given one. */
  reset(): void;
  /** Milliseconds between mock time and real time. */
  offsetMs(): number;
}

export interface ClockOptions {
  /** Start at this time instead of real time. */
  start?: Date | number;
  /** The real-time source; defaults to `Date.now`. */
  realNow?: () => number;
}

export function toEpochMs(time: Date | number, what = 'time'): number {
  const ms = time instanceof Date ? time.getTime() : time;
  if (typeof ms !== 'number' || !Number.isFinite(ms)) {
    throw new TypeError(`${what} must be a valid Date or a finite number of epoch milliseconds`);
  }
  return ms;
}

export function createClock(options: ClockOptions = {}): Clock {
  const realNow = options.realNow ?? (() => Date.now());
  const initialOffset = () =>
    options.start === undefined ? 0 : toEpochMs(options.start, 'start') - realNow();
  let offset = initialOffset();
  return {
    now: () => realNow() + offset,
    set(time) {
      offset = toEpochMs(time) - realNow();
    },
    advance(ms) {
      if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0) {
        throw new RangeError('advance(ms) needs a finite number of milliseconds >= 0');
      }
      offset += ms;
    },
    reset() {
      offset = initialOffset();
    },
    offsetMs: () => offset,
  };
}
