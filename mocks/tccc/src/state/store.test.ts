import { describe, expect, it } from 'vitest';
import { resolveMockConfig } from '../config/index.js';
import { createMockClock } from './clock.js';
import type { EventSink } from './sessions.js';
import { toSeatUserInfo, toSkillGroupInfoItem, toStaffInfo } from './shapes.js';
import { createMockStore } from './store.js';

const START = Date.parse('2030-01-01T00:00:00Z');

function store(config: Parameters<typeof resolveMockConfig>[0] = {}) {
  const clock = createMockClock({ start: START, realNow: () => 0 });
  const seed = resolveMockConfig(config);
  return {
    clock,
    store: createMockStore({
      seed,
      clock,
      tokens: { ttlSeconds: 600, retentionSeconds: 600, maxRecords: 1_000 },
    }),
  };
}

/** A record the test knows is there; fails loudly if it is not. */
function present<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('expected a record');
  return value;
}

const seeded = {
  apps: [{ sdkAppId: 1400000001, seats: ['seat@x.com'] }],
  skillGroups: [{ skillGroupId: 7, name: 'Sales', type: 'TEL' }],
  staff: [{ mail: 'ana@x.com', name: 'Ana', roles: [3], skillGroups: [7] }],
};

describe('the store', () => {
  it('starts from its seed: accounts, apps, staff (offline) and skill groups', () => {
    const { store: s } = store(seeded);
    expect(s.accounts.find('AKIDmocktccc000000000000000000000000')).toBeDefined();
    expect(s.apps.list()).toEqual([{ sdkAppId: 1400000001 }]);
    expect(s.staff.list(1400000001).map((member) => [member.mail, member.status])).toEqual([
      ['seat@x.com', 'offline'],
      ['ana@x.com', 'offline'],
    ]);
    expect(s.skillGroups.get(1400000001, 7)?.name).toBe('Sales');
    expect(s.staff.inSkillGroup(1400000001, 7).map((member) => member.mail)).toEqual(['ana@x.com']);
  });

  it('reset forgets what happened and plants the seed again', () => {
    const { store: s } = store(seeded);
    const closed: string[] = [];
    const session = s.sessions.create({
      id: 'sdk-1',
      sdkAppId: 1400000001,
      seatUserId: 'ana@x.com',
      now: START,
      origin: 'http://mock.test',
    });
    const sink: EventSink = { send: () => {}, close: () => closed.push('closed') };
    session.sinks.add(sink);
    s.tokens.issue({ sdkAppId: 1400000001, seatUserId: 'ana@x.com', requestId: 'r' });
    s.staff.setStatus(1400000001, 'ana@x.com', 'rest', 'lunch');
    s.staff.add({ ...present(s.staff.get(1400000001, 'ana@x.com')), mail: 'new@x.com' });
    s.skillGroups.remove(1400000001, 7);
    s.cdrs.insert(1400000001, { SessionId: 'c1', StartTimestamp: 1 });
    s.pushes.record({ id: 'p1', sdkAppId: 1400000001, action: 'cdr', url: 'http://r/', body: {} });

    s.reset();

    expect(closed).toEqual(['closed']);
    expect(s.sessions.byCredential(session.credential)).toBeUndefined();
    expect([s.tokens.size, s.cdrs.count(), s.pushes.size, s.calls.size]).toEqual([0, 0, 0, 0]);
    expect(s.staff.list().map((member) => member.mail)).toEqual(['seat@x.com', 'ana@x.com']);
    expect(s.staff.get(1400000001, 'ana@x.com')?.status).toBe('offline');
    expect(s.skillGroups.get(1400000001, 7)).toBeDefined();
  });

  it('reseed swaps the seed that reset returns to', () => {
    const { store: s } = store();
    s.reseed(resolveMockConfig(seeded));
    expect(s.staff.size).toBe(2);
    s.reset();
    expect(s.apps.first()).toEqual({ sdkAppId: 1400000001 });
    expect(s.accounts.list()).toHaveLength(1);
  });

  it('keeps staff changes and statuses with their mock-clock times', () => {
    const { clock, store: s } = store(seeded);
    clock.advance(5_000);
    const changed = s.staff.update(1400000001, 'ana@x.com', { phone: '0086138' });
    expect(changed).toMatchObject({ phone: '0086138', lastModified: START / 1000 + 5 });
    const resting = s.staff.setStatus(1400000001, 'ana@x.com', 'rest', 'lunch');
    expect(resting).toMatchObject({
      status: 'rest',
      restReason: 'lunch',
      statusSince: START + 5_000,
    });
    expect(s.staff.setStatus(1400000001, 'ana@x.com', 'free')?.restReason).toBeUndefined();
    expect(s.staff.add(present(s.staff.get(1400000001, 'ana@x.com')))).toBeUndefined();
    expect(s.staff.setStatus(1400000001, 'nobody@x.com', 'free')).toBeUndefined();
    expect(Object.isFrozen(s.staff.get(1400000001, 'ana@x.com'))).toBe(true);
  });

  it('shows staff and groups in TCCC shapes (StaffInfo, SeatUserInfo, SkillGroupInfoItem)', () => {
    const { store: s } = store(seeded);
    const ana = present(s.staff.get(1400000001, 'ana@x.com'));
    expect(toStaffInfo(ana, s.skillGroups)).toEqual({
      Name: 'Ana',
      Mail: 'ana@x.com',
      Phone: '',
      Nick: 'Ana',
      StaffNumber: '2',
      RoleList: [3],
      SkillGroupList: [{ SkillGroupId: 7, SkillGroupName: 'Sales', Priority: 1, Type: 'TEL' }],
      LastModifyTimestamp: START / 1000,
      ExtensionNumber: '',
    });
    expect(toSeatUserInfo(ana, s.skillGroups)).toMatchObject({
      Mail: 'ana@x.com',
      UserId: 'ana@x.com',
      SkillGroupNameList: ['Sales'],
      Role: 3,
    });
    expect(toSkillGroupInfoItem(present(s.skillGroups.get(1400000001, 7)))).toMatchObject({
      SkillGroupId: 7,
      SkillGroupName: 'Sales',
      RoutePolicy: 'fifo',
      RingAll: false,
    });
  });

  it('exports the whole state without a secret', () => {
    const { store: s } = store(seeded);
    const session = s.sessions.create({
      id: 'sdk-1',
      sdkAppId: 1400000001,
      seatUserId: 'ana@x.com',
      now: START,
      origin: 'http://mock.test',
    });
    const token = s.tokens.issue({ sdkAppId: 1400000001, seatUserId: 'ana@x.com', requestId: 'r' });
    s.pushes.record({
      id: 'p1',
      sdkAppId: 1400000001,
      action: 'cdr',
      url: 'https://user:hunter2@receiver.example/push?action=cdr&version=1',
      body: { SessionId: 'c1' },
    });
    s.cdrs.insert(1400000001, { SessionId: 'c1', StartTimestamp: 1 });
    const exported = s.export();
    const text = JSON.stringify(exported);
    for (const secret of [
      'mocktcccsecretkey000000000000000',
      'AKIDmocktccc000000000000000000000000',
      token.token,
      session.credential,
      'hunter2',
    ]) {
      expect(text).not.toContain(secret);
    }
    expect(exported).toMatchObject({
      exportedAt: '2030-01-01T00:00:00.000Z',
      counts: { staff: 2, sessions: 1, tokens: 1, cdrs: 1, pushes: 1, calls: 0 },
      sessions: [{ id: 'sdk-1', seatUserId: 'ana@x.com', status: 'offline', connected: false }],
      cdrs: [{ sdkAppId: 1400000001, records: [{ SessionId: 'c1' }] }],
      pushes: [{ url: 'https://receiver.example/push?action=cdr&version=1' }],
    });
    expect(JSON.parse(text)).toEqual(exported);
  });
});
