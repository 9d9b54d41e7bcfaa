/**
 * Structured logging, pino-compatible: `logger.info({ event, ...fields }, message)`.
 *
 * Events carry the action, the seat, codes, ids, attempt counts and durations. They never
 * carry the SecretId, the SecretKey, a token or an SDK URL. A logger that throws cannot
 * break a call: its errors are swallowed.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export type LogMethod = (fields: Record<string, unknown>, message: string) => void;

/**
 * Any subset of pino's methods; `console` does not fit (it prints objects first). With
 * `isLevelEnabled` (pino has it), events of disabled levels are not even assembled.
 */
export type Logger = Partial<Record<LogLevel, LogMethod>> & {
  isLevelEnabled?(level: LogLevel): boolean;
};

/** Names of the events the client emits, in `fields.event` (each line also has `action`). */
export const LOG_EVENTS = {
  sdkUrl: {
    /** debug: a CreateSDKLoginToken attempt is sent. */
    attempt: 'tccc.sdk_url.attempt',
    /** info: an SDK URL was issued. */
    issued: 'tccc.sdk_url.issued',
    /** warn: an attempt failed and will be retried after `delayMs`. */
    retry: 'tccc.sdk_url.retry',
    /** warn (retryable), info (the caller aborted) or error: the call failed. */
    failed: 'tccc.sdk_url.failed',
  },
  telCdr: {
    /** debug: a DescribeTelCdr attempt is sent. */
    attempt: 'tccc.tel_cdr.attempt',
    /** info: a page of call records arrived (`pageNumber`, `records`, `totalCount`). */
    fetched: 'tccc.tel_cdr.fetched',
    /** warn: an attempt failed and will be retried after `delayMs`. */
    retry: 'tccc.tel_cdr.retry',
    /** warn (retryable), info (the caller aborted) or error: the call failed. */
    failed: 'tccc.tel_cdr.failed',
  },
  directory: {
    /** debug: a DescribeSkillGroupInfoList or DescribeStaffInfoList attempt is sent. */
    attempt: 'tccc.directory.attempt',
    /** info: a page of skill groups or staff arrived (`items`, `totalCount`). */
    fetched: 'tccc.directory.fetched',
    /** warn: an attempt failed and will be retried after `delayMs`. */
    retry: 'tccc.directory.retry',
    /** warn (retryable), info (the caller aborted) or error: the call failed. */
    failed: 'tccc.directory.failed',
  },
} as const;

export type Emit = (level: LogLevel, fields: Record<string, unknown>, message: string) => void;

/** Wraps `logger` so that missing methods and throwing loggers are harmless. */
export function createEmitter(logger: Logger | undefined, scrub: (text: string) => string): Emit {
  if (!logger) return () => {};
  return (level, fields, message) => {
    const method = logger[level];
    if (typeof method !== 'function') return;
    try {
      if (logger.isLevelEnabled?.(level) === false) return;
    } catch {
      // A logger that cannot say is asked to log; it drops the line itself if it must.
    }
    const safe: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(fields)) {
      if (value !== undefined) safe[key] = typeof value === 'string' ? scrub(value) : value;
    }
    try {
      method.call(logger, safe, scrub(message));
    } catch {
      // Logging must never turn a successful sign-in into a failure.
    }
  };
}
