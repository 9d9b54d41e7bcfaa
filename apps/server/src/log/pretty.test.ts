import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from './logger.js';
import { prettyDestination } from './pretty.js';
import { createRedactor, REDACTED } from './redact.js';

describe('prettyDestination (LOG_FORMAT=pretty, pnpm dev)', () => {
  it('prints one readable line per entry, redacted like the JSON lines', async () => {
    const out = new PassThrough();
    let text = '';
    out.on('data', (chunk) => {
      text += chunk;
    });
    const logger = createLogger({
      level: 'info',
      redactor: createRedactor({ secrets: ['hunter2hunter2'] }),
      destination: prettyDestination({ destination: out, colorize: false }),
      now: () => new Date(2026, 10, 30, 9, 5, 7, 42),
    });
    logger.child({ component: 'auth' }).warn({ password: 'p', seat: 'a@b.c' }, 'hunter2hunter2 no');
    logger.debug({}, 'hidden');
    await new Promise((resolve) => setImmediate(resolve));
    expect(text).toBe(
      `[09:05:07.042] WARN: ${REDACTED} no {"component":"auth","password":"${REDACTED}","seat":"a@b.c"}\n`,
    );
  });
});
