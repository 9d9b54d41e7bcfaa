import { afterEach, describe, expect, it, vi } from 'vitest';
import { Emitter } from './emitter.js';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('Emitter', () => {
  it('calls listeners in order and stops calling removed ones', () => {
    const emitter = new Emitter();
    const seen: string[] = [];
    const first = (p: never) => seen.push(`first:${p}`);
    emitter.on('callIn', first);
    emitter.on('callIn', (p: never) => seen.push(`second:${p}`));
    emitter.emit('callIn', 1);
    emitter.off('callIn', first);
    emitter.emit('callIn', 2);
    expect(seen).toEqual(['first:1', 'second:1', 'second:2']);
  });

  it('keeps calling the other listeners when one throws, and reports it', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const emitter = new Emitter();
    const after = vi.fn();
    emitter.on('ready', () => {
      throw new Error('boom');
    });
    emitter.on('ready', after);
    emitter.emit('ready');
    expect(after).toHaveBeenCalledOnce();
    expect(error).toHaveBeenCalledWith(
      '[tccc fake SDK] a "ready" listener threw',
      expect.any(Error),
    );
  });

  it('rejects a listener that is not a function with a message naming the event', () => {
    expect(() => new Emitter().on('ready', 'nope' as never)).toThrow(
      'tccc.on("ready", listener): listener must be a function',
    );
  });
});
