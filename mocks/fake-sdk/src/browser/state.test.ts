import { describe, expect, it } from 'vitest';
import { applyEvent, initialView } from './state.js';

const callIn = {
  name: 'callIn',
  payload: {
    sessionId: 's1',
    type: 'phone',
    timeout: 30,
    calleePhoneNumber: '0086755',
    callerPhoneNumber: '0086138',
    serverType: 'staffSeat',
  },
} as const;

describe('the local view', () => {
  it('follows a call from callIn to sessionEnded, then keeps it for Complete', () => {
    const view = initialView();
    applyEvent(view, callIn);
    expect(view.call).toMatchObject({ sessionId: 's1', direction: 'inbound', state: 'offered' });
    applyEvent(view, { name: 'userAccessed', payload: { sessionId: 's1' } });
    expect(view.call?.state).toBe('talking');
    applyEvent(view, {
      name: 'sessionEnded',
      payload: { sessionId: 's1', closeBy: 'client', type: 'phone', duration: 3 },
    });
    expect([view.call, view.ended]).toEqual([undefined, 's1']);
    applyEvent(view, { name: 'sessionCompleted', payload: { sessionId: 's1' } });
    expect(view.ended).toBeUndefined();
  });

  it('drops an offer that moved to another agent without offering Complete', () => {
    const view = initialView();
    applyEvent(view, callIn);
    applyEvent(view, { name: 'autoTransfer', payload: { sessionId: 's1' } });
    expect([view.call, view.ended]).toEqual([undefined, undefined]);
  });

  it('ignores events of another call', () => {
    const view = initialView();
    applyEvent(view, callIn);
    applyEvent(view, { name: 'transfer', payload: { sessionId: 'other', userId: 'x' } });
    expect(view.call?.sessionId).toBe('s1');
  });

  it('restores the call a (re)connect reports, and loggedOut clears everything', () => {
    const view = initialView();
    applyEvent(view, {
      name: 'connected',
      payload: {
        status: 'busy',
        calls: [
          {
            sessionId: 's2',
            direction: 'outbound',
            peer: '138',
            state: 'talking',
            muted: true,
            held: false,
          },
        ],
      },
    });
    expect(view).toMatchObject({ status: 'busy', call: { sessionId: 's2', muted: true } });
    view.reconnecting = true;
    applyEvent(view, { name: 'loggedOut', payload: { reason: 'takenOver' } });
    expect(view).toMatchObject({
      phase: 'loggedOut',
      loggedOut: 'takenOver',
      call: undefined,
      reconnecting: false,
    });
  });
});
