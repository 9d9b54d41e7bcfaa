/** What an agent does to a call: hold, DTMF, transfer, complete; and the admin's hang-up. */
import { afterEach, describe, expect, it } from 'vitest';
import {
  groupsSeed,
  type Harness,
  harness,
  type Page,
  T0_SECONDS,
} from '../../test/runtime-harness.js';

let h: Harness;
afterEach(() => h.close());

/** An inbound call offered to `page`'s seat and accepted. */
function connected(page: Page): string {
  const { sessionId } = h.mock.sdk.offerInbound({ seatUserId: page.seatUserId });
  h.mock.sdk.act(page.session, sessionId, 'accept');
  return sessionId;
}

describe('hold and DTMF', () => {
  it('holds and resumes a connected call, and refuses hold on a ringing one', () => {
    h = harness();
    const page = h.login();
    const { sessionId } = h.mock.sdk.offerInbound({ seatUserId: 'agent@example.com' });
    expect(() => h.mock.sdk.act(page.session, sessionId, 'hold')).toThrow(
      /Cannot hold call .* it is offered, and hold needs a connected call/,
    );
    h.mock.sdk.act(page.session, sessionId, 'accept');
    expect(h.mock.sdk.act(page.session, sessionId, 'hold')).toMatchObject({ held: true });
    expect(h.mock.sdk.callView(sessionId).held).toBe(true);
    expect(h.mock.sdk.act(page.session, sessionId, 'unhold')).toMatchObject({ held: false });
  });

  it('records the digits an agent sends on a connected call, in order', () => {
    h = harness();
    const page = h.login();
    const sessionId = connected(page);
    h.mock.sdk.sendDigits(page.session, sessionId, '12');
    h.mock.sdk.sendDigits(page.session, sessionId, '#*9');
    expect(h.mock.sdk.callView(sessionId).digits).toBe('12#*9');
  });
});

describe('transfer', () => {
  it('to an agent: the call rings on the other page (a new leg), the first hears transfer', () => {
    h = harness(groupsSeed);
    const ana = h.login('ana@example.com');
    const cy = h.login('cy@example.com');
    const sessionId = connected(ana);
    h.advance(10_000);
    h.mock.sdk.transfer(ana.session, sessionId, { userId: 'cy@example.com' });
    expect(ana.last('transfer')).toEqual({ sessionId, userId: 'cy@example.com' });
    expect(ana.all('sessionEnded')).toEqual([]);
    expect(h.status('ana@example.com')).toBe('free');
    expect(cy.last('callIn')).toMatchObject({ sessionId, type: 'phone' });
    h.advance(2_000);
    h.mock.sdk.act(cy.session, sessionId, 'accept');
    expect(cy.last('userAccessed')).toEqual({ sessionId });
    expect(h.status('cy@example.com')).toBe('busy');
    h.advance(20_000);
    h.mock.sdk.act(cy.session, sessionId, 'hangup');
    const cdr = h.cdr(sessionId);
    expect(cdr).toMatchObject({
      EndStatus: 1,
      HungUpSide: 'seat',
      AcceptTimestamp: T0_SECONDS,
      Duration: 32,
      SeatUser: { Mail: 'cy@example.com', Name: 'Cy' },
    });
    expect(cdr.ServeParticipants).toMatchObject([
      {
        Mail: 'ana@example.com',
        Sequence: 0,
        AcceptTimestamp: T0_SECONDS,
        EndedTimestamp: T0_SECONDS + 10,
        TransferTo: 'cy@example.com',
        TransferToType: 'staffSeat',
        EndStatusString: 'ok',
        RecordId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      },
      {
        Mail: 'cy@example.com',
        Sequence: 1,
        RingTimestamp: T0_SECONDS + 10,
        AcceptTimestamp: T0_SECONDS + 12,
        EndedTimestamp: T0_SECONDS + 32,
        TransferFrom: 'ana@example.com',
        TransferFromType: 'staffSeat',
        EndStatusString: 'ok',
        RecordId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      },
    ]);
    const [first, second] = cdr.ServeParticipants ?? [];
    expect(first?.RecordId).not.toBe(second?.RecordId);
  });

  it('to a skill group: the free member there, with the group on the leg', () => {
    h = harness(groupsSeed);
    const cy = h.login('cy@example.com');
    const ana = h.login('ana@example.com');
    h.login('bo@example.com');
    const sessionId = connected(cy);
    h.mock.sdk.transfer(cy.session, sessionId, { skillGroupId: '101' });
    expect(cy.last('transfer')).toEqual({ sessionId, skillGroupId: '101' });
    expect(ana.last('callIn').sessionId).toBe(sessionId);
    h.mock.sdk.endByCustomer(sessionId);
    // The customer left while Ana's phone rang: the call had talked, her leg had not.
    expect(h.cdr(sessionId)).toMatchObject({ EndStatusString: 'ok', HungUpSide: 'user' });
    expect(h.cdr(sessionId).ServeParticipants?.[1]).toMatchObject({
      Mail: 'ana@example.com',
      SkillGroupId: 101,
      SkillGroupName: 'Sales',
      EndStatusString: 'ringingGiveUp',
      RecordId: '',
    });
  });

  it('refuses targets that cannot take it, and calls that are not connected', () => {
    h = harness(groupsSeed);
    const ana = h.login('ana@example.com');
    const bo = h.login('bo@example.com');
    const sessionId = connected(ana);
    const transfer = (target: { userId?: string; skillGroupId?: string }) => () =>
      h.mock.sdk.transfer(ana.session, sessionId, target);
    expect(transfer({ userId: 'cy@example.com' })).toThrow(
      expect.objectContaining({ status: 409, code: 'TransferTargetUnavailable' }),
    );
    expect(transfer({ userId: 'nobody@example.com' })).toThrow(/not an agent of this app/);
    expect(transfer({ userId: 'ana@example.com' })).toThrow(/agent who has it/);
    expect(transfer({ skillGroupId: '102' })).toThrow(/No agent of skill group 102 is free/);
    expect(transfer({ skillGroupId: '999' })).toThrow(/not a skill group/);
    expect(transfer({})).toThrow(expect.objectContaining({ status: 400 }));
    h.mock.sdk.setStatus(bo.session, { status: 'rest' });
    expect(transfer({ userId: 'bo@example.com' })).toThrow(/status "rest"/);
    h.mock.sdk.setStatus(bo.session, { status: 'notReady' });
    const outbound = h.mock.sdk.startOutbound(bo.session, { phoneNumber: '1' }).sessionId;
    expect(() => h.mock.sdk.transfer(bo.session, outbound, { userId: 'ana@example.com' })).toThrow(
      expect.objectContaining({ status: 409 }),
    );
  });
});

describe('complete and after-call work', () => {
  it('with afterCallWorkSeconds, a talked call leaves the agent in arrange until it passes', () => {
    h = harness({ sdk: { afterCallWorkSeconds: 30 } });
    const page = h.login();
    const sessionId = connected(page);
    h.mock.sdk.endByCustomer(sessionId);
    expect(h.status('agent@example.com')).toBe('arrange');
    expect(() => h.mock.sdk.offerInbound({ seatUserId: 'agent@example.com' })).toThrow(/"arrange"/);
    h.advance(29_999);
    expect(h.status('agent@example.com')).toBe('arrange');
    h.advance(1);
    expect(h.status('agent@example.com')).toBe('free');
    expect(page.all('statusChanged').map((event) => event.status)).toEqual([
      'busy',
      'arrange',
      'free',
    ]);
  });

  it('complete ends the after-call work early and sends sessionCompleted, once', () => {
    h = harness({ sdk: { afterCallWorkSeconds: 300 } });
    const page = h.login();
    const sessionId = connected(page);
    expect(() => h.mock.sdk.act(page.session, sessionId, 'complete')).toThrow(
      /needs a call this agent is done with/,
    );
    h.mock.sdk.act(page.session, sessionId, 'hangup');
    h.mock.sdk.act(page.session, sessionId, 'complete');
    expect(page.last('sessionCompleted')).toEqual({ sessionId });
    expect(h.status('agent@example.com')).toBe('free');
    expect(() => h.mock.sdk.act(page.session, sessionId, 'complete')).toThrow(/already completed/);
  });

  it('an unanswered offer leaves no after-call work', () => {
    h = harness({ sdk: { afterCallWorkSeconds: 30 } });
    const page = h.login();
    const { sessionId } = h.mock.sdk.offerInbound({ seatUserId: 'agent@example.com' });
    h.mock.sdk.endByCustomer(sessionId);
    expect(h.status('agent@example.com')).toBe('free');
    expect(page.all('statusChanged')).toEqual([]);
  });
});

describe('hangUpByAdmin (HangUpCall)', () => {
  it('ends a connected call for the agent with closeBy admin and the reasons given', () => {
    h = harness();
    const page = h.login();
    const sessionId = connected(page);
    h.advance(7_000);
    const view = h.mock.sdk.hangUpByAdmin(1400000000, sessionId, {
      mainReason: 'supervisor',
      subReason: 'test',
    });
    expect(view).toMatchObject({ state: 'ended', closeBy: 'admin', endStatus: 1 });
    expect(page.last('sessionEnded')).toEqual({
      sessionId,
      closeBy: 'admin',
      mainReason: 'supervisor',
      subReason: 'test',
      type: 'phone',
      duration: 7,
    });
    expect(h.cdr(sessionId)).toMatchObject({ EndStatus: 1, HungUpSide: 'system', Duration: 7 });
    expect(h.status('agent@example.com')).toBe('free');
  });

  it('ends a ringing call as the stage’s give-up, and refuses another app’s or an ended call', () => {
    h = harness();
    const page = h.login();
    const { sessionId } = h.mock.sdk.offerInbound({ seatUserId: 'agent@example.com' });
    expect(() => h.mock.sdk.hangUpByAdmin(1400000001, sessionId)).toThrow(
      expect.objectContaining({ status: 404, code: 'CallNotFound' }),
    );
    h.mock.sdk.hangUpByAdmin(1400000000, sessionId);
    expect(page.last('sessionEnded')).toMatchObject({ closeBy: 'admin' });
    expect(h.cdr(sessionId)).toMatchObject({ EndStatus: 104, HungUpSide: 'system' });
    expect(() => h.mock.sdk.hangUpByAdmin(1400000000, sessionId)).toThrow(
      expect.objectContaining({ status: 409 }),
    );
  });
});

describe('setSeatStatus (the SDK’s setStatus, the API’s SetStaffStatus)', () => {
  it('tells the page, refuses during a call and for an offline seat, stopNotReady ends notReady', () => {
    h = harness();
    const seat = { sdkAppId: 1400000000, seatUserId: 'agent@example.com' };
    expect(() => h.mock.sdk.setSeatStatus(seat, 'free')).toThrow(
      expect.objectContaining({ status: 409, code: 'StatusNotAllowed' }),
    );
    const page = h.login();
    expect(h.mock.sdk.setSeatStatus(seat, 'rest', 'training')).toBe('rest');
    expect(h.mock.store.staff.get(1400000000, 'agent@example.com')?.restReason).toBe('training');
    expect(h.mock.sdk.setSeatStatus(seat, 'stopNotReady')).toBe('rest');
    expect(h.mock.sdk.setSeatStatus(seat, 'notReady')).toBe('notReady');
    expect(h.mock.sdk.setSeatStatus(seat, 'stopNotReady')).toBe('free');
    expect(page.all('statusChanged').map((event) => event.status)).toEqual([
      'rest',
      'notReady',
      'free',
    ]);
    connected(page);
    expect(() => h.mock.sdk.setSeatStatus(seat, 'notReady')).toThrow(
      expect.objectContaining({ status: 409, code: 'SeatBusy' }),
    );
  });
});
