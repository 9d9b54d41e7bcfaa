import { describe, expect, it } from 'vitest';
import { createClock } from './clock.js';

describe('clock', () => {
  let real = 1_000_000;
  const realNow = () => real;

  it('follows real time, and set/advance move it while time keeps flowing', () => {
    const clock = createClock({ realNow });
    expect(clock.now()).toBe(real);
    clock.set(new Date(5_000_000));
    expect(clock.now()).toBe(5_000_000);
    real += 10;
    expect(clock.now()).toBe(5_000_010);
    clock.advance(1_000);
    expect(clock.now()).toBe(5_001_010);
    expect(clock.offsetMs()).toBe(5_001_010 - real);
  });

  it('resets to real time, or to its start', () => {
    const plain = createClock({ realNow });
    plain.advance(50);
    plain.reset();
    expect(plain.now()).toBe(real);
    const started = createClock({ realNow, start: 42 });
    started.advance(8);
    started.reset();
    expect(started.now()).toBe(42);
  });

  it('refuses bad input with a clear error', () => {
    const clock = createClock({ realNow });
    expect(() => clock.advance(-1)).toThrow(/>= 0/);
    expect(() => clock.advance(Number.NaN)).toThrow(/finite/);
    expect(() => clock.set(new Date('nope'))).toThrow(/valid Date/);
  });
});
