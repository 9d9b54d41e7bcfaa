/**
 * The spacing machinery behind the local rate limiter (rate-limiter.ts): ONE schedule, a
 * FIFO queue that lets one request go every `(1000 + marginMs) / requestsPerSecond` ms.
 * The limiter keeps one schedule per key (SecretId + action), since TCCC counts each action
 * of an account separately.
 */
import { type Clock, systemClock, type TimerHandle } from './clock.js';
import { TcccApiError } from './errors.js';

export interface ScheduleOptions {
  /** Requests per second to stay under. */
  requestsPerSecond: number;
  /**
   * Slack added to each one-second window: requests are spaced
   * `(1000 + marginMs) / requestsPerSecond` ms apart, so a request that travels faster than
   * the one sent a second before it still arrives outside that one's window.
   */
  marginMs: number;
  clock?: Clock;
}

export interface ScheduleRequest {
  /** Clock time (ms) by which the request must be allowed to go. */
  deadline: number;
  /** Aborted when the caller gives up: drop the request and reject with its reason. */
  signal: AbortSignal;
  /** The cloud API action, for the QueueTimeout message. */
  action: string;
}

export interface Schedule {
  /** Calls waiting for a slot. */
  readonly queued: number;
  /** Takes a slot when one is free now and nobody is queued; never queues. */
  tryAcquire(): boolean;
  /** Resolves at the request's slot; rejects at once with QueueTimeout if it would miss its deadline. */
  acquire(request: ScheduleRequest): Promise<void>;
}

/** `Date.now()` and timers tick in whole milliseconds: the finest a schedule can be kept. */
const TICK_MS = 1;

interface Waiter {
  deadline: number;
  signal: AbortSignal;
  action: string;
  resolve: () => void;
  reject: (reason: unknown) => void;
  onAbort: () => void;
}

/**
 * A FIFO queue that lets one request go every `(1000 + marginMs) / requestsPerSecond` ms
 * (52.5 ms by default). Even spacing, rather than bursts of 20, keeps every sliding
 * one-second window at the server under the limit even when network latency varies.
 *
 * Slots follow a fixed schedule, so timers that fire a little late (they always do) do not
 * stretch a 10 s burst into 12 s. A hard rule backs the schedule: never more than
 * `requestsPerSecond` grants within any second, so a stalled event loop cannot release a
 * catch-up burst.
 *
 * Above 1000 requests per second slots are closer than the clock's millisecond tick: the
 * slots of one tick are granted together (up to a tick ahead of schedule), so the rate is
 * kept on average instead of collapsing to one request per tick. At TCCC's 20/s nothing
 * changes: slots are 52.5 ms apart.
 */
export function createSchedule(options: ScheduleOptions): Schedule {
  const { requestsPerSecond, marginMs } = options;
  if (!(Number.isFinite(requestsPerSecond) && requestsPerSecond > 0)) {
    throw new RangeError(
      `requestsPerSecond must be a positive number, got ${String(requestsPerSecond)}`,
    );
  }
  if (!(Number.isFinite(marginMs) && marginMs >= 0)) {
    throw new RangeError(`marginMs must be a number >= 0, got ${String(marginMs)}`);
  }
  const clock = options.clock ?? systemClock;
  const intervalMs = (1000 + marginMs) / requestsPerSecond;
  // The hard rule: at most `perWindow` grants in any `windowMs` (for 0.5/s: 1 per 2000 ms).
  // It has no margin: the schedule carries that, and lateness must not compound.
  const perWindow = Math.max(1, Math.floor(requestsPerSecond));
  const windowMs = (perWindow * 1000) / requestsPerSecond;
  // How early a slot may be granted (only when slots are closer than a tick), and how late
  // a grant may come and still keep the schedule.
  const earlyMs = Math.max(0, TICK_MS - intervalMs);
  const lateMs = Math.max(intervalMs, TICK_MS);
  const queue: Waiter[] = [];
  /** The last `perWindow` grant times, a ring: `oldest` is the next to be overwritten. */
  const recentGrants = new Float64Array(perWindow).fill(Number.NEGATIVE_INFINITY);
  let oldest = 0;
  let lastSlot = Number.NEGATIVE_INFINITY;
  let timer: TimerHandle | undefined;

  /** When the next request may go: its scheduled slot, and not before the window allows. */
  function nextFreeAt() {
    const windowOpensAt = (recentGrants[oldest] as number) + windowMs;
    return Math.max(lastSlot + intervalMs - earlyMs, windowOpensAt);
  }

  function grant(now: number) {
    // Keep the schedule when a timer was a little late; after idle time or a long stall,
    // start a new schedule now instead of granting the missed slots in a burst.
    const scheduled = lastSlot + intervalMs;
    lastSlot = scheduled >= now - lateMs ? scheduled : now;
    recentGrants[oldest] = now;
    oldest = (oldest + 1) % perWindow;
  }

  function tryAcquire(): boolean {
    const now = clock.now();
    if (queue.length > 0 || now < nextFreeAt()) return false;
    grant(now);
    return true;
  }

  const queueTimeout = (
    action: string,
    waitMs: number,
    ahead: number,
    deadline: number,
    now: number,
  ) =>
    new TcccApiError({
      code: 'QueueTimeout',
      retryable: true,
      action,
      message:
        `Too many ${action} requests at once: ${ahead} queued ahead of this one, so it would be ` +
        `sent in ${Math.ceil(waitMs)} ms, past the queue deadline (${Math.max(0, Math.ceil(deadline - now))} ms ` +
        `left). The client sends at most ${requestsPerSecond} per second per action; retry ` +
        'in a few seconds, or raise queueTimeoutMs.',
    });

  function leave(waiter: Waiter) {
    const index = queue.indexOf(waiter);
    if (index !== -1) queue.splice(index, 1);
    waiter.signal.removeEventListener('abort', waiter.onAbort);
  }

  function schedule() {
    if (timer !== undefined || queue.length === 0) return;
    const delay = Math.max(0, nextFreeAt() - clock.now());
    timer = clock.setTimeout(pump, delay);
  }

  function pump() {
    timer = undefined;
    const now = clock.now();
    while (queue.length > 0 && now >= nextFreeAt()) {
      const waiter = queue[0] as Waiter;
      leave(waiter);
      if (now > waiter.deadline) {
        waiter.reject(queueTimeout(waiter.action, 0, 0, waiter.deadline, now));
        continue;
      }
      grant(now);
      waiter.resolve();
    }
    schedule();
  }

  return {
    get queued() {
      return queue.length;
    },
    tryAcquire,
    acquire({ deadline, signal, action }) {
      return new Promise<void>((resolve, reject) => {
        if (signal.aborted) {
          reject(signal.reason);
          return;
        }
        if (tryAcquire()) {
          resolve();
          return;
        }
        const now = clock.now();
        const sendAt = Math.max(now, nextFreeAt()) + queue.length * intervalMs;
        if (sendAt > deadline) {
          reject(queueTimeout(action, sendAt - now, queue.length, deadline, now));
          return;
        }
        const waiter: Waiter = {
          deadline,
          signal,
          action,
          resolve,
          reject,
          onAbort: () => {
            leave(waiter);
            reject(signal.reason);
          },
        };
        signal.addEventListener('abort', waiter.onAbort, { once: true });
        queue.push(waiter);
        schedule();
      });
    },
  };
}
