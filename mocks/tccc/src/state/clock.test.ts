import { describe, expect, it } from 'vitest';
import { createMockClock } from './clock.js';

describe('MockClock', () => {
  let real = 1_000_000;
  const realNow = () => real;

  it('follows real time, and set/advance move it while time keeps flowing', () => {
    const clock = createMockClock({ realNow });
    expect(clock.now()).toBe(real);
    clock.set(new Date(5_000_000));
    expect(clock.now()).toBe(5_000_000);
    real += 10;
    expect(clock.now()).toBe(5_000_010);
    clock.advance(1_000);
    expect(clock.now()).toBe(5_001_010);
    expect(clock.offsetMs()).toBe(5_001_010 - real);
  });

  it('stands still while paused: only set and advance move it, resume flows from there', () => {
    const clock = createMockClock({ realNow, start: 7_000 });
    clock.pause();
    expect(clock.paused).toBe(true);
    real += 5_000;
    expect(clock.now()).toBe(7_000);
    clock.advance(500);
    expect(clock.now()).toBe(7_500);
    clock.set(9_000);
    real += 5_000;
    expect(clock.now()).toBe(9_000);
    clock.resume();
    expect(clock.paused).toBe(false);
    real += 10;
    expect(clock.now()).toBe(9_010);
  });

  it('resets to real time, or to its start, and flowing again', () => {
    const plain = createMockClock({ realNow });
    plain.advance(50);
    plain.pause();
    plain.reset();
    expect(plain.paused).toBe(false);
    expect(plain.now()).toBe(real);
    const started = createMockClock({ realNow, start: 42 });
    started.advance(8);
    started.reset();
    expect(started.now()).toBe(42);
  });

  it('refuses bad input with a clear error', () => {
    const clock = createMockClock({ realNow });
    expect(() => clock.advance(-1)).toThrow(/>= 0/);
    expect(() => clock.advance(Number.NaN)).toThrow(/finite/);
    expect(() => clock.set(new Date('nope'))).toThrow(/valid Date/);
  });
});
