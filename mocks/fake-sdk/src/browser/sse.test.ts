import { describe, expect, it } from 'vitest';
import { SseParser } from './sse.js';

describe('SseParser', () => {
  it('yields named events with their data once the blank line arrives', () => {
    const parser = new SseParser();
    expect(parser.push('event: callIn\ndata: {"a":1}')).toEqual([]);
    expect(parser.push('\n\n')).toEqual([{ event: 'callIn', data: '{"a":1}' }]);
  });

  it('handles CRLF and CR line ends, even split across chunks', () => {
    const parser = new SseParser();
    expect(parser.push('event: a\r')).toEqual([]);
    expect(parser.push('\ndata: 1\r\n\r\nevent: b\rdata: 2\r\r')).toEqual([
      { event: 'a', data: '1' },
    ]);
    // The final CR may be half of a CRLF: it ends the line only once the next text arrives.
    expect(parser.push(': next')).toEqual([{ event: 'b', data: '2' }]);
  });

  it('joins multi-line data, skips comments, defaults the name to message', () => {
    const parser = new SseParser();
    expect(parser.push(': keep-alive\n\ndata: one\ndata:two\n\n')).toEqual([
      { event: 'message', data: 'one\ntwo' },
    ]);
  });

  it('exposes the retry hint and ignores a blank block without data', () => {
    const parser = new SseParser();
    expect(parser.push('retry: 1500\n\nevent: x\n\n')).toEqual([]);
    expect(parser.retryMs).toBe(1500);
  });
});
