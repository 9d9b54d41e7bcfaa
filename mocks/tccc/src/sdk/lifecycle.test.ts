/** Every ended call gets exactly one CDR, in the store before the page hears sessionEnded. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type Harness, harness } from '../../test/runtime-harness.js';
import { END_STATUS, resolveEnding } from './end-status.js';

let h: Harness;
afterEach(() => h.close());

describe('CDR production', () => {
  it('inserts one CDR per ended call through store.cdrs.insert, however it ended', () => {
    h = harness();
    const insert = vi.spyOn(h.mock.store.cdrs, 'insert');
    const page = h.login();
    const first = h.mock.sdk.startOutbound(page.session, { phoneNumber: '13800000008' });
    h.advance(500);
    const second = h.mock.sdk.offerInbound({ seatUserId: 'agent@example.com' });
    h.mock.sdk.act(page.session, second.sessionId, 'accept');
    h.mock.sdk.endByCustomer(second.sessionId);
    // Ending an ended call again changes nothing.
    expect(() => h.mock.sdk.endByCustomer(second.sessionId)).toThrow(/already ended/);
    h.mock.sdk.logout(page.session);
    expect(insert.mock.calls.map(([app, cdr]) => [app, cdr.SessionId])).toEqual([
      [1400000000, first.sessionId],
      [1400000000, second.sessionId],
    ]);
    expect(h.mock.store.cdrs.count()).toBe(2);
  });

  it('has the CDR stored by the time the page receives sessionEnded', () => {
    h = harness();
    const page = h.login();
    const seen: (string | undefined)[] = [];
    h.mock.sdk.attachStream(page.session, {
      send: (event) => {
        if (event.name !== 'sessionEnded') return;
        seen.push(h.mock.store.cdrs.get(1400000000, event.payload.sessionId)?.EndStatusString);
      },
      close: () => {},
    });
    const { sessionId } = h.mock.sdk.offerInbound({ seatUserId: 'agent@example.com' });
    h.mock.sdk.endByCustomer(sessionId);
    expect(seen).toEqual(['ringingGiveUp']);
  });

  it('keeps at most limits.maxCdrs records per app', () => {
    h = harness({ limits: { maxCdrs: 2 } });
    const page = h.login();
    const ids = [1, 2, 3].map((n) => {
      h.advance(1_000);
      const { sessionId } = h.mock.sdk.startOutbound(page.session, {
        phoneNumber: `1380000000${n}`,
      });
      h.mock.sdk.act(page.session, sessionId, 'hangup');
      return sessionId;
    });
    expect(h.mock.store.cdrs.list(1400000000).map((cdr) => cdr.SessionId)).toEqual(ids.slice(1));
  });
});

describe('the end-status table', () => {
  it('gives each ending its code, name, HungUpSide and closeBy', () => {
    expect(resolveEnding({ kind: 'talked', by: 'user' })).toEqual({
      endStatus: 1,
      endStatusString: 'ok',
      hungUpSide: 'user',
      closeBy: 'client',
    });
    expect(resolveEnding({ kind: 'callee', failure: 'notAnswer' })).toMatchObject({
      endStatus: 202,
      hungUpSide: 'system',
      closeBy: 'timer',
    });
    expect(resolveEnding({ kind: 'callee', failure: 'busy' })).toMatchObject({
      endStatus: 206,
      hungUpSide: 'user',
      closeBy: 'client',
    });
    expect(resolveEnding({ kind: 'seatGiveUp' })).toMatchObject({
      endStatus: 17,
      closeBy: 'timer',
    });
    expect(resolveEnding({ kind: 'admin', status: 'ringingGiveUp', mainReason: 'm' })).toEqual({
      endStatus: 104,
      endStatusString: 'ringingGiveUp',
      hungUpSide: 'system',
      closeBy: 'admin',
      mainReason: 'm',
    });
  });

  it('uses Tencent’s codes', () => {
    expect(END_STATUS).toMatchObject({
      ok: 1,
      seatGiveUp: 17,
      ivrGiveUp: 102,
      waitingGiveUp: 103,
      ringingGiveUp: 104,
      noSeatOnline: 105,
      notAnswer: 202,
      userReject: 203,
      busy: 206,
      callerCancel: 209,
      clientError: 211,
    });
  });
});
