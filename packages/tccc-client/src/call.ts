/**
 * One policy for every cloud API call the client makes: wait for a rate-limit slot of the
 * action (keyed by SecretId + action), send with a timeout that really aborts, retry
 * retryable failures with jittered exponential backoff (each retry takes a slot too), and
 * fail with a `TcccApiError` that says what to check. The operations (sdk-url.ts,
 * tel-cdr.ts) only say what to send and how to read the answer.
 *
 * Time bound: every request is sent before `queueTimeoutMs` has passed since the call
 * began, and each request is aborted after `timeoutMs`, so a call settles within
 * `queueTimeoutMs + timeoutMs` (20 s with the defaults).
 */

import { randomUUID } from 'node:crypto';
import { backoffDelay } from './backoff.js';
import type { CccAction, CccActions, SendCcc } from './ccc-sdk.js';
import { classifySdkError } from './classify.js';
import { sleep } from './clock.js';
import type { ResolvedConfig } from './config.js';
import { TcccApiError } from './errors.js';
import { createEmitter } from './logger.js';
import { createLocalRateLimiter, type RateLimiter, rateLimitKey } from './rate-limiter.js';
import { createScrubber } from './redact.js';

/** What one kind of call sends and how it reads the answer. */
export interface Operation<A extends CccAction, Result> {
  action: A;
  /** What the call is, for messages: "The SDK URL request was aborted by its caller". */
  noun: string;
  /** Advice when no rate-limit slot came in time. */
  busyAdvice: string;
  /** Log event names (`fields.event`) of the call's attempts, success, retries and failure. */
  events: { attempt: string; succeeded: string; retry: string; failed: string };
  /** Message of the success log line. */
  succeededMessage: string;
  /** Turns TCCC's `Response` into the result; throws an `InvalidResponse` TcccApiError. */
  parse(response: CccActions[A]['response'], context: { traceId: string }): Result;
  /** Log fields of a success (never a secret, token or URL). */
  describe(result: Result): Record<string, unknown>;
}

export interface CallOptions {
  /** Abort the call (queue wait, request and backoff); it then fails with code `Aborted`. */
  signal?: AbortSignal | undefined;
  /** The seat of an SDK URL call: put on errors and log lines. */
  seatUserId?: string | undefined;
}

export type Call = <A extends CccAction, Result>(
  operation: Operation<A, Result>,
  request: CccActions[A]['request'],
  options: CallOptions,
) => Promise<Result>;

type AbortCause = 'caller' | 'timeout' | 'deadline';

/** Aborts `controller` with `cause` when `signal` aborts; returns a function that unhooks. */
function follow(signal: AbortSignal | undefined, controller: AbortController, cause: AbortCause) {
  if (!signal) return () => {};
  const onAbort = () => controller.abort(cause);
  if (signal.aborted) onAbort();
  else signal.addEventListener('abort', onAbort, { once: true });
  return () => signal.removeEventListener('abort', onAbort);
}

/** Rejects when `signal` aborts, so a stuck promise cannot outlive its timeout. */
function whenAborted(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    if (signal.aborted) reject(signal.reason);
    else signal.addEventListener('abort', () => reject(signal.reason), { once: true });
  });
}

export function createCall(config: ResolvedConfig, send: SendCcc): Call {
  const { clock, sdkAppId } = config;
  const limiter: RateLimiter =
    config.limiter ??
    createLocalRateLimiter({ requestsPerSecond: config.requestsPerSecond, clock });
  const scrub = createScrubber([config.secretKey, config.secretId]);
  const emit = createEmitter(config.logger, scrub);
  const keys = new Map<string, string>();
  const keyOf = (action: string) => {
    let key = keys.get(action);
    if (key === undefined) {
      key = rateLimitKey(config.secretId, action);
      keys.set(action, key);
    }
    return key;
  };

  interface Context {
    operation: Operation<CccAction, unknown>;
    seatUserId: string | undefined;
    signal: AbortSignal | undefined;
  }

  function aborted({ operation, seatUserId }: Context, traceId?: string) {
    return new TcccApiError({
      code: 'Aborted',
      retryable: false,
      action: operation.action,
      seatUserId,
      traceId,
      message: `The ${operation.noun} was aborted by its caller (the signal fired).`,
    });
  }

  async function waitForSlot(context: Context, deadline: number) {
    const { operation, seatUserId, signal } = context;
    const key = keyOf(operation.action);
    // The usual case: a slot is free now. No timer, controller or listener needed.
    if (!signal?.aborted && limiter.tryAcquire?.(key)) return;
    const controller = new AbortController();
    const unfollow = follow(signal, controller, 'caller');
    const timer = clock.setTimeout(
      () => controller.abort('deadline'),
      Math.max(0, deadline - clock.now()),
    );
    try {
      await Promise.race([
        limiter.acquire({ key, action: operation.action, deadline, signal: controller.signal }),
        whenAborted(controller.signal),
      ]);
    } catch (error) {
      if (controller.signal.reason === 'caller') throw aborted(context);
      if (controller.signal.reason === 'deadline') {
        throw new TcccApiError({
          code: 'QueueTimeout',
          retryable: true,
          action: operation.action,
          seatUserId,
          message:
            `No rate-limit slot within queueTimeoutMs (${config.queueTimeoutMs} ms): too many ` +
            `${operation.action} requests at once; ${operation.busyAdvice}`,
        });
      }
      if (error instanceof TcccApiError) throw error.with({ seatUserId, action: operation.action });
      throw new TcccApiError({
        code: 'LimiterError',
        retryable: true,
        action: operation.action,
        seatUserId,
        message: `The rate limiter failed: ${scrub(error instanceof Error ? error.message : String(error))}`,
      });
    } finally {
      clock.clearTimeout(timer);
      unfollow();
    }
  }

  async function attempt(context: Context, request: object) {
    const { operation, seatUserId, signal } = context;
    const controller = new AbortController();
    const unfollow = follow(signal, controller, 'caller');
    const timer = clock.setTimeout(() => controller.abort('timeout'), config.timeoutMs);
    const traceId = randomUUID();
    try {
      const response = await Promise.race([
        send(operation.action, request as never, { signal: controller.signal, traceId }),
        whenAborted(controller.signal),
      ]);
      return operation.parse(response as never, { traceId });
    } catch (error) {
      const cause = controller.signal.reason as AbortCause | undefined;
      if (cause === 'caller') throw aborted(context, traceId);
      if (cause === 'timeout') {
        throw new TcccApiError({
          code: 'Timeout',
          retryable: true,
          action: operation.action,
          seatUserId,
          traceId,
          message:
            `TCCC did not answer within timeoutMs (${config.timeoutMs} ms); the request was aborted. ` +
            'Check connectivity to the endpoint; retrying may help.',
        });
      }
      if (error instanceof TcccApiError) throw error.with({ seatUserId, action: operation.action });
      throw classifySdkError(error, {
        action: operation.action,
        seatUserId,
        sdkAppId,
        scrub,
        traceId,
      });
    } finally {
      clock.clearTimeout(timer);
      unfollow();
    }
  }

  function fail(context: Context, error: TcccApiError, attempts: number, startedAt: number): never {
    const final = error.with({ attempts });
    // A call its caller aborted did not fail at TCCC: that is news, not an error.
    emit(
      final.code === 'Aborted' ? 'info' : final.retryable ? 'warn' : 'error',
      {
        event: context.operation.events.failed,
        action: final.action,
        seatUserId: final.seatUserId,
        code: final.code,
        retryable: final.retryable,
        attempts,
        requestId: final.requestId,
        traceId: final.traceId,
        httpStatus: final.httpStatus,
        durationMs: clock.now() - startedAt,
      },
      final.message,
    );
    throw final;
  }

  return async function call(operation, request, options) {
    const context: Context = {
      operation: operation as Operation<CccAction, unknown>,
      seatUserId: options.seatUserId,
      signal: options.signal,
    };
    const { action, events } = operation;
    const { seatUserId, signal } = context;
    const startedAt = clock.now();
    const deadline = startedAt + config.queueTimeoutMs;
    let attempts = 0;
    let lastError: TcccApiError | undefined;

    for (;;) {
      try {
        await waitForSlot(context, deadline);
      } catch (error) {
        const waitError = error as TcccApiError;
        // A retry that finds no slot in time reports the failure that caused it.
        fail(
          context,
          lastError && waitError.code === 'QueueTimeout' ? lastError : waitError,
          attempts,
          startedAt,
        );
      }
      attempts += 1;
      emit(
        'debug',
        { event: events.attempt, action, seatUserId, attempt: attempts },
        `${action} attempt ${attempts}`,
      );
      try {
        const result = (await attempt(context, request)) as Awaited<
          ReturnType<typeof operation.parse>
        >;
        emit(
          'info',
          {
            event: events.succeeded,
            action,
            seatUserId,
            attempts,
            durationMs: clock.now() - startedAt,
            ...operation.describe(result),
          },
          operation.succeededMessage,
        );
        return result;
      } catch (error) {
        lastError = error as TcccApiError;
      }
      if (!lastError.retryable || attempts > config.retries) {
        fail(context, lastError, attempts, startedAt);
      }
      const delayMs = backoffDelay(
        attempts,
        { baseMs: config.retryBaseDelayMs, maxMs: config.retryMaxDelayMs },
        config.random,
      );
      if (clock.now() + delayMs > deadline) fail(context, lastError, attempts, startedAt);
      emit(
        'warn',
        {
          event: events.retry,
          action,
          seatUserId,
          code: lastError.code,
          attempt: attempts,
          delayMs,
          requestId: lastError.requestId,
          traceId: lastError.traceId,
        },
        `${action} failed with ${lastError.code}; retrying`,
      );
      try {
        await sleep(clock, delayMs, signal);
      } catch {
        fail(context, aborted(context), attempts, startedAt);
      }
    }
  };
}
