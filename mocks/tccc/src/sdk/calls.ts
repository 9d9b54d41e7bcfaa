import type { CallState, CallStateResponse, CloseBy } from '@tccc-kit/fake-sdk';
import type { SdkSession } from './sessions.js';

export type Direction = 'inbound' | 'outbound';

/** What happens when the mock clock reaches a call's deadline. */
export type Deadline =
  | { at: number; kind: 'autoTransfer' }
  | { at: number; kind: 'answer' }
  | { at: number; kind: 'end'; closeBy: CloseBy };

export interface Call {
  readonly sessionId: string;
  readonly direction: Direction;
  readonly seat: SdkSession;
  readonly callerPhoneNumber: string;
  readonly calleePhoneNumber: string;
  readonly createdAt: number;
  /** Offer timeout in seconds as sent in `callIn` (inbound only; 0 = never). */
  readonly timeoutSeconds: number;
  state: CallState;
  muted: boolean;
  held: boolean;
  talkStartedAt?: number;
  endedAt?: number;
  closeBy?: CloseBy | 'autoTransfer';
  deadline?: Deadline;
}

/** What the control plane shows about a call. */
export interface CallView {
  sessionId: string;
  direction: Direction;
  seatUserId: string;
  state: CallState;
  callerPhoneNumber: string;
  calleePhoneNumber: string;
  muted: boolean;
  held: boolean;
  createdAt: string;
  endedAt?: string;
  closeBy?: CloseBy | 'autoTransfer';
}

export function viewOf(call: Call): CallView {
  return {
    sessionId: call.sessionId,
    direction: call.direction,
    seatUserId: call.seat.seatUserId,
    state: call.state,
    callerPhoneNumber: call.callerPhoneNumber,
    calleePhoneNumber: call.calleePhoneNumber,
    muted: call.muted,
    held: call.held,
    createdAt: new Date(call.createdAt).toISOString(),
    ...(call.endedAt === undefined ? {} : { endedAt: new Date(call.endedAt).toISOString() }),
    ...(call.closeBy === undefined ? {} : { closeBy: call.closeBy }),
  };
}

export function stateOf(call: Call): CallStateResponse {
  return { sessionId: call.sessionId, state: call.state, muted: call.muted, held: call.held };
}

/** Seconds of conversation, by the mock clock (0 if the call never connected). */
export function durationSeconds(call: Call, now: number): number {
  return call.talkStartedAt === undefined ? 0 : Math.max(0, now - call.talkStartedAt) / 1000;
}
