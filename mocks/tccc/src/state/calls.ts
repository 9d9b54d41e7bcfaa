/**
 * Calls: every phone session the mock placed or offered since the last reset, live and ended.
 * The SDK runtime (src/sdk/runtime.ts) drives them; the control plane and the state export
 * show them through `viewOf`. A call names its seat and the SDK session that handles it by
 * id, so a record is plain data.
 *
 * Ended calls are kept up to `maxEndedCalls` (their CDRs are the lasting record); the oldest
 * ended ones go first, so a long load test does not grow memory.
 */
import type { CallState, CallStateResponse, CloseBy, WireAgentStatus } from '@tccc-kit/fake-sdk';

export type Direction = 'inbound' | 'outbound';

/** What happens when the mock clock reaches a call's deadline. */
export type Deadline =
  | { at: number; kind: 'autoTransfer' }
  | { at: number; kind: 'answer' }
  | { at: number; kind: 'end'; closeBy: CloseBy };

export interface CallRecord {
  /** TCCC's SessionId of the call. */
  readonly sessionId: string;
  readonly direction: Direction;
  readonly sdkAppId: number;
  readonly seatUserId: string;
  /** Id of the SDK session (state/sessions.ts) the call was offered to or placed from. */
  readonly sdkSessionId: string;
  readonly callerPhoneNumber: string;
  readonly calleePhoneNumber: string;
  /** Epoch ms by the mock clock. */
  readonly createdAt: number;
  /** Offer timeout in seconds as sent in `callIn` (inbound only; 0 = never). */
  readonly timeoutSeconds: number;
  /** Custom data given to `startOutboundCall({uui})`; goes into the CDR. */
  readonly uui?: string;
  readonly remark?: string;
  state: CallState;
  muted: boolean;
  held: boolean;
  talkStartedAt?: number;
  endedAt?: number;
  closeBy?: CloseBy | 'autoTransfer';
  deadline?: Deadline;
  /** The seat's status before the call made it busy; it returns to it when the call ends. */
  statusBeforeCall?: WireAgentStatus;
}

/** What the control plane and the state export show about a call. */
export interface CallView {
  sessionId: string;
  direction: Direction;
  sdkAppId: number;
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

export const MAX_ENDED_CALLS = 10_000;

export interface CallTable {
  add(call: CallRecord): CallRecord;
  get(sessionId: string): CallRecord | undefined;
  /** Every call held, oldest first. */
  list(): CallRecord[];
  /** Calls not ended, oldest first; of one SDK session when given. */
  active(sdkSessionId?: string): CallRecord[];
  /** Calls not ended that wait for a deadline. */
  withDeadlines(): CallRecord[];
  /** Mark a call ended (state, endedAt, closeBy) and let the oldest ended calls go. */
  markEnded(call: CallRecord, at: number, closeBy: CloseBy | 'autoTransfer'): void;
  readonly size: number;
  clear(): void;
}

export function createCallTable(maxEndedCalls = MAX_ENDED_CALLS): CallTable {
  const calls = new Map<string, CallRecord>();
  /** Ended calls in the order they ended. */
  const ended: string[] = [];
  let endedHead = 0;

  return {
    add(call) {
      calls.set(call.sessionId, call);
      return call;
    },
    get: (sessionId) => calls.get(sessionId),
    list: () => [...calls.values()],
    active: (sdkSessionId) =>
      [...calls.values()].filter(
        (call) =>
          call.state !== 'ended' &&
          (sdkSessionId === undefined || call.sdkSessionId === sdkSessionId),
      ),
    withDeadlines: () =>
      [...calls.values()].filter((call) => call.deadline && call.state !== 'ended'),
    markEnded(call, at, closeBy) {
      call.state = 'ended';
      call.endedAt = at;
      call.closeBy = closeBy;
      delete call.deadline;
      ended.push(call.sessionId);
      while (ended.length - endedHead > maxEndedCalls) {
        calls.delete(ended[endedHead] as string);
        endedHead += 1;
      }
      if (endedHead > 1024 && endedHead * 2 > ended.length) {
        ended.splice(0, endedHead);
        endedHead = 0;
      }
    },
    get size() {
      return calls.size;
    },
    clear() {
      calls.clear();
      ended.length = 0;
      endedHead = 0;
    },
  };
}

export function viewOf(call: CallRecord): CallView {
  return {
    sessionId: call.sessionId,
    direction: call.direction,
    sdkAppId: call.sdkAppId,
    seatUserId: call.seatUserId,
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

export function stateOf(call: CallRecord): CallStateResponse {
  return { sessionId: call.sessionId, state: call.state, muted: call.muted, held: call.held };
}

/** Seconds of conversation, by the mock clock (0 if the call never connected). */
export function durationSeconds(call: CallRecord, now: number): number {
  return call.talkStartedAt === undefined ? 0 : Math.max(0, now - call.talkStartedAt) / 1000;
}
