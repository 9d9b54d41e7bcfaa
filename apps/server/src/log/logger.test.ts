import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, silentLogger } from './logger.js';
import { createRedactor, REDACTED } from './redact.js';

const SECRET = 'mocktcccsecretkey000000000000000';
const redactor = createRedactor({ secrets: [SECRET] });
const at = () => new Date('2026-11-30T09:00:00.000Z');

function capture(level: 'debug' | 'info' | 'warn' | 'error' | 'silent' = 'debug') {
  const lines: string[] = [];
  const logger = createLogger({ level, redactor, write: (line) => lines.push(line), now: at });
  return { logger, lines, parsed: () => lines.map((line) => JSON.parse(line)) };
}

describe('createLogger (pino underneath)', () => {
  it('writes one JSON object per line: the level as a word, ISO time, no pid or hostname', () => {
    const { logger, lines, parsed } = capture('info');
    logger.info({ requestId: 'r-1', status: 200 }, 'request');
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain('\n');
    expect(parsed()).toEqual([
      {
        level: 'info',
        time: '2026-11-30T09:00:00.000Z',
        requestId: 'r-1',
        status: 200,
        msg: 'request',
      },
    ]);
  });

  it("redacts a child logger's bindings as well as each line's fields and message", () => {
    const { logger, parsed } = capture();
    const child = logger.child({
      component: 'tccc-client',
      sdkUrl: 'https://x.example/sdk?token=abc',
    });
    child.child({ seat: 'agent@example.com' }).warn({ note: `key ${SECRET}` }, `bad ${SECRET}`);
    expect(parsed()).toEqual([
      {
        level: 'warn',
        time: '2026-11-30T09:00:00.000Z',
        component: 'tccc-client',
        sdkUrl: REDACTED,
        seat: 'agent@example.com',
        note: `key ${REDACTED}`,
        msg: `bad ${REDACTED}`,
      },
    ]);
  });

  it('serialises an error once, as the redactor made it (name, message, code, stack)', () => {
    const { logger, parsed } = capture();
    const error = Object.assign(new Error(`refused ${SECRET}`), { code: 'AuthFailure' });
    logger.error({ err: error }, 'failed');
    const [line] = parsed();
    expect(Object.keys(line.err)).toEqual(['name', 'message', 'code', 'stack']);
    expect(line.err).toMatchObject({ name: 'Error', message: `refused ${REDACTED}` });
    expect(JSON.stringify(line)).not.toContain(SECRET);
  });

  it('keeps printf-style tokens in messages as text', () => {
    const { logger, parsed } = capture();
    logger.info({}, 'a %s and a %d and %j');
    expect(parsed()[0].msg).toBe('a %s and a %d and %j');
  });

  it('writes to a pino destination stream when given one', () => {
    const chunks: string[] = [];
    const destination = new Writable({
      write(chunk, _encoding, done) {
        chunks.push(String(chunk));
        done();
      },
    });
    const logger = createLogger({ level: 'info', redactor, destination, now: at });
    logger.info({ token: 't' }, 'to a stream');
    return new Promise<void>((resolve) => setImmediate(resolve)).then(() => {
      expect(chunks.join('')).toBe(
        `{"level":"info","time":"2026-11-30T09:00:00.000Z","token":"${REDACTED}","msg":"to a stream"}\n`,
      );
    });
  });

  it('filters by level, and a silent logger writes nothing', () => {
    const warn = capture('warn');
    warn.logger.debug({}, 'd');
    warn.logger.info({}, 'i');
    warn.logger.warn({}, 'w');
    warn.logger.error({}, 'e');
    expect(warn.parsed().map((line) => line.msg)).toEqual(['w', 'e']);
    const silent = capture('silent');
    silent.logger.error({}, 'e');
    expect(silent.lines).toEqual([]);
  });

  it('does not let a field that cannot be serialised, or a failing sink, reach the caller', () => {
    const { logger, parsed } = capture();
    expect(() => logger.info({ big: 10n }, 'bigint')).not.toThrow();
    expect(parsed()[0]?.msg).toBe('bigint');
    const broken = createLogger({
      level: 'debug',
      redactor,
      write: () => {
        throw new Error('disk full');
      },
    });
    expect(() => broken.error({}, 'x')).not.toThrow();
  });
});

describe('isLevelEnabled', () => {
  it('is true from the configured level up, and for nothing when silent', () => {
    const warn = createLogger({ level: 'warn', redactor, write: () => {} });
    expect(['debug', 'info', 'warn', 'error'].map((l) => warn.isLevelEnabled(l))).toEqual([
      false,
      false,
      true,
      true,
    ]);
    expect(warn.child({ component: 'x' }).isLevelEnabled('info')).toBe(false);
    expect([warn.isLevelEnabled('verbose'), warn.isLevelEnabled('silent')]).toEqual([false, false]);
    const silent = createLogger({ level: 'silent', redactor, write: () => {} });
    expect(['debug', 'error'].map((l) => silent.isLevelEnabled(l))).toEqual([false, false]);
    expect(silentLogger.isLevelEnabled('error')).toBe(false);
  });
});
