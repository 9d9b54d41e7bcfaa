/**
 * The shared mode of the TCCC limiter (tccc-limiter.ts) for one key: this instance's
 * callers wait in a local FIFO, and a pump reserves slots of the shared schedule in Redis
 * (slot-reservation.ts) for the caller at its head, then the next, as long as the slot is
 * at most `maxAheadMs` away. Past that, the pump sleeps until the schedule comes within
 * reach and tries again. Each caller sleeps until its slot.
 *
 * Why not reserve every caller's slot at once, up to its deadline (15 s)? A reserved slot
 * is spent whether or not its caller is still there: an instance that crashes takes its
 * reservations with it. With a 15 s queue, one of three instances crashing mid-burst wastes
 * five seconds of TCCC's capacity; holding reservations at most `maxAheadMs` (2 s) ahead
 * bounds that to its share of two seconds, for the price of FIFO order across instances
 * becoming FIFO per instance with the instances' pumps taking turns at the schedule.
 *
 * A caller waits up to its deadline, as with the in-process limiter, and is refused at once
 * with `QueueTimeout` only when its slot cannot come before it even if every next slot were
 * its own (the schedule's end, as last seen, plus the callers ahead of it here). A caller
 * that wakes more than `lateToleranceMs` after its slot (a stalled event loop) does not
 * send then, where it could crowd the next second: it goes back to its place in the queue.
 */
import { TcccApiError } from '@tccc-kit/tccc-client';
import type { ReserveSlot, SlotReservation } from './slot-reservation.js';

export interface SharedQueueOptions {
  reserve: ReserveSlot;
  /** The Redis key of the schedule. */
  redisKey: string;
  intervalMs: number;
  maxAheadMs: number;
  lateToleranceMs: number;
  /** Called with a Redis failure; the queue's waiters are then moved by their signals. */
  onRedisError(error: unknown): void;
  now: () => number;
  stats: { reserved: number; lateRetries: number };
}

export interface SharedQueueRequest {
  /** Order of arrival at the limiter: the queue is kept in this order. */
  ticket: number;
  action: string;
  deadline: number;
  signal: AbortSignal;
  /** The earliest a slot may be (the end of a quiet period), `now` time. */
  notBefore: number;
}

interface Waiter extends SharedQueueRequest {
  resolve(): void;
  reject(reason: unknown): void;
  onAbort(): void;
}

export interface SharedQueue {
  readonly queued: number;
  acquire(request: SharedQueueRequest): Promise<void>;
}

export function createSharedQueue(options: SharedQueueOptions): SharedQueue {
  const { now, intervalMs, maxAheadMs, stats } = options;
  const queue: Waiter[] = [];
  let pumping = false;
  /** When the schedule's next free slot was, as last seen (`now` time). */
  let nextFreeAt = Number.NEGATIVE_INFINITY;

  const queueTimeout = (action: string, waitMs: number) =>
    new TcccApiError({
      code: 'QueueTimeout',
      retryable: true,
      action,
      message:
        `Too many ${action} requests at once across the server instances: the next slot is at ` +
        `least ${Math.ceil(waitMs)} ms away, past the queue deadline. Retry in a few seconds.`,
    });

  function leave(waiter: Waiter) {
    const index = queue.indexOf(waiter);
    if (index !== -1) queue.splice(index, 1);
    waiter.signal.removeEventListener('abort', waiter.onAbort);
  }

  function grantAt(waiter: Waiter, delayMs: number) {
    const slotAt = now() + delayMs;
    const timer = setTimeout(() => {
      waiter.signal.removeEventListener('abort', onAbort);
      if (now() - slotAt <= options.lateToleranceMs) {
        waiter.resolve();
        return;
      }
      // Too late: the slot passed unused. Wait again, in its place (near the head).
      stats.lateRetries += 1;
      enqueue(waiter);
    }, delayMs);
    const onAbort = () => {
      clearTimeout(timer);
      waiter.reject(waiter.signal.reason);
    };
    waiter.signal.addEventListener('abort', onAbort, { once: true });
  }

  async function reserveFor(waiter: Waiter): Promise<SlotReservation> {
    const at = now();
    return options.reserve(options.redisKey, {
      intervalMs,
      maxDelayMs: Math.max(0, Math.min(waiter.deadline - at, maxAheadMs)),
      notBeforeMs: Math.max(0, waiter.notBefore - at),
    });
  }

  async function pump() {
    if (pumping) return;
    pumping = true;
    try {
      while (queue.length > 0) {
        const head = queue[0] as Waiter;
        let slot: SlotReservation;
        try {
          slot = await reserveFor(head);
        } catch (error) {
          options.onRedisError(error);
          return;
        }
        const at = now();
        nextFreeAt = at + slot.delayMs + (slot.reserved ? intervalMs : 0);
        if (queue[0] !== head) continue; // it left meanwhile; a slot it got is spent
        if (slot.reserved) {
          stats.reserved += 1;
          leave(head);
          grantAt(head, slot.delayMs);
          continue;
        }
        if (at + slot.delayMs > head.deadline) {
          leave(head);
          head.reject(queueTimeout(head.action, slot.delayMs));
          continue;
        }
        // The schedule is full for the next `maxAheadMs`: come back when it is not.
        await new Promise((resolve) => setTimeout(resolve, Math.max(1, slot.delayMs - maxAheadMs)));
      }
    } finally {
      pumping = false;
    }
  }

  function enqueue(waiter: Waiter) {
    if (waiter.signal.aborted) {
      waiter.reject(waiter.signal.reason);
      return;
    }
    waiter.signal.addEventListener('abort', waiter.onAbort, { once: true });
    // By ticket: callers moved here from another mode, or back after waking late, keep
    // their place among the others.
    let index = queue.length;
    while (index > 0 && (queue[index - 1] as Waiter).ticket > waiter.ticket) index--;
    queue.splice(index, 0, waiter);
    void pump();
  }

  return {
    get queued() {
      return queue.length;
    },
    acquire(request) {
      return new Promise<void>((resolve, reject) => {
        // Certain to miss: even if every next slot were ours, this one's comes too late.
        const earliest = Math.max(now(), nextFreeAt, request.notBefore) + queue.length * intervalMs;
        if (earliest > request.deadline) {
          reject(queueTimeout(request.action, earliest - now()));
          return;
        }
        const waiter: Waiter = {
          ...request,
          resolve,
          reject,
          onAbort: () => {
            leave(waiter);
            reject(request.signal.reason);
          },
        };
        enqueue(waiter);
      });
    },
  };
}
