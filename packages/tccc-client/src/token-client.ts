/**
 * `createTokenClient(config).createSdkUrl({ seatUserId })`: one-time TCCC Web SDK URLs.
 *
 * Per call: validate the seat, wait for a rate-limit slot, send CreateSDKLoginToken with a
 * timeout that really aborts, retry retryable failures with jittered exponential backoff
 * (each retry takes a slot too), and fail with a `TcccApiError` that says what to check.
 *
 * Time bound: every request is sent before `queueTimeoutMs` has passed since the call
 * began, and each request is aborted after `timeoutMs`, so a call settles within
 * `queueTimeoutMs + timeoutMs` (20 s with the defaults).
 */

import { randomUUID } from 'node:crypto';
import { backoffDelay } from './backoff.js';
import { type CreateSdkLoginToken, createCccApi } from './ccc-sdk.js';
import { classifySdkError } from './classify.js';
import { sleep } from './clock.js';
import { type ResolvedConfig, resolveConfig, type TokenClientConfig } from './config.js';
import { TcccApiError } from './errors.js';
import { createEmitter, LOG_EVENTS } from './logger.js';
import { createLocalRateLimiter, type RateLimiter } from './rate-limiter.js';
import { createScrubber } from './redact.js';
import { parseSdkLoginToken } from './response.js';

export interface CreateSdkUrlRequest {
  /** The agent's TCCC account, usually an e-mail. Take it from the signed-in session. */
  seatUserId: string;
  /** Ask TCCC for a token that can be verified only once. */
  onlyOnce?: boolean;
  /** Abort the call (queue wait, request and backoff); it then fails with code `Aborted`. */
  signal?: AbortSignal;
}

export interface SdkUrl {
  /** Load this script in the browser. One use, about 10 minutes. Do not log it. */
  sdkUrl: string;
  /** The login token inside the URL. Do not log it. */
  token: string;
  expiresAt: Date;
  requestId: string;
}

export interface TokenClient {
  createSdkUrl(request: CreateSdkUrlRequest): Promise<SdkUrl>;
}

const ACTION = 'CreateSDKLoginToken';
const MAX_SEAT_LENGTH = 128;

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

function checkSeat(request: CreateSdkUrlRequest): string | undefined {
  if (typeof request !== 'object' || request === null) return 'pass an object { seatUserId }';
  const { seatUserId, onlyOnce, signal } = request;
  if (typeof seatUserId !== 'string' || seatUserId === '') {
    return 'seatUserId is required: the TCCC account of the signed-in agent (usually an e-mail)';
  }
  if (seatUserId.trim() !== seatUserId) return 'seatUserId has leading or trailing whitespace';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting control characters is the point
  if (/[\u0000-\u001f\u007f]/.test(seatUserId)) return 'seatUserId contains control characters';
  if (seatUserId.length > MAX_SEAT_LENGTH) {
    return `seatUserId is longer than ${MAX_SEAT_LENGTH} characters`;
  }
  if (onlyOnce !== undefined && typeof onlyOnce !== 'boolean') return 'onlyOnce must be a boolean';
  if (signal !== undefined && !(signal instanceof AbortSignal))
    return 'signal must be an AbortSignal';
  return undefined;
}

export function createTokenClient(config: TokenClientConfig): TokenClient {
  const resolved = resolveConfig(config);
  const send = createCccApi(resolved);
  return createTokenClientWith(resolved, send);
}

function createTokenClientWith(config: ResolvedConfig, send: CreateSdkLoginToken): TokenClient {
  const { clock, sdkAppId } = config;
  const limiter: RateLimiter =
    config.limiter ??
    createLocalRateLimiter({ requestsPerSecond: config.requestsPerSecond, clock });
  const scrub = createScrubber([config.secretKey, config.secretId]);
  const emit = createEmitter(config.logger, scrub);

  async function waitForSlot(
    deadline: number,
    signal: AbortSignal | undefined,
    seatUserId: string,
  ) {
    // The usual case: a slot is free now. No timer, controller or listener needed.
    if (!signal?.aborted && limiter.tryAcquire?.()) return;
    const controller = new AbortController();
    const unfollow = follow(signal, controller, 'caller');
    const timer = clock.setTimeout(
      () => controller.abort('deadline'),
      Math.max(0, deadline - clock.now()),
    );
    try {
      await Promise.race([
        limiter.acquire({ deadline, signal: controller.signal }),
        whenAborted(controller.signal),
      ]);
    } catch (error) {
      if (controller.signal.reason === 'caller') throw aborted(seatUserId);
      if (controller.signal.reason === 'deadline') {
        throw new TcccApiError({
          code: 'QueueTimeout',
          retryable: true,
          seatUserId,
          message:
            `No rate-limit slot within queueTimeoutMs (${config.queueTimeoutMs} ms): too many SDK URL ` +
            'requests at once; ask the user to retry in a few seconds.',
        });
      }
      if (error instanceof TcccApiError) throw error.with({ seatUserId });
      throw new TcccApiError({
        code: 'LimiterError',
        retryable: true,
        seatUserId,
        message: `The rate limiter failed: ${scrub(error instanceof Error ? error.message : String(error))}`,
      });
    } finally {
      clock.clearTimeout(timer);
      unfollow();
    }
  }

  async function attempt(
    body: { SdkAppId: number; SeatUserId: string; OnlyOnce?: boolean },
    signal: AbortSignal | undefined,
  ) {
    const controller = new AbortController();
    const unfollow = follow(signal, controller, 'caller');
    const timer = clock.setTimeout(() => controller.abort('timeout'), config.timeoutMs);
    const traceId = randomUUID();
    try {
      const response = await Promise.race([
        send(body, { signal: controller.signal, traceId }),
        whenAborted(controller.signal),
      ]);
      return parseSdkLoginToken(response, body.SeatUserId, traceId);
    } catch (error) {
      const cause = controller.signal.reason as AbortCause | undefined;
      if (cause === 'caller') throw aborted(body.SeatUserId, traceId);
      if (cause === 'timeout') {
        throw new TcccApiError({
          code: 'Timeout',
          retryable: true,
          seatUserId: body.SeatUserId,
          traceId,
          message:
            `TCCC did not answer within timeoutMs (${config.timeoutMs} ms); the request was aborted. ` +
            'Check connectivity to the endpoint; retrying may help.',
        });
      }
      if (error instanceof TcccApiError) throw error;
      throw classifySdkError(error, { seatUserId: body.SeatUserId, sdkAppId, scrub, traceId });
    } finally {
      clock.clearTimeout(timer);
      unfollow();
    }
  }

  function aborted(seatUserId: string, traceId?: string) {
    return new TcccApiError({
      code: 'Aborted',
      retryable: false,
      seatUserId,
      traceId,
      message: 'The SDK URL request was aborted by its caller (the signal fired).',
    });
  }

  function fail(error: TcccApiError, attempts: number, startedAt: number): never {
    const final = error.with({ attempts });
    // A call its caller aborted did not fail at TCCC: that is news, not an error.
    emit(
      final.code === 'Aborted' ? 'info' : final.retryable ? 'warn' : 'error',
      {
        event: LOG_EVENTS.failed,
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

  async function createSdkUrl(request: CreateSdkUrlRequest): Promise<SdkUrl> {
    const problem = checkSeat(request);
    if (problem) {
      throw new TcccApiError({
        code: 'InvalidArgument',
        retryable: false,
        message: `createSdkUrl: ${problem}.`,
      });
    }
    const { seatUserId, onlyOnce, signal } = request;
    const startedAt = clock.now();
    const deadline = startedAt + config.queueTimeoutMs;
    const body = {
      SdkAppId: sdkAppId,
      SeatUserId: seatUserId,
      ...(onlyOnce === undefined ? {} : { OnlyOnce: onlyOnce }),
    };
    let attempts = 0;
    let lastError: TcccApiError | undefined;

    for (;;) {
      try {
        await waitForSlot(deadline, signal, seatUserId);
      } catch (error) {
        const waitError = error as TcccApiError;
        // A retry that finds no slot in time reports the failure that caused it.
        fail(
          lastError && waitError.code === 'QueueTimeout' ? lastError : waitError,
          attempts,
          startedAt,
        );
      }
      attempts += 1;
      emit(
        'debug',
        { event: LOG_EVENTS.attempt, seatUserId, attempt: attempts },
        `${ACTION} attempt ${attempts}`,
      );
      try {
        const result = await attempt(body, signal);
        emit(
          'info',
          {
            event: LOG_EVENTS.issued,
            seatUserId,
            requestId: result.requestId,
            attempts,
            expiresAt: result.expiresAt.toISOString(),
            durationMs: clock.now() - startedAt,
          },
          'TCCC SDK URL issued',
        );
        return result;
      } catch (error) {
        lastError = error as TcccApiError;
      }
      if (!lastError.retryable || attempts > config.retries) fail(lastError, attempts, startedAt);
      const delayMs = backoffDelay(
        attempts,
        { baseMs: config.retryBaseDelayMs, maxMs: config.retryMaxDelayMs },
        config.random,
      );
      if (clock.now() + delayMs > deadline) fail(lastError, attempts, startedAt);
      emit(
        'warn',
        {
          event: LOG_EVENTS.retry,
          seatUserId,
          code: lastError.code,
          attempt: attempts,
          delayMs,
          requestId: lastError.requestId,
          traceId: lastError.traceId,
        },
        `${ACTION} failed with ${lastError.code}; retrying`,
      );
      try {
        await sleep(clock, delayMs, signal);
      } catch {
        fail(aborted(seatUserId), attempts, startedAt);
      }
    }
  }

  return { createSdkUrl };
}
