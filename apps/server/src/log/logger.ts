/**
 * Structured JSON logs, one object per line, redacted (see redact.ts).
 *
 * The methods take `(fields, message)` like pino, so the same logger can be handed to
 * `@tccc-kit/tccc-client`. Swap in pino itself if you prefer: the server only uses
 * `debug/info/warn/error` and `child`.
 */
import type { Redactor } from './redact.js';

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
type EmitLevel = Exclude<LogLevel, 'silent'>;

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 };

export type LogMethod = (fields: Record<string, unknown>, message: string) => void;

export interface Logger {
  debug: LogMethod;
  info: LogMethod;
  warn: LogMethod;
  error: LogMethod;
  /** Whether lines of `level` are written (pino's name), to skip building unused ones. */
  isLevelEnabled(level: string): boolean;
  /** A logger that adds `bindings` to every line. */
  child(bindings: Record<string, unknown>): Logger;
}

export interface LoggerOptions {
  level: LogLevel;
  redactor: Redactor;
  /** Where lines go (default: stdout). Each call receives one line without the newline. */
  write?: (line: string) => void;
  /** Time source for the `time` field (default: the system clock). */
  now?: () => Date;
}

export function createLogger(
  options: LoggerOptions,
  bindings: Record<string, unknown> = {},
): Logger {
  const write = options.write ?? ((line: string) => process.stdout.write(`${line}\n`));
  const now = options.now ?? (() => new Date());
  const threshold = RANK[options.level];

  const emit = (level: EmitLevel) => (fields: Record<string, unknown>, message: string) => {
    if (RANK[level] < threshold) return;
    const safe = options.redactor.redact({ ...bindings, ...fields }) as Record<string, unknown>;
    const line = {
      time: now().toISOString(),
      level,
      msg: options.redactor.scrub(message),
      ...safe,
    };
    try {
      write(JSON.stringify(line));
    } catch {
      // A broken log sink must not break a request.
    }
  };

  return {
    debug: emit('debug'),
    info: emit('info'),
    warn: emit('warn'),
    error: emit('error'),
    isLevelEnabled: (level) =>
      level !== 'silent' && Object.hasOwn(RANK, level) && RANK[level as LogLevel] >= threshold,
    child: (more) => createLogger(options, { ...bindings, ...more }),
  };
}

/** A logger that drops everything (tests that do not look at logs). */
export const silentLogger: Logger = {
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: () => {},
  isLevelEnabled: () => false,
  child: () => silentLogger,
};
