/**
 * The shared TCCC limiter's own logic, on in-process stand-ins for Redis (testing/fakes.ts):
 * modes that follow Redis's health, the quiet period at each switch, waiting calls moving
 * in their order, deadlines, late wakers. Against a real Redis: instances.test.ts and
 * outage.test.ts.
 */
import { TcccApiError } from '@tccc-kit/tccc-client';
import { describe, expect, it } from 'vitest';
import { createSharedTcccLimiter, localShare } from './tccc-limiter.js';
import { fakeHealth, fakeReserver } from './testing/fakes.js';

const KEY = 'ccc:0123456789abcdef:CreateSDKLoginToken';
const ACTION = 'CreateSDKLoginToken';

function limiter(options: { up?: boolean; quietMs?: number; instances?: number } = {}) {
  const health = fakeHealth(options.up ?? true);
  const reserver = fakeReserver();
  const tccc = createSharedTcccLimiter({
    reserve: reserver.reserve,
    health,
    keyPrefix: 'test:',
    instances: options.instances ?? 2,
    quietMs: options.quietMs ?? 300,
  });
  const acquire = (deadlineMs = 10_000, signal = new AbortController().signal) =>
    tccc.acquire({ key: KEY, action: ACTION, deadline: Date.now() + deadlineMs, signal });
  return { tccc, health, reserver, acquire };
}

describe('localShare', () => {
  it('gives each instance a whole share of 20/s, so the sum never passes 20 in any second', () => {
    expect(localShare(20, 1)).toBe(20);
    expect(localShare(20, 3)).toBe(6);
    expect(localShare(20, 7)).toBe(2);
    expect(localShare(20, 40)).toBe(0.5);
  });
});

describe('the shared TCCC limiter', () => {
  it('spaces calls 52.5 ms apart on the shared schedule while Redis is up', async () => {
    const { acquire, tccc } = limiter();
    const granted: number[] = [];
    await Promise.all(
      [1, 2, 3, 4].map(() => acquire().then(() => granted.push(performance.now()))),
    );
    // Slots are 52.5 ms apart; a grant may come up to 25 ms after its slot (timers lag).
    const span = (granted.at(-1) as number) - (granted[0] as number);
    expect(span).toBeGreaterThanOrEqual(3 * 52.5 - 25);
    // One slot each, plus one more for each caller that woke too late (a loaded machine).
    const stats = tccc.stats();
    expect(stats.mode).toBe('shared');
    expect(stats.reserved - stats.lateRetries).toBe(4);
  });

  it('moves waiting calls to the local share when Redis goes down, in order, after a quiet period', async () => {
    const { acquire, tccc, health } = limiter({ quietMs: 300, instances: 2 });
    const order: number[] = [];
    const calls = [0, 1, 2, 3, 4, 5].map((i) => acquire().then(() => order.push(i)));
    await calls[0];
    const switchedAt = performance.now();
    health.set(false);
    let firstLocal = Number.POSITIVE_INFINITY;
    await Promise.all(
      calls.slice(1).map((call) =>
        call.then(() => {
          firstLocal = Math.min(firstLocal, performance.now());
        }),
      ),
    );
    expect(order).toEqual([0, 1, 2, 3, 4, 5]);
    expect(firstLocal - switchedAt).toBeGreaterThanOrEqual(295);
    expect(tccc.stats()).toMatchObject({ mode: 'local', switches: 1 });
  });

  it('goes back to the shared schedule after Redis returns, after the quiet period again', async () => {
    const { acquire, tccc, health, reserver } = limiter({ up: false, quietMs: 200 });
    await acquire();
    health.set(true);
    const at = performance.now();
    await acquire();
    expect(performance.now() - at).toBeGreaterThanOrEqual(195);
    // One reservation (one more if a loaded machine woke the caller past its slot).
    expect(reserver.calls - tccc.stats().lateRetries).toBe(1);
    expect(tccc.mode).toBe('shared');
  });

  it('switches to local mode when a reservation fails, and still grants the call', async () => {
    const { acquire, tccc, health, reserver } = limiter({ quietMs: 50 });
    reserver.failWith(new Error('Connection is closed.'));
    await acquire();
    expect(health.reports).toHaveLength(1);
    expect(tccc.mode).toBe('local');
  });

  it('refuses at once, with QueueTimeout, a call whose slot cannot come before its deadline', async () => {
    const { acquire } = limiter();
    const queued = Array.from({ length: 40 }, () => acquire(10_000)); // 2.1 s of slots
    await new Promise((resolve) => setTimeout(resolve, 20));
    const started = performance.now();
    const refusal = await acquire(500).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(TcccApiError);
    expect(refusal).toMatchObject({ code: 'QueueTimeout', retryable: true, action: ACTION });
    expect(performance.now() - started).toBeLessThan(400);
    await Promise.all(queued);
  });

  it('drops a call whose caller gave up, without granting it', async () => {
    const { acquire, tccc } = limiter();
    const controller = new AbortController();
    const first = acquire();
    const second = acquire(10_000, controller.signal);
    controller.abort(new Error('the browser left'));
    await expect(second).rejects.toThrow('the browser left');
    await first;
    expect(tccc.stats().reserved).toBeLessThanOrEqual(2);
  });

  it('does not send late: a caller that wakes past its slot takes a new one', async () => {
    const { acquire, tccc } = limiter();
    await acquire(); // the next slot is 52.5 ms away
    const second = acquire();
    await new Promise((resolve) => setTimeout(resolve, 5));
    const until = performance.now() + 150; // a stalled event loop, past the slot
    while (performance.now() < until) {}
    await second;
    expect(tccc.stats().lateRetries).toBeGreaterThanOrEqual(1);
  });
});
