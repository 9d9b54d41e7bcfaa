/**
 * Structured JSON logs, one object per line, written by pino and redacted by ours
 * (redact.ts) before pino sees them.
 *
 * pino does the logging: levels, child loggers and their bindings, serialising, the
 * synchronous stdout sink, and any pino destination or transport you hand it (pino-pretty
 * for `pnpm dev`, see pretty.ts). The redaction stays ours: pino's `redact` option removes
 * values at paths named in advance, while ours also removes secrets inside any string (a
 * SecretKey in an error message, the credential in an SDK URL, a Bearer token in a header
 * dump) and under any sensitive key at any depth.
 *
 * `Logger` is the seam the server and `@tccc-kit/tccc-client` take: pino's
 * `(fields, message)` methods, `isLevelEnabled` and `child`. A line looks like
 * `{"level":"info","time":"2026-11-30T09:00:00.000Z","component":"…","requestId":"…","msg":"request"}`:
 * the level as a word and the time as ISO-8601, with no pid or hostname (the platform that
 * collects the logs adds where they came from).
 */
import { type DestinationStream, type Logger as PinoLogger, pino } from 'pino';
import type { Redactor } from './redact.js';

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
type EmitLevel = Exclude<LogLevel, 'silent'>;
/** `json`: one object per line (production); `pretty`: pino-pretty's lines (pretty.ts). */
export const LOG_FORMATS = ['json', 'pretty'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];
const EMIT_LEVELS: readonly string[] = ['debug', 'info', 'warn', 'error'];

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
  /**
   * Where lines go, one call per line without the newline (tests collect them). Default:
   * `destination`, else stdout.
   */
  write?: (line: string) => void;
  /** A pino destination stream or transport (pino-pretty, a file, a log shipper). */
  destination?: DestinationStream;
  /** Time source for the `time` field (default: the system clock). */
  now?: () => Date;
}

export function createLogger(options: LoggerOptions): Logger {
  const now = options.now ?? (() => new Date());
  const root = pino(
    {
      level: options.level,
      base: null,
      timestamp: () => `,"time":"${now().toISOString()}"`,
      formatters: { level: (label) => ({ level: label }) },
      // Errors arrive already serialised and scrubbed by the redactor; pino's own `err`
      // serializer would only add `"type": "Object"`.
      serializers: { err: (value: unknown) => value },
    },
    options.write ? lineSink(options.write) : (options.destination ?? pino.destination(1)),
  );
  return wrap(root, options.redactor);
}

/** A pino destination that hands each line to `write` and swallows a failing sink. */
function lineSink(write: (line: string) => void): DestinationStream {
  return {
    write(chunk: string) {
      try {
        write(chunk.endsWith('\n') ? chunk.slice(0, -1) : chunk);
      } catch {
        // A broken log sink must not break a request.
      }
    },
  };
}

/** Our `Logger` over a pino logger: fields, messages and bindings redacted first. */
function wrap(logger: PinoLogger, redactor: Redactor): Logger {
  const emit = (level: EmitLevel): LogMethod => {
    return (fields, message) => {
      if (!logger.isLevelEnabled(level)) return;
      try {
        logger[level](
          redactor.redact(fields) as Record<string, unknown>,
          redactor.scrub(String(message)),
        );
      } catch {
        // Nor must a field that cannot be serialised.
      }
    };
  };
  return {
    debug: emit('debug'),
    info: emit('info'),
    warn: emit('warn'),
    error: emit('error'),
    // pino answers true for 'silent' (its threshold is Infinity): no line is ever written
    // at that level, so say false, and false for names it does not know.
    isLevelEnabled: (level) => EMIT_LEVELS.includes(level) && logger.isLevelEnabled(level),
    child: (bindings) =>
      wrap(logger.child(redactor.redact(bindings) as Record<string, unknown>), redactor),
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
