import { describe, expect, it } from 'vitest';
import { createBoundedMap } from './bounded-map.js';

function mapAt(maxKeys: number, maxAgeMs: number) {
  let time = 0;
  const map = createBoundedMap<number>({ maxKeys, maxAgeMs, now: () => time });
  return { map, at: (ms: number) => (time = ms) };
}

describe('createBoundedMap', () => {
  it('never holds more than maxKeys entries', () => {
    const { map } = mapAt(100, 60_000);
    for (let i = 0; i < 10_000; i++) {
      map.set(`k${i}`, i);
      expect(map.size).toBeLessThanOrEqual(100);
    }
  });

  it('keeps a key that is read while others are written (least recently used go first)', () => {
    const { map } = mapAt(100, 60_000);
    map.set('busy', 1);
    for (let i = 0; i < 10_000; i++) {
      map.set(`k${i}`, i);
      expect(map.get('busy')).toBe(1);
    }
    expect(map.get('k0')).toBeUndefined();
  });

  it('keeps an entry at least maxAgeMs after its last use and drops it by twice that', () => {
    const { map, at } = mapAt(100, 1_000);
    map.set('a', 1);
    at(999);
    expect(map.get('a')).toBe(1);
    at(1_998);
    expect(map.get('a')).toBe(1);
    at(4_000);
    map.set('b', 2);
    at(6_000);
    expect(map.get('a')).toBeUndefined();
    expect(map.size).toBe(1);
  });

  it('deletes from either generation', () => {
    const { map } = mapAt(4, 60_000);
    map.set('a', 1);
    map.set('b', 2); // turns: a and b are now the previous generation
    map.set('c', 3);
    map.delete('a');
    map.delete('c');
    expect([map.get('a'), map.get('b'), map.get('c')]).toEqual([undefined, 2, undefined]);
  });

  it('rejects a cap or age that cannot work', () => {
    expect(() => createBoundedMap({ maxKeys: 1, maxAgeMs: 1 })).toThrow(/maxKeys/);
    expect(() => createBoundedMap({ maxKeys: 10, maxAgeMs: 0 })).toThrow(/maxAgeMs/);
  });
});
