/**
 * Shift start: 200 agents sign in at once. The client queues them and sends at most 20 per
 * second, so TCCC's limit (the mock enforces 20 per sliding second) never trips. Time is
 * simulated: the client runs on a manual clock and the mock's clock is moved in step.
 */
import { describe, expect, it } from 'vitest';
import type { TcccApiError } from '../src/errors.js';
import type { SdkUrl } from '../src/sdk-url.js';
import { createTcccClient } from '../src/tccc-client.js';
import { mockConfig, recordingLogger, SEAT, SEAT_2, until } from './support/fixtures.js';
import { createManualClock } from './support/manual-clock.js';
import { useMswMock } from './support/msw-mock.js';

const { mock, sent } = useMswMock();

function burst(count: number, createSdkUrl: (seat: string) => Promise<SdkUrl>) {
  const issued: SdkUrl[] = [];
  const failed: TcccApiError[] = [];
  const calls = Array.from({ length: count }, (_, index) =>
    createSdkUrl(index % 2 ? SEAT_2 : SEAT).then(
      (result) => {
        issued.push(result);
      },
      (error: TcccApiError) => {
        failed.push(error);
      },
    ),
  );
  return { issued, failed, settled: () => issued.length + failed.length, all: Promise.all(calls) };
}

// 200 real requests through the SDK and msw: quick when idle, slower on a loaded CI box.
// Nothing asserts on wall-clock time, so the generous timeout only bounds a hang.
describe('rate smoothing', { timeout: 60_000 }, () => {
  it('gets a burst of 200 sign-ins through in about 10.5 simulated seconds, none rate-limited', async () => {
    const clock = createManualClock(Date.now());
    const logger = recordingLogger();
    // No retries: a single RequestLimitExceeded would show up as a failure.
    const client = createTcccClient(mockConfig({ clock, logger, retries: 0 }));
    const start = clock.now();
    const run = burst(200, (seatUserId) => client.createSdkUrl({ seatUserId }));
    const dispatched = () => logger.events('tccc.sdk_url.attempt').length;

    const stepMs = 10;
    while (run.settled() < 200) {
      // Let every request already sent come back before time moves on.
      await until(() => run.settled() >= dispatched(), 'the requests in flight are answered');
      if (run.settled() === 200) break;
      clock.advance(stepMs);
      mock.advanceTime(stepMs);
    }
    await run.all;

    expect(run.failed.map((error) => error.code)).toEqual([]);
    expect(run.issued).toHaveLength(200);
    expect(sent()).toBe(200);
    expect(new Set(run.issued.map((result) => result.token)).size).toBe(200);
    const elapsed = clock.now() - start;
    expect(elapsed).toBeGreaterThan(10_000);
    expect(elapsed).toBeLessThan(11_000);
  });

  it('fails the calls that cannot be sent within queueTimeoutMs at once, with QueueTimeout', async () => {
    const clock = createManualClock(Date.now());
    const client = createTcccClient(mockConfig({ clock, retries: 0, queueTimeoutMs: 1_000 }));
    const run = burst(40, (seatUserId) => client.createSdkUrl({ seatUserId }));
    // Slots at 0, 52.5, ..., 997.5 ms fit in one second: 20 calls. The rest fail now.
    await until(() => run.failed.length === 20, 'the calls past the deadline fail');
    expect(run.issued.length).toBeLessThanOrEqual(1);
    const error = run.failed[0] as TcccApiError;
    expect(error).toMatchObject({
      name: 'TcccApiError',
      code: 'QueueTimeout',
      retryable: true,
      attempts: 0,
    });
    expect(error.seatUserId).toMatch(/@example.com$/);
    expect(error.message).toMatch(/queued ahead of this one/);

    for (let elapsed = 0; run.settled() < 40 && elapsed <= 1_000; elapsed += 10) {
      clock.advance(10);
      mock.advanceTime(10);
      await until(() => run.settled() >= 20 + sent(), 'the requests in flight are answered');
    }
    await run.all;
    expect(run.issued).toHaveLength(20);
    expect(run.failed.every((failure) => failure.code === 'QueueTimeout')).toBe(true);
  });
});
