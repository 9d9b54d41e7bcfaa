/**
 * Outbound calls: the agent dials (`Call.startOutboundCall`), the customer's phone rings,
 * and the pretend customer answers, is busy, rejects, never answers... by the rules of
 * outcomes.ts on the mock clock, or when the control plane says so first
 * (`POST /__tccc/calls/:id/answer|reject|busy|fail`).
 */
import type { OutboundCallRequest, OutboundCallResponse } from '@tccc-kit/fake-sdk';
import { quote } from '../quote.js';
import type { CallRecord, CallView } from '../state/calls.js';
import { viewOf } from '../state/calls.js';
import type { SdkSession } from '../state/sessions.js';
import type { RuntimeCore } from './core.js';
import type { CalleeFailure } from './end-status.js';
import { SdkError } from './errors.js';
import { occupySeat } from './lifecycle.js';
import { defaultNumbers, outboundOutcome } from './outcomes.js';
import { DIAL_OUT_STATUSES, seatCalls, statusOf } from './seats.js';

function outboundGroup(core: RuntimeCore, sdkAppId: number, skillGroupId: string | undefined) {
  if (skillGroupId === undefined) return undefined;
  const id = Number(skillGroupId);
  if (!/^\d{1,15}$/.test(skillGroupId) || !core.store.skillGroups.get(sdkAppId, id)) {
    throw new SdkError(
      400,
      'BadRequest',
      `skillGroupId ${quote(skillGroupId)} is not a skill group of this app; leave it out or use one of its skill group ids.`,
    );
  }
  return id;
}

export function startOutbound(
  core: RuntimeCore,
  session: SdkSession,
  request: OutboundCallRequest,
): OutboundCallResponse {
  const { store } = core;
  const active = seatCalls(store, session)[0];
  if (active) {
    throw new SdkError(
      409,
      'SeatBusy',
      `A call is already in progress (sessionId ${active.sessionId}); hang it up before starting another.`,
    );
  }
  const status = statusOf(store, session);
  if (!DIAL_OUT_STATUSES.includes(status)) {
    throw new SdkError(
      409,
      'StatusNotAllowed',
      `The agent is "${status}" and cannot dial out; set the status to "free" or "notReady" first.`,
    );
  }
  const skillGroupId = outboundGroup(core, session.sdkAppId, request.skillGroupId);
  const now = core.now();
  const outcome = outboundOutcome(request.phoneNumber, core.settings);
  const call: CallRecord = {
    sessionId: core.newId(),
    direction: 'outbound',
    sdkAppId: session.sdkAppId,
    seatUserId: session.seatUserId,
    sdkSessionId: session.id,
    callerPhoneNumber: request.callerPhoneNumber ?? defaultNumbers.servingNumber,
    calleePhoneNumber: request.phoneNumber,
    createdAt: now,
    timeoutSeconds: 0,
    ...(request.uui === undefined ? {} : { uui: request.uui }),
    ...(request.phoneDesc === undefined ? {} : { remark: request.phoneDesc }),
    ivrPath: [],
    ...(skillGroupId === undefined ? {} : { skillGroupId }),
    queueWaitSeconds: 0,
    recordId: core.newId(),
    state: 'dialing',
    muted: false,
    held: false,
    digits: '',
    events: [],
    ringAt: now,
    deadline:
      outcome.kind === 'answer'
        ? { at: now + outcome.afterMs, kind: 'answer' }
        : { at: now + outcome.afterMs, kind: 'fail', ending: outcome.failure },
    legs: [
      {
        seatUserId: session.seatUserId,
        sdkSessionId: session.id,
        via: 'outbound',
        ...(skillGroupId === undefined ? {} : { skillGroupId }),
        startedAt: now,
        recordId: core.newId(),
        origin: core.ctx.options.sdkOrigin ?? session.origin,
      },
    ],
  };
  store.calls.add(call);
  occupySeat(core, call, call.legs[0] as (typeof call.legs)[0]);
  const answer: OutboundCallResponse = {
    sessionId: call.sessionId,
    calleePhoneNumber: call.calleePhoneNumber,
    callerPhoneNumber: call.callerPhoneNumber,
    serverType: 'staffSeat',
    ...(request.phoneDesc ? { remark: request.phoneDesc } : {}),
  };
  core.toCall(call, { name: 'callOuted', payload: { ...answer } });
  core.schedule();
  return answer;
}

/** The callee picks up: the conversation starts (`calloutAccepted`). */
export function calleeAnswers(core: RuntimeCore, call: CallRecord): void {
  const now = core.now();
  delete call.deadline;
  call.state = 'talking';
  call.talkStartedAt = now;
  const leg = call.legs[0];
  if (leg) leg.acceptedAt = now;
  core.toCall(call, { name: 'calloutAccepted', payload: { sessionId: call.sessionId } });
}

function ringingOutbound(core: RuntimeCore, sessionId: string, what: string): CallRecord {
  const call = core.store.calls.get(sessionId);
  if (!call) {
    throw new SdkError(404, 'CallNotFound', `No call with sessionId ${quote(sessionId)}.`);
  }
  if (call.direction !== 'outbound' || call.state !== 'dialing') {
    throw new SdkError(
      409,
      'CallStateConflict',
      `Call "${sessionId}" is ${call.direction} and ${call.state}; only an outbound call still ringing at the customer can be ${what}.`,
    );
  }
  return call;
}

/** The control plane makes the customer answer an outbound call now. */
export function answerByCustomer(core: RuntimeCore, sessionId: string): CallView {
  const call = ringingOutbound(core, sessionId, 'answered');
  calleeAnswers(core, call);
  return viewOf(call);
}

/** The control plane makes the customer's side end an outbound call attempt now. */
export function failByCustomer(
  core: RuntimeCore,
  sessionId: string,
  failure: CalleeFailure,
): CallView {
  const call = ringingOutbound(core, sessionId, 'refused');
  core.end(call, { kind: 'callee', failure });
  return viewOf(call);
}
