/**
 * What an agent does to a call from the SDK: accept, hang up, mute, hold, send DTMF digits,
 * transfer it to another agent or skill group, and "complete" it after it ended.
 */
import type {
  CallAction,
  CallStateResponse,
  TransferRequest,
  WireAgentStatus,
} from '@tccc-kit/fake-sdk';
import { quote } from '../quote.js';
import {
  type CallEvent,
  type CallRecord,
  currentLeg,
  MAX_CALL_EVENTS,
  stateOf,
} from '../state/calls.js';
import type { SdkSession } from '../state/sessions.js';
import type { RuntimeCore } from './core.js';
import { SdkError } from './errors.js';
import { occupySeat, releaseSeat } from './lifecycle.js';
import { offerLeg, offerTimedOut, pickSeat } from './routing.js';
import { changeStatus, liveSessionOfSeat, statusOf, takesInbound } from './seats.js';

function conflict(call: CallRecord, action: string, needs: string): SdkError {
  return new SdkError(
    409,
    'CallStateConflict',
    `Cannot ${action} call "${call.sessionId}": it is ${call.state}, and ${action} needs ${needs}.`,
  );
}

/** The call in progress on this page with that sessionId, or a 404/409 SdkError. */
function callOfPage(core: RuntimeCore, session: SdkSession, sessionId: string): CallRecord {
  const call = core.store.calls.get(sessionId);
  if (!call || (call.sdkSessionId !== session.id && call.state !== 'ended')) {
    throw new SdkError(
      404,
      'CallNotFound',
      `No call with sessionId ${quote(sessionId)} on this seat.`,
    );
  }
  if (call.state === 'ended' || call.sdkSessionId !== session.id) {
    throw new SdkError(409, 'CallStateConflict', `Call "${sessionId}" has already ended.`);
  }
  return call;
}

/**
 * "Complete" a call after the agent's part in it is over (it ended, or they transferred it):
 * `sessionCompleted`, and the after-call work it started ends.
 */
function complete(core: RuntimeCore, session: SdkSession, sessionId: string): CallStateResponse {
  const call = core.store.calls.get(sessionId);
  const legs = call?.legs.filter((leg) => leg.seatUserId === session.seatUserId) ?? [];
  if (!call || legs.length === 0) {
    throw new SdkError(
      404,
      'CallNotFound',
      `No call with sessionId ${quote(sessionId)} on this seat.`,
    );
  }
  if (legs.some((leg) => leg.endedAt === undefined)) {
    throw conflict(call, 'complete', 'a call this agent is done with (ended or transferred)');
  }
  const open = legs.filter((leg) => leg.completedAt === undefined);
  if (open.length === 0) {
    throw new SdkError(409, 'CallStateConflict', `Call "${sessionId}" is already completed.`);
  }
  for (const leg of open) leg.completedAt = core.now();
  const work = session.afterCallWork;
  if (work?.sessionId === sessionId) changeStatus(core.store, session, work.returnTo);
  core.store.sessions.push(session, { name: 'sessionCompleted', payload: { sessionId } });
  core.dispatch();
  return stateOf(call);
}

export function act(
  core: RuntimeCore,
  session: SdkSession,
  sessionId: string,
  action: CallAction,
): CallStateResponse {
  if (action === 'complete') return complete(core, session, sessionId);
  const call = callOfPage(core, session, sessionId);
  switch (action) {
    case 'accept': {
      const leg = currentLeg(call);
      if (call.direction !== 'inbound' || call.state !== 'offered' || !leg) {
        throw conflict(call, action, 'an offered inbound call');
      }
      const now = core.now();
      call.state = 'talking';
      call.talkStartedAt ??= now;
      leg.acceptedAt = now;
      delete call.deadline;
      occupySeat(core, call, leg);
      core.toCall(call, { name: 'userAccessed', payload: { sessionId } });
      break;
    }
    case 'hangup':
      if (call.talkStartedAt !== undefined) core.end(call, { kind: 'talked', by: 'seat' });
      else if (call.direction === 'outbound') core.end(call, { kind: 'callerCancel' });
      // Hanging up an offer rejects it: it moves on as if it had timed out [unconfirmed].
      else offerTimedOut(core, call);
      break;
    case 'mute':
    case 'unmute':
      if (call.state === 'offered') throw conflict(call, action, 'a call in progress');
      if (call.muted !== (action === 'mute')) {
        noteEvent(core, call, session, action === 'mute' ? 'StaffMute' : 'StaffUnmute');
      }
      call.muted = action === 'mute';
      break;
    case 'hold':
    case 'unhold':
      if (call.state !== 'talking') throw conflict(call, action, 'a connected call');
      if (call.held !== (action === 'hold')) {
        noteEvent(core, call, session, action === 'hold' ? 'StaffHold' : 'StaffUnhold');
      }
      call.held = action === 'hold';
      break;
  }
  return stateOf(call);
}

/** A hold or mute for DescribeSessionDetail's Events (only changes; bounded per call). */
function noteEvent(
  core: RuntimeCore,
  call: CallRecord,
  session: SdkSession,
  type: CallEvent['type'],
): void {
  if (call.events.length >= MAX_CALL_EVENTS) return;
  call.events.push({ at: core.now(), type, seatUserId: session.seatUserId });
}

export function sendDigits(
  core: RuntimeCore,
  session: SdkSession,
  sessionId: string,
  dtmfText: string,
): CallStateResponse {
  const call = callOfPage(core, session, sessionId);
  if (call.state !== 'talking') throw conflict(call, 'send digits on', 'a connected call');
  call.digits += dtmfText;
  return stateOf(call);
}

/** The agent to transfer to: named, or the free member of the group free the longest. */
function transferTarget(
  core: RuntimeCore,
  session: SdkSession,
  call: CallRecord,
  skillGroupId: number | undefined,
  userId: string | undefined,
): SdkSession {
  const { store } = core;
  if (userId === undefined) {
    const target = pickSeat(
      core,
      { sdkAppId: call.sdkAppId, skillGroupId },
      new Set([session.seatUserId]),
    );
    if (!target) {
      throw new SdkError(
        409,
        'TransferTargetUnavailable',
        `No agent of skill group ${skillGroupId} is free to take the call; try again later or transfer to another group.`,
      );
    }
    return target;
  }
  const seat = { sdkAppId: call.sdkAppId, seatUserId: userId };
  const member = store.staff.get(call.sdkAppId, userId);
  if (!member) {
    throw new SdkError(400, 'BadRequest', `userId ${quote(userId)} is not an agent of this app.`);
  }
  if (userId === session.seatUserId) {
    throw new SdkError(400, 'BadRequest', 'A call cannot be transferred to the agent who has it.');
  }
  if (
    skillGroupId !== undefined &&
    !member.skillGroups.some((group) => group.skillGroupId === skillGroupId)
  ) {
    throw new SdkError(
      400,
      'BadRequest',
      `Agent ${quote(userId)} is not a member of skill group ${skillGroupId}.`,
    );
  }
  const target = liveSessionOfSeat(store, seat);
  if (!target || !takesInbound(store, seat)) {
    const status: WireAgentStatus | 'offline' = statusOf(store, seat);
    throw new SdkError(
      409,
      'TransferTargetUnavailable',
      `Agent ${quote(userId)} cannot take the call now (status "${status}"${target ? '' : ', SDK not connected'}); they must be "free" with the SDK loaded.`,
    );
  }
  return target;
}

/**
 * A blind transfer: the agent's leg ends, the call rings at the target agent (`callIn`, a new
 * leg), and this page hears `transfer` [unconfirmed: the docs say only "a transfer
 * completed"]. The customer stays on the line; the new agent accepts as usual.
 */
export function transfer(
  core: RuntimeCore,
  session: SdkSession,
  sessionId: string,
  request: TransferRequest,
): CallStateResponse {
  const call = callOfPage(core, session, sessionId);
  if (call.state !== 'talking') throw conflict(call, 'transfer', 'a connected call');
  if (request.skillGroupId === undefined && request.userId === undefined) {
    throw new SdkError(
      400,
      'BadRequest',
      'Call.transfer needs { userId } (an agent), { skillGroupId } (a group), or both.',
    );
  }
  let skillGroupId: number | undefined;
  if (request.skillGroupId !== undefined) {
    skillGroupId = Number(request.skillGroupId);
    if (
      !/^\d{1,15}$/.test(request.skillGroupId) ||
      !core.store.skillGroups.get(call.sdkAppId, skillGroupId)
    ) {
      throw new SdkError(
        400,
        'BadRequest',
        `skillGroupId ${quote(request.skillGroupId)} is not a skill group of this app.`,
      );
    }
  }
  const target = transferTarget(core, session, call, skillGroupId, request.userId);
  const leg = currentLeg(call);
  if (!leg) throw conflict(call, 'transfer', 'an agent on the call');
  leg.endedAt = core.now();
  leg.endStatusString = 'ok';
  leg.transferTo = target.seatUserId;
  core.toCall(call, {
    name: 'transfer',
    payload: {
      sessionId,
      ...(request.skillGroupId === undefined ? {} : { skillGroupId: request.skillGroupId }),
      ...(request.userId === undefined ? {} : { userId: request.userId }),
    },
  });
  offerLeg(core, call, target, 'transfer', { skillGroupId, transferFrom: leg.seatUserId });
  releaseSeat(core, call, leg);
  core.dispatch();
  return stateOf(call);
}
