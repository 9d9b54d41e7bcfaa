/**
 * Readable development logs: pino-pretty as the logger's destination when
 * `LOG_FORMAT=pretty` (what `pnpm dev` sets). One line per entry, `HH:MM:ss.l LEVEL: msg`
 * then the fields as JSON, coloured when the terminal supports it. The lines are the same
 * redacted objects as in production; only their printing differs.
 *
 * Imported lazily by main.ts, so production (`LOG_FORMAT=json`) never loads pino-pretty.
 * `sync: true` writes each line before the call returns: nothing is lost when `tsx watch`
 * restarts the server.
 */
import type { DestinationStream } from 'pino';
import pretty from 'pino-pretty';

export function prettyDestination(
  options: { destination?: NodeJS.WritableStream; colorize?: boolean } = {},
): DestinationStream {
  return pretty({
    sync: true,
    singleLine: true,
    translateTime: 'SYS:HH:MM:ss.l',
    ignore: 'pid,hostname',
    ...(options.destination ? { destination: options.destination } : {}),
    ...(options.colorize === undefined ? {} : { colorize: options.colorize }),
  });
}
