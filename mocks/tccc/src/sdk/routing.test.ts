/** Inbound calls from the IVR to an agent, on the paused mock clock. */
import { afterEach, describe, expect, it } from 'vitest';
import { groupsSeed, type Harness, harness, T0_SECONDS } from '../../test/runtime-harness.js';

let h: Harness;
afterEach(() => h.close());

describe('offering an inbound call', () => {
  it('sends callIn with every documented phone field the control plane gave', () => {
    h = harness();
    const page = h.login();
    const { sessionId } = h.mock.sdk.offerInbound({
      seatUserId: 'agent@example.com',
      callerPhoneNumber: '008613911112222',
      calleePhoneNumber: '008675500001111',
      callerLocation: '广东深圳',
      remark: 'VIP',
      ivrPath: [
        { key: '1', label: 'Sales' },
        { key: '3', label: 'New order' },
      ],
      timeoutSeconds: 15,
    });
    expect(page.last('callIn')).toEqual({
      sessionId,
      type: 'phone',
      timeout: 15,
      calleePhoneNumber: '008675500001111',
      callerPhoneNumber: '008613911112222',
      callerLocation: '广东深圳',
      remark: 'VIP',
      ivrPath: [
        { key: '1', label: 'Sales' },
        { key: '3', label: 'New order' },
      ],
      serverType: 'staffSeat',
    });
  });

  it('holds the call in the IVR for ivrSeconds of mock time, then offers it', () => {
    h = harness();
    const page = h.login();
    const { call } = h.mock.sdk.offerInbound({ seatUserId: 'agent@example.com', ivrSeconds: 12 });
    expect(call.state).toBe('ivr');
    h.advance(11_999);
    expect(page.all('callIn')).toEqual([]);
    h.advance(1);
    expect(page.last('callIn').sessionId).toBe(call.sessionId);
    expect(h.mock.sdk.callView(call.sessionId).state).toBe('offered');
  });

  it('offers a skill group call to the member free the longest, then the next one', () => {
    h = harness(groupsSeed);
    const bo = h.login('bo@example.com');
    h.advance(1_000);
    const ana = h.login('ana@example.com');
    h.login('cy@example.com'); // Support: never offered a Sales call
    const first = h.mock.sdk.offerInbound({ skillGroupId: 101 });
    expect(bo.last('callIn').sessionId).toBe(first.sessionId);
    const second = h.mock.sdk.offerInbound({ skillGroupId: 101 });
    expect(ana.last('callIn').sessionId).toBe(second.sessionId);
  });

  it('refuses a named seat without a live SDK or not free (409), and bad targets (400/404)', () => {
    h = harness(groupsSeed);
    expect(() => h.mock.sdk.offerInbound({ seatUserId: 'ana@example.com' })).toThrow(
      expect.objectContaining({ status: 409, code: 'SeatBusy' }),
    );
    const ana = h.login('ana@example.com');
    h.mock.sdk.setStatus(ana.session, { status: 'notReady' });
    expect(() => h.mock.sdk.offerInbound({ seatUserId: 'ana@example.com' })).toThrow(
      /"notReady" and cannot be offered/,
    );
    expect(() => h.mock.sdk.offerInbound({})).toThrow(expect.objectContaining({ status: 400 }));
    expect(() => h.mock.sdk.offerInbound({ skillGroupId: 999 })).toThrow(
      expect.objectContaining({ status: 404 }),
    );
    h.mock.sdk.setStatus(ana.session, { status: 'free' });
    expect(() =>
      h.mock.sdk.offerInbound({ seatUserId: 'ana@example.com', skillGroupId: 102 }),
    ).toThrow(/not a member of skill group 102/);
  });
});

describe('queues', () => {
  it('ends at once with noSeatOnline (105) when nobody of the group is online or all rest', () => {
    h = harness(groupsSeed);
    const offline = h.mock.sdk.offerInbound({ skillGroupId: 102 });
    expect(h.cdr(offline.sessionId)).toMatchObject({
      EndStatus: 105,
      EndStatusString: 'noSeatOnline',
      HungUpSide: 'system',
      QueuedSkillGroupId: 102,
      QueuedSkillGroupName: 'Support',
      ServeParticipants: [],
    });
    const cy = h.login('cy@example.com');
    h.mock.sdk.setStatus(cy.session, { status: 'rest', restReason: 'lunch' });
    const resting = h.mock.sdk.offerInbound({ skillGroupId: 102 });
    expect(h.cdr(resting.sessionId).EndStatusString).toBe('noSeatOnline');
  });

  it('waits while the group is busy and is offered to the first agent who becomes free', () => {
    h = harness(groupsSeed);
    const cy = h.login('cy@example.com');
    h.mock.sdk.setStatus(cy.session, { status: 'notReady' });
    const { sessionId, call } = h.mock.sdk.offerInbound({ skillGroupId: 102, ivrSeconds: 3 });
    expect(call.state).toBe('ivr');
    h.advance(3_000);
    expect(h.mock.sdk.callView(sessionId).state).toBe('queued');
    h.advance(20_000);
    h.mock.sdk.setStatus(cy.session, { status: 'free' });
    expect(cy.last('callIn').sessionId).toBe(sessionId);
    h.mock.sdk.act(cy.session, sessionId, 'accept');
    h.advance(5_000);
    h.mock.sdk.endByCustomer(sessionId);
    expect(h.cdr(sessionId)).toMatchObject({
      StartTimestamp: T0_SECONDS,
      QueuedTimestamp: T0_SECONDS + 3,
      IVRDuration: 3,
      RingTimestamp: T0_SECONDS + 23,
      AcceptTimestamp: T0_SECONDS + 23,
      EndedTimestamp: T0_SECONDS + 28,
      Duration: 5,
      EndStatus: 1,
      HungUpSide: 'user',
    });
  });

  it('gives up after queueWaitSeconds (waitingGiveUp 103)', () => {
    h = harness(groupsSeed);
    const cy = h.login('cy@example.com');
    h.mock.sdk.setStatus(cy.session, { status: 'notReady' });
    const { sessionId } = h.mock.sdk.offerInbound({ skillGroupId: 102, queueWaitSeconds: 40 });
    h.advance(39_999);
    expect(h.mock.sdk.callView(sessionId).state).toBe('queued');
    h.advance(1);
    expect(h.cdr(sessionId)).toMatchObject({ EndStatus: 103, HungUpSide: 'user', Duration: 0 });
    expect(cy.all('callIn')).toEqual([]);
  });
});

describe('an offer nobody answers', () => {
  it('moves to the next free member (autoTransfer, a new leg), then ends seatGiveUp (17)', () => {
    h = harness(groupsSeed);
    const ana = h.login('ana@example.com');
    h.advance(1);
    const bo = h.login('bo@example.com');
    const { sessionId } = h.mock.sdk.offerInbound({ skillGroupId: 101, timeoutSeconds: 10 });
    expect(ana.last('callIn').sessionId).toBe(sessionId);
    h.advance(10_000);
    expect(ana.last('autoTransfer')).toEqual({ sessionId });
    expect(ana.all('sessionEnded')).toEqual([]);
    expect(bo.last('callIn')).toMatchObject({ sessionId, timeout: 10 });
    h.advance(10_000);
    // Ana already had it: nobody else is free, so the call ends.
    expect(bo.last('sessionEnded')).toMatchObject({ sessionId, closeBy: 'timer', duration: 0 });
    const cdr = h.cdr(sessionId);
    expect(cdr).toMatchObject({
      EndStatus: 17,
      EndStatusString: 'seatGiveUp',
      HungUpSide: 'system',
    });
    expect(cdr.SeatUser?.Mail).toBe('bo@example.com');
    expect(cdr.ServeParticipants).toMatchObject([
      {
        Mail: 'ana@example.com',
        Sequence: 0,
        EndStatusString: 'seatGiveUp',
        TransferTo: 'bo@example.com',
        TransferToType: 'staffSeat',
        AcceptTimestamp: 0,
        RecordId: '',
      },
      {
        Mail: 'bo@example.com',
        Sequence: 1,
        EndStatusString: 'seatGiveUp',
        TransferFrom: 'ana@example.com',
        SkillGroupId: 101,
        SkillGroupName: 'Sales',
      },
    ]);
    expect(h.status('ana@example.com')).toBe('free');
  });

  it('moves on at once when the agent hangs up (rejects) the offer', () => {
    h = harness(groupsSeed);
    const ana = h.login('ana@example.com');
    h.advance(1);
    const bo = h.login('bo@example.com');
    const { sessionId } = h.mock.sdk.offerInbound({ skillGroupId: 101 });
    h.mock.sdk.act(ana.session, sessionId, 'hangup');
    expect(ana.last('autoTransfer')).toEqual({ sessionId });
    expect(bo.last('callIn').sessionId).toBe(sessionId);
  });

  it('ringingGiveUp (104) when the customer hangs up while it rings', () => {
    h = harness();
    const page = h.login();
    const { sessionId } = h.mock.sdk.offerInbound({ seatUserId: 'agent@example.com' });
    h.advance(4_000);
    h.mock.sdk.endByCustomer(sessionId);
    expect(page.last('sessionEnded')).toMatchObject({ sessionId, closeBy: 'client' });
    expect(h.cdr(sessionId)).toMatchObject({
      EndStatus: 104,
      EndStatusString: 'ringingGiveUp',
      HungUpSide: 'user',
      RingTimestamp: T0_SECONDS,
      AcceptTimestamp: 0,
      Duration: 0,
    });
  });

  it('ivrGiveUp (102) when the customer hangs up in the IVR', () => {
    h = harness();
    h.login();
    const { sessionId } = h.mock.sdk.offerInbound({
      seatUserId: 'agent@example.com',
      ivrSeconds: 30,
      ivrPath: [{ key: '2', label: 'Billing' }],
    });
    h.advance(8_000);
    h.mock.sdk.endByCustomer(sessionId);
    expect(h.cdr(sessionId)).toMatchObject({
      EndStatus: 102,
      IVRKeyPressed: ['2'],
      QueuedTimestamp: 0,
      IVRDuration: 0,
    });
  });
});
