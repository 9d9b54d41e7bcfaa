/**
 * Calls: every phone session the mock placed or offered since the last reset, live and ended.
 * The SDK runtime (src/sdk/) drives them; the control plane, the state export and the cloud
 * API read them through `viewOf`. A call names its seats and SDK sessions by id, so a record
 * is plain data.
 *
 * A call is one customer session (one SessionId, one CDR). Each agent it reaches is a LEG:
 * the first offer, an automatic transfer after an offer timed out, a transfer by an agent.
 * `seatUserId` / `sdkSessionId` name the current leg's agent and page.
 *
 * Ended calls are kept up to `maxEndedCalls` (their CDRs are the lasting record); the oldest
 * ended ones go first, so a long load test does not grow memory.
 */
import type {
  CallState,
  CallStateResponse,
  CloseBy,
  IvrStep,
  WireAgentStatus,
} from '@tccc-kit/fake-sdk';

export type Direction = 'inbound' | 'outbound';

/** What happens when the mock clock reaches a call's deadline. */
export type Deadline =
  /** The IVR is done: route the call to an agent (or the queue). */
  | { at: number; kind: 'route' }
  /** The customer in the queue gives up (EndStatus waitingGiveUp). */
  | { at: number; kind: 'queueGiveUp' }
  /** The offer to the current agent timed out: move it to another agent, or end it. */
  | { at: number; kind: 'offerTimeout' }
  /** The outbound callee answers. */
  | { at: number; kind: 'answer' }
  /** The outbound callee's side ends the attempt (busy, no answer, ...). */
  | { at: number; kind: 'fail'; ending: 'busy' | 'notAnswer' | 'userReject' };

/** How a call reached a leg. */
export type LegVia = 'route' | 'autoTransfer' | 'transfer' | 'outbound';

/** One agent's part of a call (a ServeParticipant of the CDR). */
export interface CallLeg {
  readonly seatUserId: string;
  /** The SDK session (page) that has the leg; it moves to a newer page on takeover. */
  sdkSessionId: string;
  readonly via: LegVia;
  /** The skill group the leg was reached through (queue, transfer target), if any. */
  readonly skillGroupId?: number;
  /** The previous leg's agent, for a transfer or an automatic transfer. */
  readonly transferFrom?: string;
  /** The next leg's agent, once the call moved on. */
  transferTo?: string;
  /** Epoch ms by the mock clock: offered (inbound) or dialled (outbound). */
  readonly startedAt: number;
  acceptedAt?: number;
  endedAt?: number;
  /** EndStatusString of this leg (`ok` when the agent talked, else why it ended). */
  endStatusString?: string;
  /** The leg's recording, when the agent talked. */
  readonly recordId: string;
  /** Origin of the mock as the agent's page reached it; recording URLs are built on it. */
  readonly origin: string;
  /** The seat's status before the leg made it busy; it returns to it afterwards. */
  statusBefore?: WireAgentStatus;
  /** When the agent pressed "complete" after the leg ended (`sessionCompleted`). */
  completedAt?: number;
}

/** How a call ended, in TCCC's CDR terms (src/sdk/end-status.ts). */
export interface CallEnding {
  readonly endStatus: number;
  readonly endStatusString: string;
  readonly hungUpSide: 'user' | 'seat' | 'system';
  readonly closeBy: CloseBy;
  readonly mainReason?: string;
  readonly subReason?: string;
}

/** Something an agent did during a call that DescribeSessionDetail lists in `Events`. */
export interface CallEvent {
  /** Epoch ms by the mock clock. */
  readonly at: number;
  readonly type: 'StaffHold' | 'StaffUnhold' | 'StaffMute' | 'StaffUnmute';
  readonly seatUserId: string;
}

/** Events kept per call; later ones are not recorded (a call is not a log). */
export const MAX_CALL_EVENTS = 200;

export interface CallRecord {
  /** TCCC's SessionId of the call. */
  readonly sessionId: string;
  readonly direction: Direction;
  readonly sdkAppId: number;
  /** The current leg's agent (the last one, once ended); '' while no agent has it yet. */
  seatUserId: string;
  /** The current leg's SDK session; '' while no agent has it yet. */
  sdkSessionId: string;
  readonly callerPhoneNumber: string;
  readonly calleePhoneNumber: string;
  /** Epoch ms by the mock clock: the call reached TCCC (inbound) or was dialled (outbound). */
  readonly createdAt: number;
  /** Offer timeout in seconds as sent in `callIn` (inbound only; 0 = never). */
  readonly timeoutSeconds: number;
  /** Custom data given to `startOutboundCall({uui})`; goes into the CDR. */
  readonly uui?: string;
  readonly remark?: string;
  readonly callerLocation?: string;
  /** The IVR menu steps the caller went through before queueing (inbound). */
  readonly ivrPath: readonly IvrStep[];
  /** The skill group whose queue the call waits in (inbound), or the outbound call's group. */
  readonly skillGroupId?: number;
  /** The agent an inbound call must reach (a direct offer), if the control plane named one. */
  readonly targetSeatUserId?: string;
  /** How long the customer waits in the queue before hanging up, in seconds. */
  readonly queueWaitSeconds: number;
  /** The call's own (mixed) recording, when anybody talked. */
  readonly recordId: string;
  state: CallState;
  muted: boolean;
  held: boolean;
  /** DTMF digits the agents sent on the call, in order. */
  digits: string;
  /** Holds and mutes, in order (at most MAX_CALL_EVENTS). */
  readonly events: CallEvent[];
  /** Inbound: left the IVR, joined the queue. */
  queuedAt?: number;
  /** Outbound: the customer's phone started ringing. */
  ringAt?: number;
  /** When the conversation started (first accept, or the callee answering). */
  talkStartedAt?: number;
  endedAt?: number;
  ending?: CallEnding;
  deadline?: Deadline;
  readonly legs: CallLeg[];
}

/** What the control plane and the state export show about a call. */
export interface CallView {
  sessionId: string;
  direction: Direction;
  sdkAppId: number;
  /** The current (or last) leg's agent; '' while the call is in the IVR or queue. */
  seatUserId: string;
  state: CallState;
  callerPhoneNumber: string;
  calleePhoneNumber: string;
  muted: boolean;
  held: boolean;
  /** DTMF digits the agents sent. */
  digits: string;
  createdAt: string;
  skillGroupId?: number;
  ivrPath: IvrStep[];
  uui?: string;
  remark?: string;
  callerLocation?: string;
  legs: {
    seatUserId: string;
    via: LegVia;
    skillGroupId?: number;
    startedAt: string;
    acceptedAt?: string;
    endedAt?: string;
    endStatusString?: string;
  }[];
  endedAt?: string;
  closeBy?: CloseBy;
  endStatus?: number;
  endStatusString?: string;
  hungUpSide?: 'user' | 'seat' | 'system';
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
  /** Mark a call ended (state, endedAt, ending) and let the oldest ended calls go. */
  markEnded(call: CallRecord, at: number, ending: CallEnding): void;
  readonly size: number;
  clear(): void;
}

export function createCallTable(maxEndedCalls = MAX_ENDED_CALLS): CallTable {
  const calls = new Map<string, CallRecord>();
  /** Calls not ended yet, so active() costs O(live calls), not O(every call held). */
  const live = new Map<string, CallRecord>();
  /** Ended calls in the order they ended. */
  const ended: string[] = [];
  let endedHead = 0;

  return {
    add(call) {
      calls.set(call.sessionId, call);
      if (call.state !== 'ended') live.set(call.sessionId, call);
      return call;
    },
    get: (sessionId) => calls.get(sessionId),
    list: () => [...calls.values()],
    active: (sdkSessionId) =>
      [...live.values()].filter(
        (call) => sdkSessionId === undefined || call.sdkSessionId === sdkSessionId,
      ),
    withDeadlines: () => [...live.values()].filter((call) => call.deadline !== undefined),
    markEnded(call, at, ending) {
      call.state = 'ended';
      call.endedAt = at;
      call.ending = ending;
      delete call.deadline;
      live.delete(call.sessionId);
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
      live.clear();
      ended.length = 0;
      endedHead = 0;
    },
  };
}

const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());

/** Copy `value` under `key` only when it is defined (exactOptionalPropertyTypes-friendly). */
function some<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
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
    digits: call.digits,
    createdAt: new Date(call.createdAt).toISOString(),
    ...some('skillGroupId', call.skillGroupId),
    ivrPath: call.ivrPath.map((step) => ({ ...step })),
    ...some('uui', call.uui),
    ...some('remark', call.remark),
    ...some('callerLocation', call.callerLocation),
    legs: call.legs.map((leg) => ({
      seatUserId: leg.seatUserId,
      via: leg.via,
      ...some('skillGroupId', leg.skillGroupId),
      startedAt: new Date(leg.startedAt).toISOString(),
      ...some('acceptedAt', iso(leg.acceptedAt)),
      ...some('endedAt', iso(leg.endedAt)),
      ...some('endStatusString', leg.endStatusString),
    })),
    ...some('endedAt', iso(call.endedAt)),
    ...some('closeBy', call.ending?.closeBy),
    ...some('endStatus', call.ending?.endStatus),
    ...some('endStatusString', call.ending?.endStatusString),
    ...some('hungUpSide', call.ending?.hungUpSide),
  };
}

export function stateOf(call: CallRecord): CallStateResponse {
  return { sessionId: call.sessionId, state: call.state, muted: call.muted, held: call.held };
}

/** The leg the call is on now (the last one). */
export function currentLeg(call: CallRecord): CallLeg | undefined {
  return call.legs[call.legs.length - 1];
}

/** Seconds of conversation, by the mock clock (0 if the call never connected). */
export function durationSeconds(call: CallRecord, now: number): number {
  return call.talkStartedAt === undefined ? 0 : Math.max(0, now - call.talkStartedAt) / 1000;
}
