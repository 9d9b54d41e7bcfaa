import type { ServerEvent, WireAgentStatus } from '../protocol.js';

/** The fake SDK's local view of a call, kept from the server's events (for the UI). */
export interface LocalCall {
  sessionId: string;
  direction: 'inbound' | 'outbound';
  /** The customer's number. */
  peer: string;
  state: 'offered' | 'dialing' | 'talking';
  muted: boolean;
  held: boolean;
}

export type Phase = 'loading' | 'ready' | 'failed' | 'destroyed';

export interface ViewState {
  phase: Phase;
  seatUserId: string | undefined;
  status: WireAgentStatus | undefined;
  call: LocalCall | undefined;
}

/** Apply a server event to the local view. */
export function applyEvent(view: ViewState, event: ServerEvent): void {
  switch (event.name) {
    case 'connected':
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
    case 'autoTransfer':
    case 'sessionEnded':
      if (view.call?.sessionId === event.payload.sessionId) view.call = undefined;
      return;
  }
}
