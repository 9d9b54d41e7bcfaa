import type { CallSnapshot, ServerEvent, SessionEndReason, WireAgentStatus } from '../protocol.js';

/** The fake SDK's local view of a call, kept from the server's events (for the UI). */
export type LocalCall = CallSnapshot;

/**
 * Where the SDK instance is: logging in, ready, failed to initialise (tokenExpired), or its
 * seat's session ended (loggedOut: offline, taken over, expired).
 */
export type Phase = 'loading' | 'ready' | 'failed' | 'loggedOut';

export interface ViewState {
  phase: Phase;
  seatUserId: string | undefined;
  status: WireAgentStatus | undefined;
  /** The call in progress on this page. */
  call: LocalCall | undefined;
  /** The last call that ended here, until the agent completes it (or deletes it). */
  ended: string | undefined;
  /** True while the event stream is lost after having been connected. */
  reconnecting: boolean;
  loggedOut: SessionEndReason | undefined;
}

export function initialView(): ViewState {
  return {
    phase: 'loading',
    seatUserId: undefined,
    status: undefined,
    call: undefined,
    ended: undefined,
    reconnecting: false,
    loggedOut: undefined,
  };
}

/** The call left this page (ended, moved to another agent): remember it for "Complete". */
function leave(view: ViewState, sessionId: string, completable: boolean): void {
  if (view.call?.sessionId !== sessionId) return;
  view.call = undefined;
  if (completable) view.ended = sessionId;
}

/** Apply a server event to the local view. */
export function applyEvent(view: ViewState, event: ServerEvent): void {
  switch (event.name) {
    case 'connected':
      view.status = event.payload.status;
      view.call = event.payload.calls[0] ? { ...event.payload.calls[0] } : undefined;
      return;
    case 'statusChanged':
      view.status = event.payload.status;
      return;
    case 'callIn':
      view.call = {
        sessionId: event.payload.sessionId,
        direction: 'inbound',
        peer: event.payload.callerPhoneNumber,
        state: 'offered',
        muted: false,
        held: false,
      };
      return;
    case 'callOuted':
      view.call = {
        sessionId: event.payload.sessionId,
        direction: 'outbound',
        peer: event.payload.calleePhoneNumber,
        state: 'dialing',
        muted: false,
        held: false,
      };
      return;
    case 'calloutAccepted':
    case 'userAccessed':
      if (view.call?.sessionId === event.payload.sessionId) view.call.state = 'talking';
      return;
    case 'sessionEnded':
      leave(view, event.payload.sessionId, true);
      return;
    case 'transfer':
      leave(view, event.payload.sessionId, true);
      return;
    case 'autoTransfer':
      leave(view, event.payload.sessionId, false);
      return;
    case 'sessionCompleted':
      if (view.ended === event.payload.sessionId) view.ended = undefined;
      return;
    case 'loggedOut':
      view.phase = 'loggedOut';
      view.loggedOut = event.payload.reason;
      view.call = undefined;
      view.reconnecting = false;
      return;
  }
}
