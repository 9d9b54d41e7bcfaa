import { describe, expect, it } from 'vitest';
import { createLogger, silentLogger } from './logger.js';
import { createRedactor } from './redact.js';

describe('isLevelEnabled', () => {
  it('is true from the configured level up, and for nothing when silent', () => {
    const redactor = createRedactor({ secrets: [] });
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
