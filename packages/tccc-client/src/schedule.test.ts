import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createManualClock } from '../test/support/manual-clock.js';
import { TcccApiError } from './errors.js';
import { createSchedule, type ScheduleOptions } from './schedule.js';

const ACTION = 'DescribeTelCdr';

/** A schedule with the limiter's defaults (20/s, 50 ms margin) unless overridden. */
const createLocalSchedule = (options: Partial<ScheduleOptions> = {}) =>
  createSchedule({ requestsPerSecond: 20, marginMs: 50, ...options });

/** A signal that never fires; one per call, as the client passes. */
const live = () => new AbortController().signal;

/** Largest number of times inside any half-open window (t - 1000, t], as the mock counts. */
function busiestSecond(times: number[]): number {
  let most = 0;
  for (const end of times) {
    most = Math.max(most, times.filter((t) => t > end - 1000 && t <= end).length);
  }
  return most;
}

describe('createSchedule under Vitest fake timers', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(Date.UTC(2026, 0, 5, 8, 0, 0));
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('lets the first request go at once and spaces the next ones (1000 + 50) / 20 ms apart', async () => {
    const schedule = createLocalSchedule();
    const start = Date.now();
    const granted: number[] = [];
    for (let i = 0; i < 4; i++) {
      void schedule
        .acquire({ action: ACTION, deadline: start + 15_000, signal: live() })
        .then(() => granted.push(Date.now() - start));
    }
    await vi.advanceTimersByTimeAsync(1_000);
    // Slots at 0, 52.5, 105, 157.5 ms; fake timers fire on whole milliseconds.
    expect(granted).toEqual([0, 53, 105, 158]);
  });

  it('smooths a burst of 200 into about 10.5 s with never more than 20 in any second', async () => {
    const schedule = createLocalSchedule({ requestsPerSecond: 20 });
    const start = Date.now();
    const granted: number[] = [];
    const all = Array.from({ length: 200 }, () =>
      schedule
        .acquire({ action: ACTION, deadline: start + 15_000, signal: live() })
        .then(() => granted.push(Date.now())),
    );
    await vi.advanceTimersByTimeAsync(9_000);
    expect(granted.length).toBeLessThan(200);
    await vi.advanceTimersByTimeAsync(2_000);
    await Promise.all(all);
    expect(granted).toHaveLength(200);
    expect(busiestSecond(granted)).toBeLessThanOrEqual(20);
    expect(busiestSecond(granted)).toBeGreaterThanOrEqual(19);
    const lastAt = (granted.at(-1) as number) - start;
    expect(lastAt).toBeGreaterThan(10_400);
    expect(lastAt).toBeLessThan(10_700);
  });

  it('refuses at once with QueueTimeout when the slot would come after the deadline', async () => {
    const schedule = createLocalSchedule({ marginMs: 0 });
    const deadline = Date.now() + 1_000;
    const refused: unknown[] = [];
    const all = Array.from({ length: 25 }, () =>
      schedule.acquire({ action: ACTION, deadline, signal: live() }).catch((error: unknown) => {
        refused.push(error);
      }),
    );
    await Promise.resolve();
    // Slots at 0, 50, ..., 1000 ms fit: 21 of 25. The other 4 fail without waiting.
    expect(refused).toHaveLength(4);
    const first = refused[0] as TcccApiError;
    expect(first).toBeInstanceOf(TcccApiError);
    expect(first.code).toBe('QueueTimeout');
    expect(first.retryable).toBe(true);
    expect(first.message).toMatch(/^Too many DescribeTelCdr requests at once: 20 queued ahead/);
    expect(first.message).toMatch(/raise queueTimeoutMs/);
    expect(first.action).toBe(ACTION);
    expect(schedule.queued).toBe(20);
    await vi.advanceTimersByTimeAsync(1_000);
    await Promise.all(all);
    expect(schedule.queued).toBe(0);
    expect(refused).toHaveLength(4);
  });

  it('drops a waiter whose signal aborts and gives its slot to the next one', async () => {
    const schedule = createLocalSchedule({ marginMs: 0 });
    const start = Date.now();
    const deadline = start + 15_000;
    await schedule.acquire({ action: ACTION, deadline, signal: live() });
    const controller = new AbortController();
    const abandoned = schedule.acquire({ action: ACTION, deadline, signal: controller.signal });
    const next = schedule
      .acquire({ action: ACTION, deadline, signal: live() })
      .then(() => Date.now() - start);
    controller.abort(new Error('user left'));
    await expect(abandoned).rejects.toThrow('user left');
    expect(schedule.queued).toBe(1);
    await vi.advanceTimersByTimeAsync(200);
    expect(await next).toBe(50);
  });

  it('keeps rates above 1000/s although the clock and timers tick in whole milliseconds', async () => {
    // 5000/s: slots 0.2 ms apart, so 5 per millisecond tick; one per tick would be 1000/s.
    const schedule = createLocalSchedule({ requestsPerSecond: 5000, marginMs: 0 });
    const start = Date.now();
    const granted: number[] = [];
    const all = Array.from({ length: 100 }, () =>
      schedule
        .acquire({ action: ACTION, deadline: start + 15_000, signal: live() })
        .then(() => granted.push(Date.now() - start)),
    );
    await vi.advanceTimersByTimeAsync(25);
    await Promise.all(all);
    expect(granted).toHaveLength(100);
    expect(granted.at(-1)).toBe(19);
    const perTick = new Map<number, number>();
    for (const at of granted) perTick.set(at, (perTick.get(at) ?? 0) + 1);
    expect(Math.max(...perTick.values())).toBe(5);
  });

  it('tryAcquire takes a free slot at once, and refuses without queueing when none is free', async () => {
    const schedule = createLocalSchedule({ requestsPerSecond: 20, marginMs: 0 });
    expect(schedule.tryAcquire()).toBe(true);
    expect(schedule.tryAcquire()).toBe(false);
    expect(schedule.queued).toBe(0);
    const waiting = schedule.acquire({
      action: ACTION,
      deadline: Date.now() + 1_000,
      signal: live(),
    });
    await vi.advanceTimersByTimeAsync(50);
    await waiting;
    expect(schedule.tryAcquire()).toBe(false);
    await vi.advanceTimersByTimeAsync(50);
    expect(schedule.tryAcquire()).toBe(true);
  });

  it('rejects an already aborted signal without using a slot', async () => {
    const schedule = createLocalSchedule();
    await expect(
      schedule.acquire({
        action: ACTION,
        deadline: Date.now() + 1000,
        signal: AbortSignal.abort(new Error('gone')),
      }),
    ).rejects.toThrow('gone');
    await expect(
      schedule.acquire({ action: ACTION, deadline: Date.now(), signal: live() }),
    ).resolves.toBeUndefined();
  });
});

describe('createSchedule with an injected clock', () => {
  it('does not burst to catch up when its timer fires late', async () => {
    const clock = createManualClock();
    const schedule = createLocalSchedule({ clock, requestsPerSecond: 10, marginMs: 0 });
    const start = clock.now();
    const granted: number[] = [];
    for (let i = 0; i < 4; i++) {
      void schedule
        .acquire({ action: ACTION, deadline: start + 60_000, signal: live() })
        .then(() => granted.push(clock.now() - start));
    }
    await Promise.resolve();
    expect(granted).toEqual([0]);
    // The slot was due at 100 ms but the event loop stalled until 350 ms.
    clock.advance(350, { late: true });
    await Promise.resolve();
    expect(granted).toEqual([0, 350]);
    clock.advance(100);
    await Promise.resolve();
    expect(granted).toEqual([0, 350, 450]);
  });

  it('keeps its schedule after a slightly late timer, yet never exceeds the rate in any window', async () => {
    const clock = createManualClock();
    const schedule = createLocalSchedule({ clock, requestsPerSecond: 2, marginMs: 0 });
    const start = clock.now();
    const granted: number[] = [];
    for (let i = 0; i < 4; i++) {
      void schedule
        .acquire({ action: ACTION, deadline: start + 60_000, signal: live() })
        .then(() => granted.push(clock.now() - start));
    }
    await Promise.resolve();
    // The 500 ms slot's timer fires 490 ms late: the schedule holds (next slot 1000 ms)...
    clock.advance(990, { late: true });
    await Promise.resolve();
    clock.advance(10);
    await Promise.resolve();
    expect(granted).toEqual([0, 990, 1000]);
    // ...but 990 and 1000 are in one second, so the next waits until 990 + 1000.
    clock.advance(980);
    await Promise.resolve();
    expect(granted).toEqual([0, 990, 1000]);
    clock.advance(10);
    await Promise.resolve();
    expect(granted).toEqual([0, 990, 1000, 1990]);
  });

  it('fails a waiter with QueueTimeout when a late timer finds its deadline passed', async () => {
    const clock = createManualClock();
    const schedule = createLocalSchedule({ clock, requestsPerSecond: 1, marginMs: 0 });
    await schedule.acquire({ action: ACTION, deadline: clock.now(), signal: live() });
    const late = schedule.acquire({
      action: ACTION,
      deadline: clock.now() + 1_000,
      signal: live(),
    });
    clock.advance(5_000, { late: true });
    await expect(late).rejects.toMatchObject({ name: 'TcccApiError', code: 'QueueTimeout' });
  });

  it('validates its options', () => {
    expect(() => createLocalSchedule({ requestsPerSecond: 0 })).toThrow(/requestsPerSecond/);
    expect(() => createLocalSchedule({ marginMs: -1 })).toThrow(/marginMs/);
  });
});
