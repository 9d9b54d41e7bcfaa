/**
 * The console's whole state and the one pure function that changes it. Everything the page
 * shows is derived from {@link AppState}; SDK events, API answers and clicks all arrive here
 * as {@link Action}s, so the rules (what a `callIn` does to the call panel, what signing out
 * forgets) live in one place and are unit-tested without a browser.
 */
import type { Failure } from './failures.js';

export type Auth =
  | { kind: 'checking' }
  | { kind: 'signed-out'; message?: string }
  | { kind: 'signing-in' }
  | { kind: 'signed-in'; email: string };

export type Connection =
  | { kind: 'disconnected' }
  | { kind: 'connecting' }
  | { kind: 'ready' }
  | { kind: 'failed'; failure: Failure };

export type CallDirection = 'inbound' | 'outbound';
/** ringing: offered to us; dialing: we called out, callee not answered yet; talking: connected. */
export type CallStage = 'ringing' | 'dialing' | 'talking';

export interface Call {
  sessionId: string;
  direction: CallDirection;
  stage: CallStage;
  /** The other party as the SDK reported it (phone number, or a label when unknown). */
  peer: string;
  muted: boolean;
}

export interface AppState {
  auth: Auth;
  connection: Connection;
  /** Last status the SDK reported (statusChanged / Agent.getStatus), null before ready. */
  agentStatus: string | null;
  call: Call | null;
  /** A failed call action (dial, accept, mute, set status): what went wrong, until the next. */
  notice: string | null;
}

export type Action =
  | { type: 'session-found'; email: string }
  | { type: 'signed-out'; message?: string }
  | { type: 'sign-in-started' }
  | { type: 'connect-started' }
  | { type: 'connected'; agentStatus: string | null }
  | { type: 'connect-failed'; failure: Failure }
  | { type: 'tccc-event'; name: string; payload: unknown }
  | { type: 'mute-changed'; sessionId: string; muted: boolean }
  | { type: 'notice'; message: string | null };

export const initialState: AppState = {
  auth: { kind: 'checking' },
  connection: { kind: 'disconnected' },
  agentStatus: null,
  call: null,
  notice: null,
};

/** What the status line says: the five states the console can be in. */
export type Status = 'checking' | 'signed-out' | 'signed-in' | 'connecting' | 'ready' | 'error';

export function statusOf(state: AppState): Status {
  if (state.auth.kind === 'checking') return 'checking';
  if (state.auth.kind !== 'signed-in') return 'signed-out';
  switch (state.connection.kind) {
    case 'disconnected':
      return 'signed-in';
    case 'connecting':
      return 'connecting';
    case 'ready':
      return 'ready';
    case 'failed':
      return 'error';
  }
}

const signedOut = (message?: string): AppState => ({
  ...initialState,
  auth: message === undefined ? { kind: 'signed-out' } : { kind: 'signed-out', message },
});

export function reduce(state: AppState, action: Action): AppState {
  switch (action.type) {
    case 'session-found':
      return { ...initialState, auth: { kind: 'signed-in', email: action.email } };
    case 'signed-out':
      return signedOut(action.message);
    case 'sign-in-started':
      return { ...state, auth: { kind: 'signing-in' } };
    case 'connect-started':
      return { ...state, connection: { kind: 'connecting' }, notice: null };
    case 'connected':
      return { ...state, connection: { kind: 'ready' }, agentStatus: action.agentStatus };
    case 'connect-failed':
      return {
        ...state,
        connection: { kind: 'failed', failure: action.failure },
        call: null,
        agentStatus: null,
      };
    case 'mute-changed':
      if (state.call?.sessionId !== action.sessionId) return state;
      return { ...state, call: { ...state.call, muted: action.muted } };
    case 'notice':
      return { ...state, notice: action.message };
    case 'tccc-event':
      return onTcccEvent(state, action.name, action.payload);
  }
}

/** The SDK events that move the call panel; every other event only reaches the log. */
function onTcccEvent(state: AppState, name: string, payload: unknown): AppState {
  const sessionId = stringField(payload, 'sessionId');
  switch (name) {
    case 'callIn':
      if (sessionId === undefined) return state;
      return {
        ...state,
        notice: null,
        call: {
          sessionId,
          direction: 'inbound',
          stage: 'ringing',
          peer: stringField(payload, 'callerPhoneNumber') || peerOf(payload) || 'unknown caller',
          muted: false,
        },
      };
    case 'callOuted':
      if (sessionId === undefined) return state;
      return {
        ...state,
        notice: null,
        call: {
          sessionId,
          direction: 'outbound',
          stage: 'dialing',
          peer: stringField(payload, 'calleePhoneNumber') || 'unknown callee',
          muted: false,
        },
      };
    case 'userAccessed':
    case 'calloutAccepted':
      if (state.call === null || state.call.sessionId !== sessionId) return state;
      return { ...state, call: { ...state.call, stage: 'talking' } };
    case 'sessionEnded':
    case 'autoTransfer':
      if (state.call === null || state.call.sessionId !== sessionId) return state;
      return { ...state, call: null };
    case 'statusChanged': {
      const status = stringField(payload, 'status');
      return status === undefined ? state : { ...state, agentStatus: status };
    }
    default:
      return state;
  }
}

/** Non-phone sessions (voip, internal, im) name the peer differently. */
function peerOf(payload: unknown): string | undefined {
  return (
    stringField(payload, 'nickname') ||
    stringField(payload, 'peerUserId') ||
    stringField(payload, 'userId')
  );
}

function stringField(payload: unknown, key: string): string | undefined {
  if (typeof payload !== 'object' || payload === null) return undefined;
  const value = (payload as Record<string, unknown>)[key];
  return typeof value === 'string' ? value : undefined;
}
