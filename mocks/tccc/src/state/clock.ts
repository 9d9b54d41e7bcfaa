/**
 * The mock's notion of "now". Token expiry, signature skew, rate limiting, call deadlines and
 * CDR timestamps all read it, so tests move time instead of sleeping.
 *
 * By default the clock is real time plus an offset: `set()` and `advance()` change the
 * offset, and time keeps flowing from there. `pause()` stops it: `now()` then stays put until
 * `set()`, `advance()` or `resume()`, so nothing that waits on mock time (a ringing callee, an
 * offer timeout) can happen while a test is still looking. It reads `Date.now()`, so Vitest
 * fake timers drive it too.
 */
export interface MockClock {
  /** Current mock time in epoch milliseconds. */
  now(): number;
  /** Jump to a point in time (a Date or epoch milliseconds). */
  set(time: Date | number): void;
  /** Move time forward by `ms` milliseconds (must be a finite number >= 0). */
  advance(ms: number): void;
  /** Stop time where it is: only set() and advance() move it until resume(). */
  pause(): void;
  /** Let time flow again from where it stands. */
  resume(): void;
  readonly paused: boolean;
  /** Back to real time (offset 0, flowing), or to the clock's initial time if it was given one. */
  reset(): void;
  /** Milliseconds between mock time and real time. */
  offsetMs(): number;
}

export interface MockClockOptions {
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

export function createMockClock(options: MockClockOptions = {}): MockClock {
  const realNow = options.realNow ?? (() => Date.now());
  const initialOffset = () =>
    options.start === undefined ? 0 : toEpochMs(options.start, 'start') - realNow();
  let offset = initialOffset();
  /** While paused, the mock time that stands still. */
  let frozenAt: number | undefined;

  const now = () => frozenAt ?? realNow() + offset;
  const moveTo = (ms: number) => {
    if (frozenAt === undefined) offset = ms - realNow();
    else frozenAt = ms;
  };
  return {
    now,
    set(time) {
      moveTo(toEpochMs(time));
    },
    advance(ms) {
      if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0) {
        throw new RangeError('advance(ms) needs a finite number of milliseconds >= 0');
      }
      moveTo(now() + ms);
    },
    pause() {
      frozenAt ??= now();
    },
    resume() {
      if (frozenAt === undefined) return;
      offset = frozenAt - realNow();
      frozenAt = undefined;
    },
    get paused() {
      return frozenAt !== undefined;
    },
    reset() {
      frozenAt = undefined;
      offset = initialOffset();
    },
    offsetMs: () => now() - realNow(),
  };
}
