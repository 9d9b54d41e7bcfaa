/**
 * DescribeSessionDetail's `Events` come from the call's lifecycle: an agent's hold, unhold,
 * mute and unmute, timed by the mock clock, in Tencent's SessionEvent shape (the shape of its
 * example answer), and the answer fits the response structure.
 */
import { describe, expect, it } from 'vitest';
import { answerProblems } from '../src/api/spec/conform.js';
import { callApi } from './cloud-api.js';
import { APP, harness, T0_SECONDS } from './runtime-harness.js';

describe('DescribeSessionDetail Events', () => {
  it('lists holds and mutes of the call, each once, with the staff who did it', async () => {
    const h = harness();
    const page = h.login('agent@example.com');
    const { sessionId } = h.mock.sdk.startOutbound(page.session, { phoneNumber: '13800000001' });
    h.mock.sdk.answerByCustomer(sessionId);
    h.advance(2_000);
    h.mock.sdk.act(page.session, sessionId, 'hold');
    h.mock.sdk.act(page.session, sessionId, 'hold'); // no change: no second event
    h.advance(3_000);
    h.mock.sdk.act(page.session, sessionId, 'unhold');
    h.mock.sdk.act(page.session, sessionId, 'mute');
    h.advance(1_000);
    h.mock.sdk.act(page.session, sessionId, 'unmute');
    h.mock.sdk.endByCustomer(sessionId);
    const answer = await callApi(h.mock, 'DescribeSessionDetail', {
      SdkAppId: APP,
      SessionId: sessionId,
      StartTimestamp: T0_SECONDS - 60,
      EndTimestamp: T0_SECONDS + 60,
    });
    const staff = { Staffs: [{ Mail: 'agent@example.com', StaffNumber: '1' }] };
    expect(answer.Events).toEqual([
      { Timestamp: T0_SECONDS + 2, EventType: 'StaffHold', StaffEventDetail: staff },
      { Timestamp: T0_SECONDS + 5, EventType: 'StaffUnhold', StaffEventDetail: staff },
      { Timestamp: T0_SECONDS + 5, EventType: 'StaffMute', StaffEventDetail: staff },
      { Timestamp: T0_SECONDS + 6, EventType: 'StaffUnmute', StaffEventDetail: staff },
    ]);
    expect(answerProblems('DescribeSessionDetail', { Response: answer })).toEqual([]);
    h.close();
  });
});
