/** Time per status on the status day (midnight UTC+8), kept on the staff record. */
import { describe, expect, it } from 'vitest';
import { createMockClock } from './clock.js';
import { createStaffTable, type StaffRecord, statusDayStart, statusTimeOn } from './staff.js';

const DAY_START = Date.UTC(2030, 0, 14, 16); // 2030-01-15 00:00 in Beijing
const seed = {
  sdkAppId: 1,
  mail: 'ana@example.com',
  name: 'Ana',
  staffNumber: '1',
  phone: '',
  nick: 'Ana',
  extensionNumber: '',
  roles: [1],
  skillGroups: [],
};

function table(start: number) {
  const clock = createMockClock({ start });
  clock.pause();
  const staff = createStaffTable(() => clock.now());
  staff.add(seed);
  const get = () => staff.get(1, 'ana@example.com') as StaffRecord;
  return { clock, staff, get };
}

describe('time per status', () => {
  it('puts the status day boundary at midnight in Beijing', () => {
    expect(statusDayStart(DAY_START)).toBe(DAY_START);
    expect(statusDayStart(DAY_START - 1)).toBe(DAY_START - 86_400_000);
    expect(statusDayStart(DAY_START + 86_399_999)).toBe(DAY_START);
  });

  it('adds up each status, the stretch in progress included, and remembers coming online', () => {
    const { clock, staff, get } = table(DAY_START + 3_600_000);
    clock.advance(1_000);
    staff.setStatus(1, seed.mail, 'free');
    clock.advance(10_000);
    staff.setStatus(1, seed.mail, 'rest', 'lunch');
    clock.advance(5_000);
    staff.setStatus(1, seed.mail, 'rest', 'coffee'); // same status: the stretch goes on
    clock.advance(5_000);
    staff.setStatus(1, seed.mail, 'free');
    clock.advance(2_000);
    expect(statusTimeOn(get(), clock.now())).toEqual({
      offline: 1_000,
      free: 12_000,
      rest: 10_000,
    });
    expect(get().lastOnlineAt).toBe(DAY_START + 3_601_000);
  });

  it('starts again on a new day, counting only the part of a stretch after midnight', () => {
    const { clock, staff, get } = table(DAY_START - 60_000);
    staff.setStatus(1, seed.mail, 'free');
    clock.advance(120_000);
    expect(statusTimeOn(get(), clock.now())).toEqual({ free: 60_000 });
    staff.setStatus(1, seed.mail, 'notReady');
    clock.advance(1_000);
    expect(statusTimeOn(get(), clock.now())).toEqual({ free: 60_000, notReady: 1_000 });
    expect(statusTimeOn(get(), clock.now() + 86_400_000)).toEqual({ notReady: 61_000 });
  });

  it('counts nothing negative when the clock is moved back', () => {
    const { clock, staff, get } = table(DAY_START + 10_000);
    staff.setStatus(1, seed.mail, 'free');
    clock.set(DAY_START + 5_000);
    expect(statusTimeOn(get(), clock.now())).toEqual({});
  });
});
