import { describe, expect, it } from 'vitest';
import { excerpt, MAX_QUOTED_CHARS, quote } from './quote.js';

describe('excerpt', () => {
  it('keeps text up to the limit as it is', () => {
    const exact = 'a'.repeat(MAX_QUOTED_CHARS);
    expect(excerpt(exact)).toBe(exact);
    expect(excerpt('agent@example.com')).toBe('agent@example.com');
  });

  it('cuts longer text to the limit and marks the cut with "…"', () => {
    expect(excerpt('a'.repeat(500_000))).toBe(`${'a'.repeat(MAX_QUOTED_CHARS)}…`);
    expect(excerpt('abcdef', 3)).toBe('abc…');
  });

  it('never splits a surrogate pair', () => {
    const cut = excerpt(`${'a'.repeat(MAX_QUOTED_CHARS - 1)}😀tail`);
    expect(cut).toBe(`${'a'.repeat(MAX_QUOTED_CHARS - 1)}…`);
  });
});

describe('quote', () => {
  it('shows short values as JSON', () => {
    expect(quote('drop')).toBe('"drop"');
    expect(quote(42)).toBe('42');
    expect(quote(undefined)).toBe('undefined');
    expect(quote({ a: 1 })).toBe('{"a":1}');
  });

  it('bounds long strings and large objects', () => {
    expect(quote('x'.repeat(100_000))).toBe(`"${'x'.repeat(MAX_QUOTED_CHARS)}…"`);
    const big = quote({ nested: 'y'.repeat(100_000) });
    expect(big.length).toBe(MAX_QUOTED_CHARS + 1);
    expect(big.startsWith('{"nested":"yyy')).toBe(true);
  });

  it('says something for values JSON cannot show', () => {
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    expect(quote(cycle)).toBe('[object Object]');
    expect(quote(10n)).toBe('10');
  });
});
