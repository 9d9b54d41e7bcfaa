/**
 * Inbound calls, from the customer dialling in to an agent's phone ringing:
 *
 *   control plane --> IVR (ivrSeconds of mock time, ivrPath) --> queue of a skill group
 *     --> offered to the free agent who has been free longest (callIn)
 *     --> the offer times out: to the next free agent (autoTransfer), or ends (seatGiveUp)
 *   nobody of the queue online (offline or rest): ends at once (noSeatOnline)
 *   nobody free: waits in the queue until an agent is free, or gives up (waitingGiveUp)
 *
 * A call offered to a named seat (`seatUserId`) targets that seat only. Transfers (an agent
 * moving a call to another) reuse `offerLeg` with via `transfer` (call-actions.ts).
 */
import type { IvrStep } from '@tccc-kit/fake-sdk';
import { quote } from '../quote.js';
import { type CallRecord, type CallView, currentLeg, type LegVia, viewOf } from '../state/calls.js';
import type { SdkSession } from '../state/sessions.js';
import type { RuntimeCore } from './core.js';
import { SdkError } from './errors.js';
import { defaultNumbers } from './outcomes.js';
import { isOnline, liveSessionOf, type SeatRef, statusOf, takesInbound } from './seats.js';

export interface InboundCallRequest {
  /** Offer the call to this agent only (it must be free, with the SDK loaded). */
  seatUserId?: string;
  /** Queue the call in this skill group: offered to its free members. */
  skillGroupId?: number;
  /** The app of the skill group; the first app by default (a seat names its own app). */
  sdkAppId?: number;
  callerPhoneNumber?: string;
  calleePhoneNumber?: string;
  /** `callIn.callerLocation` and the CDR's CallerLocation, e.g. "广东深圳". */
  callerLocation?: string;
  remark?: string;
  /** The IVR menu steps the caller took (`callIn.ivrPath`, the CDR's IVRKeyPressed). */
  ivrPath?: IvrStep[];
  /** Seconds of mock time the caller spends in the IVR before the call queues. Default 0. */
  ivrSeconds?: number;
  /** Seconds before an offer times out and moves on; 0 = never. Default: sdk settings. */
  timeoutSeconds?: number;
  /** Seconds the caller waits in the queue before giving up. Default: sdk settings. */
  queueWaitSeconds?: number;
}

/** Who a call may reach: one named seat, the members of a skill group, or the whole app. */
export interface CallTarget {
  readonly sdkAppId: number;
  readonly seatUserId?: string | undefined;
  readonly skillGroupId?: number | undefined;
}

const targetOf = (call: CallRecord): CallTarget => ({
  sdkAppId: call.sdkAppId,
  seatUserId: call.targetSeatUserId,
  skillGroupId: call.skillGroupId,
});

function targetSeats(core: RuntimeCore, target: CallTarget): SeatRef[] {
  const { sdkAppId } = target;
  if (target.seatUserId !== undefined) return [{ sdkAppId, seatUserId: target.seatUserId }];
  const members =
    target.skillGroupId === undefined
      ? core.store.staff.list(sdkAppId)
      : core.store.staff.inSkillGroup(sdkAppId, target.skillGroupId);
  return members.map((member) => ({ sdkAppId, seatUserId: member.mail }));
}

/**
 * The free seat to offer a call to, skipping `exclude`: the one free the longest (its
 * status unchanged the longest), then the one listed first. Deterministic.
 */
export function pickSeat(
  core: RuntimeCore,
  target: CallTarget,
  exclude: ReadonlySet<string>,
): SdkSession | undefined {
  let best: { session: SdkSession; since: number } | undefined;
  for (const seat of targetSeats(core, target)) {
    if (exclude.has(seat.seatUserId) || !takesInbound(core.store, seat)) continue;
    const since = core.store.staff.get(seat.sdkAppId, seat.seatUserId)?.statusSince ?? 0;
    const session = core.store.sessions.ofSeat(seat.sdkAppId, seat.seatUserId).at(-1);
    if (session && (!best || since < best.since)) best = { session, since };
  }
  return best?.session;
}

/** Start a new leg: the call rings at the session's agent (`callIn`). */
export function offerLeg(
  core: RuntimeCore,
  call: CallRecord,
  session: SdkSession,
  via: LegVia,
  options: { skillGroupId?: number | undefined; transferFrom?: string | undefined } = {},
): void {
  const now = core.now();
  call.legs.push({
    seatUserId: session.seatUserId,
    sdkSessionId: session.id,
    via,
    ...(options.skillGroupId === undefined ? {} : { skillGroupId: options.skillGroupId }),
    ...(options.transferFrom === undefined ? {} : { transferFrom: options.transferFrom }),
    startedAt: now,
    recordId: core.newId(),
    origin: core.ctx.options.sdkOrigin ?? session.origin,
  });
  call.seatUserId = session.seatUserId;
  call.sdkSessionId = session.id;
  call.state = 'offered';
  call.muted = false;
  call.held = false;
  if (call.timeoutSeconds > 0) {
    call.deadline = { at: now + call.timeoutSeconds * 1000, kind: 'offerTimeout' };
  } else {
    delete call.deadline;
  }
  core.toCall(call, {
    name: 'callIn',
    payload: {
      sessionId: call.sessionId,
      type: 'phone',
      timeout: call.timeoutSeconds,
      calleePhoneNumber: call.calleePhoneNumber,
      callerPhoneNumber: call.callerPhoneNumber,
      ...(call.callerLocation ? { callerLocation: call.callerLocation } : {}),
      ...(call.remark ? { remark: call.remark } : {}),
      ...(call.ivrPath.length > 0 ? { ivrPath: call.ivrPath.map((step) => ({ ...step })) } : {}),
      serverType: 'staffSeat',
    },
  });
  core.schedule();
}

/** The IVR is over: offer the call, queue it, or end it when nobody of its queue is online. */
export function routeCall(core: RuntimeCore, call: CallRecord): void {
  call.queuedAt = core.now();
  call.state = 'queued';
  delete call.deadline;
  if (!targetSeats(core, targetOf(call)).some((seat) => isOnline(core.store, seat))) {
    core.end(call, { kind: 'noSeatOnline' });
    return;
  }
  const session = pickSeat(core, targetOf(call), new Set());
  if (session) {
    offerLeg(core, call, session, 'route', { skillGroupId: call.skillGroupId });
  } else {
    call.deadline = { at: core.now() + call.queueWaitSeconds * 1000, kind: 'queueGiveUp' };
    core.schedule();
  }
}

/** Offer every queued call, oldest first, to a seat that is free now. */
export function dispatchQueued(core: RuntimeCore): void {
  const queued = core.store.calls
    .active()
    .filter((call) => call.state === 'queued')
    .sort((a, b) => (a.queuedAt ?? 0) - (b.queuedAt ?? 0));
  for (const call of queued) {
    const session = pickSeat(core, targetOf(call), new Set());
    if (session) offerLeg(core, call, session, 'route', { skillGroupId: call.skillGroupId });
  }
}

/**
 * The offer rang out (or the agent hung it up): the leg ends `seatGiveUp` (17); the call moves
 * to another free agent of its queue who has not had it yet (the old page hears
 * `autoTransfer`), or, with nobody free, ends (`sessionEnded closeBy 'timer'`) [unconfirmed].
 */
export function offerTimedOut(core: RuntimeCore, call: CallRecord): void {
  const leg = currentLeg(call);
  if (!leg) return;
  leg.endStatusString = 'seatGiveUp';
  const tried = new Set(call.legs.map((each) => each.seatUserId));
  // A transferred call looks for the next agent in the group it was transferred to; one
  // transferred to a named agent has nobody else to go to.
  const target: CallTarget | undefined =
    leg.via !== 'transfer'
      ? targetOf(call)
      : leg.skillGroupId === undefined
        ? undefined
        : { sdkAppId: call.sdkAppId, skillGroupId: leg.skillGroupId };
  const next = target && pickSeat(core, target, tried);
  if (!next) {
    core.end(call, { kind: 'seatGiveUp' });
    return;
  }
  leg.endedAt = core.now();
  leg.transferTo = next.seatUserId;
  core.toCall(call, { name: 'autoTransfer', payload: { sessionId: call.sessionId } });
  offerLeg(core, call, next, 'autoTransfer', {
    skillGroupId: leg.skillGroupId ?? call.skillGroupId,
    transferFrom: leg.seatUserId,
  });
}

/** The control plane's inbound call (POST /__tccc/calls/inbound). */
export function offerInbound(
  core: RuntimeCore,
  request: InboundCallRequest,
): { sessionId: string; call: CallView } {
  const { store } = core;
  let sdkAppId = request.sdkAppId ?? store.apps.first()?.sdkAppId ?? 0;
  if (request.seatUserId !== undefined) {
    const session = liveSessionOf(store, request.seatUserId);
    if (!session) {
      throw new SdkError(
        409,
        'SeatBusy',
        `Seat ${quote(request.seatUserId)} has no live SDK session; load the SDK for that seat and wait for "ready" first.`,
      );
    }
    sdkAppId = session.sdkAppId;
    if (!takesInbound(store, session)) {
      throw new SdkError(
        409,
        'SeatBusy',
        `Seat ${quote(request.seatUserId)} is "${statusOf(store, session)}" and cannot be offered a call; it must be "free" with no call in progress.`,
      );
    }
  } else if (request.skillGroupId === undefined) {
    throw new SdkError(
      400,
      'BadRequest',
      'Name who the call is for: seatUserId (one agent) or skillGroupId (a queue).',
    );
  }
  if (!store.apps.get(sdkAppId)) {
    throw new SdkError(404, 'BadRequest', `The mock has no app ${sdkAppId}.`);
  }
  if (request.skillGroupId !== undefined) {
    if (!store.skillGroups.get(sdkAppId, request.skillGroupId)) {
      throw new SdkError(
        404,
        'BadRequest',
        `App ${sdkAppId} has no skill group ${request.skillGroupId}; seed it (skillGroups) first.`,
      );
    }
    const member = request.seatUserId;
    if (
      member !== undefined &&
      !store.staff
        .get(sdkAppId, member)
        ?.skillGroups.some((group) => group.skillGroupId === request.skillGroupId)
    ) {
      throw new SdkError(
        400,
        'BadRequest',
        `Seat ${quote(member)} is not a member of skill group ${request.skillGroupId}.`,
      );
    }
  }
  const now = core.now();
  const ivrSeconds = request.ivrSeconds ?? 0;
  const call: CallRecord = {
    sessionId: core.newId(),
    direction: 'inbound',
    sdkAppId,
    seatUserId: '',
    sdkSessionId: '',
    callerPhoneNumber: request.callerPhoneNumber ?? defaultNumbers.inboundCaller,
    calleePhoneNumber: request.calleePhoneNumber ?? defaultNumbers.servingNumber,
    createdAt: now,
    timeoutSeconds: request.timeoutSeconds ?? core.settings.offerTimeoutSeconds,
    ...(request.remark === undefined ? {} : { remark: request.remark }),
    ...(request.callerLocation === undefined ? {} : { callerLocation: request.callerLocation }),
    ivrPath: (request.ivrPath ?? []).map((step) => ({ key: step.key, label: step.label })),
    ...(request.skillGroupId === undefined ? {} : { skillGroupId: request.skillGroupId }),
    ...(request.seatUserId === undefined ? {} : { targetSeatUserId: request.seatUserId }),
    queueWaitSeconds: request.queueWaitSeconds ?? core.settings.queueWaitSeconds,
    recordId: core.newId(),
    state: 'ivr',
    muted: false,
    held: false,
    digits: '',
    events: [],
    legs: [],
  };
  store.calls.add(call);
  if (ivrSeconds > 0) {
    call.deadline = { at: now + ivrSeconds * 1000, kind: 'route' };
    core.schedule();
  } else {
    routeCall(core, call);
  }
  return { sessionId: call.sessionId, call: viewOf(call) };
}
