import { describe, expect, it, vi } from 'vitest';
import { createEmitter, type Logger } from './logger.js';

describe('createEmitter', () => {
  it('skips events of levels the logger disables, without assembling them', () => {
    const info = vi.fn();
    const warn = vi.fn();
    const scrub = vi.fn((text: string) => text);
    const logger: Logger = { info, warn, isLevelEnabled: (level) => level !== 'info' };
    const emit = createEmitter(logger, scrub);
    emit('info', { event: 'e', seatUserId: 'a@example.com' }, 'issued');
    expect(info).not.toHaveBeenCalled();
    expect(scrub).not.toHaveBeenCalled();
    emit('warn', { event: 'e', seatUserId: 'a@example.com', skipped: undefined }, 'retry');
    expect(warn).toHaveBeenCalledWith({ event: 'e', seatUserId: 'a@example.com' }, 'retry');
  });

  it('still logs when isLevelEnabled is missing or throws', () => {
    const info = vi.fn();
    createEmitter({ info }, (text) => text)('info', {}, 'plain');
    createEmitter(
      {
        info,
        isLevelEnabled: () => {
          throw new Error('broken');
        },
      },
      (text) => text,
    )('info', {}, 'broken check');
    expect(info.mock.calls.map(([, message]) => message)).toEqual(['plain', 'broken check']);
  });
});
