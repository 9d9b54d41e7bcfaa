/** Outbound calls and what the pretend customer does, on the paused mock clock. */
import { afterEach, describe, expect, it } from 'vitest';
import { type Harness, harness, ORIGIN, T0_SECONDS } from '../../test/runtime-harness.js';

let h: Harness;
afterEach(() => h.close());

const dial = (phoneNumber: string, extra: { uui?: string; phoneDesc?: string } = {}) => {
  const page = h.login();
  const answer = h.mock.sdk.startOutbound(page.session, { phoneNumber, ...extra });
  return { page, sessionId: answer.sessionId, answer };
};

describe('the callee by the number’s last digit', () => {
  it('answers after 1 s (calloutAccepted); the agent hangs up: ok, with the uui', () => {
    h = harness();
    const { page, sessionId, answer } = dial('13800000001', { uui: 'order-42', phoneDesc: 'Ana' });
    expect(answer).toEqual({
      sessionId,
      calleePhoneNumber: '13800000001',
      callerPhoneNumber: '008675586013388',
      serverType: 'staffSeat',
      remark: 'Ana',
    });
    expect(page.last('callOuted')).toEqual(answer);
    expect(h.status('agent@example.com')).toBe('busy');
    h.advance(999);
    expect(page.all('calloutAccepted')).toEqual([]);
    h.advance(1);
    expect(page.last('calloutAccepted')).toEqual({ sessionId });
    h.advance(42_000);
    h.mock.sdk.act(page.session, sessionId, 'hangup');
    expect(page.last('sessionEnded')).toEqual({
      sessionId,
      closeBy: 'seat',
      type: 'phone',
      duration: 42,
    });
    const recordId = h.cdr(sessionId).ServeParticipants?.[0]?.RecordId;
    expect(h.cdr(sessionId)).toEqual({
      SessionId: sessionId,
      Caller: '008675586013388',
      Callee: '13800000001',
      Time: T0_SECONDS,
      Direction: 1,
      CallType: 1,
      Duration: 42,
      RecordURL: expect.stringMatching(
        new RegExp(`^${ORIGIN}/sdk/records/1400000000/${sessionId}/[0-9a-f-]{36}\\.wav$`),
      ),
      RecordId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      SeatUser: {
        Name: 'agent',
        Mail: 'agent@example.com',
        StaffNumber: '1',
        Phone: '',
        Nick: 'agent',
        UserId: 'agent@example.com',
        SkillGroupNameList: [],
        Role: 1,
        ExtensionNumber: '',
      },
      EndStatus: 1,
      SkillGroup: '',
      CallerLocation: '',
      IVRDuration: 0,
      RingTimestamp: T0_SECONDS,
      AcceptTimestamp: T0_SECONDS + 1,
      EndedTimestamp: T0_SECONDS + 43,
      IVRKeyPressed: [],
      IVRKeyPressedEx: [],
      HungUpSide: 'seat',
      ServeParticipants: [
        {
          Mail: 'agent@example.com',
          Phone: '',
          RingTimestamp: T0_SECONDS,
          AcceptTimestamp: T0_SECONDS + 1,
          EndedTimestamp: T0_SECONDS + 43,
          RecordId: recordId,
          Type: 'staffSeat',
          TransferFrom: '',
          TransferFromType: '',
          TransferTo: '',
          TransferToType: '',
          SkillGroupId: 0,
          EndStatusString: 'ok',
          RecordURL: `${ORIGIN}/sdk/records/1400000000/${sessionId}/${recordId}.wav`,
          Sequence: 0,
          StartTimestamp: T0_SECONDS,
          SkillGroupName: '',
          CustomRecordURL: '',
        },
      ],
      SkillGroupId: 0,
      EndStatusString: 'ok',
      StartTimestamp: T0_SECONDS,
      QueuedTimestamp: 0,
      PostIVRKeyPressed: [],
      PostIVRKeyPressedEx: [],
      QueuedSkillGroupId: 0,
      ProtectedCaller: '',
      ProtectedCallee: '',
      Uui: 'order-42',
      UUI: 'order-42',
      AsrUrl: '',
      AsrStatus: 'NotExists',
      CustomRecordURL: '',
      Remark: 'Ana',
      QueuedSkillGroupName: '',
      VoicemailRecordURL: [],
      VoicemailAsrURL: [],
    });
    expect(recordId).not.toBe(h.cdr(sessionId).RecordId);
    expect(h.status('agent@example.com')).toBe('free');
  });

  it('busy (8): 206 after 0.5 s, closeBy client', () => {
    h = harness();
    const { page, sessionId } = dial('13800000008');
    h.advance(500);
    expect(page.last('sessionEnded')).toMatchObject({ sessionId, closeBy: 'client', duration: 0 });
    expect(h.cdr(sessionId)).toMatchObject({
      EndStatus: 206,
      EndStatusString: 'busy',
      HungUpSide: 'user',
      AcceptTimestamp: 0,
      Duration: 0,
      RecordId: '',
      RecordURL: '',
    });
  });

  it('no answer (9): 202 after 30 s, closeBy timer', () => {
    h = harness();
    const { page, sessionId } = dial('13800000009');
    h.advance(29_999);
    expect(page.all('sessionEnded')).toEqual([]);
    h.advance(1);
    expect(page.last('sessionEnded')).toMatchObject({ closeBy: 'timer' });
    expect(h.cdr(sessionId)).toMatchObject({ EndStatus: 202, HungUpSide: 'system' });
  });

  it('follows the sdk settings for its delays', () => {
    h = harness({ sdk: { answerAfterMs: 5_000 } });
    const { page } = dial('13800000001');
    h.advance(4_999);
    expect(page.all('calloutAccepted')).toEqual([]);
    h.advance(1);
    expect(page.all('calloutAccepted')).toHaveLength(1);
  });
});

describe('the control plane decides first', () => {
  it('answer, then the customer hangs up: ok, HungUpSide user', () => {
    h = harness();
    const { page, sessionId } = dial('13800000009');
    h.advance(3_000);
    expect(h.mock.sdk.answerByCustomer(sessionId).state).toBe('talking');
    expect(page.last('calloutAccepted')).toEqual({ sessionId });
    h.advance(60_000); // the number's own outcome (no answer at 30 s) no longer applies
    h.mock.sdk.endByCustomer(sessionId);
    expect(page.last('sessionEnded')).toMatchObject({ closeBy: 'client', duration: 60 });
    expect(h.cdr(sessionId)).toMatchObject({
      EndStatus: 1,
      HungUpSide: 'user',
      AcceptTimestamp: T0_SECONDS + 3,
      Duration: 60,
    });
  });

  it.each([
    ['reject', 'userReject', 203],
    ['busy', 'busy', 206],
    ['powerOff', 'powerOff', 204],
    ['numberNotExist', 'numberNotExist', 205],
  ] as const)('%s ends the attempt with %s (%i)', (_, failure, code) => {
    h = harness();
    const { page, sessionId } = dial('13800000001');
    h.mock.sdk.failByCustomer(sessionId, failure);
    expect(page.last('sessionEnded')).toMatchObject({ closeBy: 'client' });
    expect(h.cdr(sessionId)).toMatchObject({ EndStatus: code, EndStatusString: failure });
  });

  it('hanging up while it rings at the customer is userReject; answering twice is a 409', () => {
    h = harness();
    const { sessionId } = dial('13800000001');
    h.mock.sdk.endByCustomer(sessionId);
    expect(h.cdr(sessionId).EndStatusString).toBe('userReject');
    expect(() => h.mock.sdk.answerByCustomer(sessionId)).toThrow(
      expect.objectContaining({ status: 409, code: 'CallStateConflict' }),
    );
    expect(() => h.mock.sdk.answerByCustomer('nope')).toThrow(
      expect.objectContaining({ status: 404 }),
    );
  });
});

describe('the agent', () => {
  it('cancels before the answer: callerCancel (209), HungUpSide seat', () => {
    h = harness();
    const { page, sessionId } = dial('13800000001');
    h.mock.sdk.act(page.session, sessionId, 'hangup');
    expect(page.last('sessionEnded')).toMatchObject({ closeBy: 'seat' });
    expect(h.cdr(sessionId)).toMatchObject({ EndStatus: 209, HungUpSide: 'seat' });
  });

  it('may dial from notReady and arrange, not from rest, and returns to the status it had', () => {
    h = harness();
    const page = h.login();
    h.mock.sdk.setStatus(page.session, { status: 'rest', restReason: 'lunch' });
    expect(() => h.mock.sdk.startOutbound(page.session, { phoneNumber: '13800000001' })).toThrow(
      expect.objectContaining({ status: 409, code: 'StatusNotAllowed' }),
    );
    h.mock.sdk.setStatus(page.session, { status: 'notReady' });
    const { sessionId } = h.mock.sdk.startOutbound(page.session, { phoneNumber: '13800000001' });
    expect(h.status('agent@example.com')).toBe('busy');
    h.mock.sdk.act(page.session, sessionId, 'hangup');
    expect(h.status('agent@example.com')).toBe('notReady');
    expect(page.all('statusChanged').map((event) => event.status)).toEqual([
      'rest',
      'notReady',
      'busy',
      'notReady',
    ]);
  });

  it('names an existing skill group or none', () => {
    h = harness({ skillGroups: [{ skillGroupId: 7, name: 'Outbound' }] });
    const page = h.login();
    expect(() =>
      h.mock.sdk.startOutbound(page.session, { phoneNumber: '13800000001', skillGroupId: '8' }),
    ).toThrow(/not a skill group of this app/);
    const { sessionId } = h.mock.sdk.startOutbound(page.session, {
      phoneNumber: '13800000008',
      skillGroupId: '7',
    });
    h.advance(500);
    expect(h.cdr(sessionId)).toMatchObject({ SkillGroupId: 7, SkillGroup: 'Outbound' });
  });
});
