/**
 * Timeouts really abort the request, and a caller's AbortSignal ends the call wherever it
 * is: in the queue, on the wire, or between retries.
 */
import { describe, expect, it } from 'vitest';
import { TcccApiError } from '../src/errors.js';
import { createTcccClient } from '../src/tccc-client.js';
import { mockConfig, recordingLogger, SEAT, until } from './support/fixtures.js';
import { createManualClock } from './support/manual-clock.js';
import { useMswMock } from './support/msw-mock.js';

const { mock, sent } = useMswMock();

async function failure(promise: Promise<unknown>) {
  const error = await promise.catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(TcccApiError);
  return error as TcccApiError;
}

describe('timeouts', () => {
  it('fails with Timeout after timeoutMs when TCCC never answers', async () => {
    mock.addFault({ target: 'CreateSDKLoginToken', kind: 'hang' });
    const client = createTcccClient(mockConfig({ timeoutMs: 100, retries: 0 }));
    const error = await failure(client.createSdkUrl({ seatUserId: SEAT }));
    expect(error).toMatchObject({ code: 'Timeout', retryable: true, attempts: 1 });
    expect(error.message).toMatch(/within timeoutMs \(100 ms\); the request was aborted/);
    expect(error.traceId).toBeTruthy();
  });
});

describe('aborts', () => {
  it('fails at once with Aborted, sending nothing, when the signal has already fired', async () => {
    const client = createTcccClient(mockConfig());
    const error = await failure(
      client.createSdkUrl({ seatUserId: SEAT, signal: AbortSignal.abort() }),
    );
    expect(error).toMatchObject({ code: 'Aborted', retryable: false, attempts: 0 });
    expect(sent()).toBe(0);
  });

  it('aborts a request in flight, and logs it as news (info), not as an error', async () => {
    mock.addFault({ target: 'CreateSDKLoginToken', kind: 'hang' });
    const logger = recordingLogger();
    const client = createTcccClient(mockConfig({ timeoutMs: 60_000, logger }));
    const controller = new AbortController();
    const call = client.createSdkUrl({ seatUserId: SEAT, signal: controller.signal });
    await until(() => sent() === 1, 'the request is on the wire');
    controller.abort();
    const error = await failure(call);
    expect(error).toMatchObject({ code: 'Aborted', attempts: 1 });
    expect(logger.events('tccc.sdk_url.failed')).toMatchObject([
      { level: 'info', fields: { code: 'Aborted', attempts: 1 } },
    ]);
    expect(logger.entries.filter((entry) => entry.level === 'error')).toEqual([]);
  });

  it('aborts a call waiting in the rate-limit queue without sending it', async () => {
    const clock = createManualClock(Date.now());
    const client = createTcccClient(mockConfig({ clock, requestsPerSecond: 1 }));
    await client.createSdkUrl({ seatUserId: SEAT });
    const controller = new AbortController();
    const queued = client.createSdkUrl({ seatUserId: SEAT, signal: controller.signal });
    controller.abort();
    expect(await failure(queued)).toMatchObject({ code: 'Aborted', attempts: 0 });
    expect(sent()).toBe(1);
  });

  it('aborts a call between retries', async () => {
    mock.addFault({ target: 'CreateSDKLoginToken', kind: 'error', code: 'InternalError' });
    const clock = createManualClock(Date.now());
    const logger = recordingLogger();
    const client = createTcccClient(mockConfig({ clock, logger, random: () => 1 }));
    const controller = new AbortController();
    const call = client.createSdkUrl({ seatUserId: SEAT, signal: controller.signal });
    await until(
      () => logger.events('tccc.sdk_url.retry').length === 1,
      'the first retry is scheduled',
    );
    controller.abort();
    expect(await failure(call)).toMatchObject({ code: 'Aborted', attempts: 1 });
    expect(sent()).toBe(1);
  });
});
