/**
 * The agent's desk: their status and how long they have been in it, the call on the line,
 * and the call that just ended (after-call work). One pure reducer: SDK events, method
 * results and clicks arrive as actions, so what a `callIn` or a `sessionEnded` does is
 * decided here, once, and unit-tested without a browser. Times are epoch milliseconds
 * passed in with each action (the reducer never reads a clock).
 */
import type { AgentStatus, CallInEvent, IvrPathItem, SessionCloser } from '@tccc-kit/web-loader';
import { type CallOutcome, outcomeOf } from './call-outcome.js';

export type CallDirection = 'inbound' | 'outbound';
/** ringing: offered to us; dialing: we called, no answer yet; talking: connected. */
export type CallStage = 'ringing' | 'dialing' | 'talking';

export interface Call {
  sessionId: string;
  direction: CallDirection;
  stage: CallStage;
  /** The customer's number (or a name for non-phone sessions). */
  peer: string;
  /** Where the number is from, when TCCC knows (`callerLocation` / `calleeLocation`). */
  location?: string;
  /** TCCC's remark on the number (set in the TCCC console). */
  remark?: string;
  /** The IVR menu choices the caller made before reaching us. */
  ivrPath: string[];
  /** When the offer stops ringing here (`callIn.timeout`), or undefined if never. */
  answerBy?: number;
  startedAt: number;
  /** When the conversation started. */
  talkingSince?: number;
  muted: boolean;
  held: boolean;
  /**
   * The agent pressed Decline on this offer. TCCC then ends the offer as if it rang out
   * (`autoTransfer` to a colleague, or `sessionEnded` closeBy `timer`) [unconfirmed], so only
   * the console knows it was the agent's choice.
   */
  declined?: boolean;
  /**
   * Whom the agent is transferring the call to, by the name the dialog showed ("Zhou Min",
   * "Support"): TCCC's `transfer` event names only the seat or the group id.
   */
  transferTo?: string;
}

/** The call that just ended, shown until the agent is ready again. */
export interface WrapUp {
  sessionId: string;
  direction: CallDirection;
  peer: string;
  endedAt: number;
  /** Seconds of conversation; null when it never connected. */
  talkSeconds: number | null;
  outcome: CallOutcome;
}

export interface DeskState {
  /** Last status the SDK reported; null before `ready`. */
  status: AgentStatus | null;
  /** When `status` last changed (for "time in state"). */
  statusSince: number;
  call: Call | null;
  wrapUp: WrapUp | null;
}

export type DeskAction =
  | { type: 'ready'; status: AgentStatus | null; at: number }
  | { type: 'event'; name: string; payload: unknown; at: number }
  | { type: 'muted'; sessionId: string; muted: boolean }
  | { type: 'held'; sessionId: string; held: boolean }
  /** Decline pressed (true) or the SDK refused it (false). */
  | { type: 'declined'; sessionId: string; declined: boolean }
  /** A transfer to `name` was asked for (null: the SDK refused it). */
  | { type: 'transferring'; sessionId: string; name: string | null }
  | { type: 'wrap-up-done' }
  | { type: 'reset'; at: number };

export const initialDesk = (at: number): DeskState => ({
  status: null,
  statusSince: at,
  call: null,
  wrapUp: null,
});

export function reduceDesk(state: DeskState, action: DeskAction): DeskState {
  switch (action.type) {
    case 'ready':
      return { ...initialDesk(action.at), status: action.status };
    case 'reset':
      return initialDesk(action.at);
    case 'muted':
    case 'held': {
      const call = state.call;
      if (call?.sessionId !== action.sessionId) return state;
      return action.type === 'muted'
        ? { ...state, call: { ...call, muted: action.muted } }
        : { ...state, call: { ...call, held: action.held } };
    }
    case 'declined': {
      const call = state.call;
      if (call?.sessionId !== action.sessionId || call.stage !== 'ringing') return state;
      return { ...state, call: { ...call, declined: action.declined } };
    }
    case 'transferring': {
      const call = state.call;
      if (call?.sessionId !== action.sessionId) return state;
      const { transferTo: _, ...rest } = call;
      return { ...state, call: action.name === null ? rest : { ...rest, transferTo: action.name } };
    }
    case 'wrap-up-done':
      return { ...state, wrapUp: null };
    case 'event':
      return onEvent(state, action.name, action.payload, action.at);
  }
}

function onEvent(state: DeskState, name: string, payload: unknown, at: number): DeskState {
  const p = (payload ?? {}) as Record<string, unknown>;
  const sessionId = typeof p.sessionId === 'string' ? p.sessionId : undefined;
  const current = state.call !== null && state.call.sessionId === sessionId ? state.call : null;
  switch (name) {
    case 'statusChanged': {
      const status = typeof p.status === 'string' ? (p.status as AgentStatus) : undefined;
      if (status === undefined || status === state.status) return state;
      return { ...state, status, statusSince: at };
    }
    case 'callIn':
      if (sessionId === undefined) return state;
      return { ...state, call: offered(payload as CallInEvent, at) };
    case 'callOuted':
      if (sessionId === undefined) return state;
      return {
        ...state,
        wrapUp: null,
        call: {
          sessionId,
          direction: 'outbound',
          stage: 'dialing',
          peer: text(p.calleePhoneNumber) ?? text(p.protectedCallee) ?? 'unknown number',
          ...optional('remark', text(p.remark)),
          ivrPath: [],
          startedAt: at,
          muted: false,
          held: false,
        },
      };
    case 'userAccessed':
    case 'calloutAccepted':
      if (!current) return state;
      return { ...state, wrapUp: null, call: { ...current, stage: 'talking', talkingSince: at } };
    case 'transfer':
      if (!current) return state;
      return end(state, current, at, {
        transferred: true,
        transferredTo:
          current.transferTo ??
          text(p.userId) ??
          (text(p.skillGroupId) && `skill group ${p.skillGroupId}`),
      });
    case 'autoTransfer':
      if (!current) return state;
      return end(state, current, at, { autoTransfer: true });
    case 'sessionEnded':
      if (!current) return state;
      return end(state, current, at, {
        closeBy: p.closeBy as SessionCloser | undefined,
        reason: text(p.mainReason),
      });
    default:
      return state;
  }
}

function offered(event: CallInEvent, at: number): Call {
  const e = event as Partial<Record<string, unknown>> & CallInEvent;
  const peer =
    text(e.callerPhoneNumber) ??
    text(e.protectedCaller) ??
    text(e.nickname) ??
    text(e.peerUserId) ??
    text(e.userId) ??
    'unknown caller';
  const ivrPath = Array.isArray(e.ivrPath)
    ? (e.ivrPath as IvrPathItem[]).map((step) => step.label || step.key).filter(Boolean)
    : [];
  return {
    sessionId: event.sessionId,
    direction: 'inbound',
    stage: 'ringing',
    peer,
    ...optional('location', text(e.callerLocation)),
    ...optional('remark', text(e.remark)),
    ivrPath,
    ...optional('answerBy', event.timeout > 0 ? at + event.timeout * 1000 : undefined),
    startedAt: at,
    muted: false,
    held: false,
  };
}

function end(
  state: DeskState,
  call: Call,
  at: number,
  how: Parameters<typeof outcomeOf>[1],
): DeskState {
  const talkSeconds =
    call.talkingSince === undefined
      ? null
      : Math.max(0, Math.round((at - call.talkingSince) / 1000));
  return {
    ...state,
    call: null,
    wrapUp: {
      sessionId: call.sessionId,
      direction: call.direction,
      peer: call.peer,
      endedAt: at,
      talkSeconds,
      outcome: outcomeOf(call, how),
    },
  };
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
