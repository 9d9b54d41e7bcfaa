/**
 * What the mock clock makes happen to calls and sessions (IVR over, queue give-up, offer
 * timeout, the callee's answer or failure, session grace, after-call work), and how a
 * customer or an administrator hanging up ends a call at each stage.
 */
import type { CallRecord } from '../state/calls.js';
import type { RuntimeCore } from './core.js';
import type { Ending } from './end-status.js';
import { calleeAnswers } from './outbound.js';
import { offerTimedOut, routeCall } from './routing.js';
import { sweepSessions } from './session-life.js';

/** Reasons an administrator may give when hanging up (HangUpCall). */
export interface AdminHangUp {
  mainReason?: string;
  subReason?: string;
}

/** Apply every deadline the mock clock has reached, then offer queued calls to free seats. */
export function applyDeadlines(core: RuntimeCore): void {
  const now = core.now();
  for (const call of core.store.calls.withDeadlines()) {
    const deadline = call.deadline;
    if (!deadline || deadline.at > now || call.state === 'ended') continue;
    delete call.deadline;
    switch (deadline.kind) {
      case 'route':
        routeCall(core, call);
        break;
      case 'queueGiveUp':
        core.end(call, { kind: 'waitingGiveUp' });
        break;
      case 'offerTimeout':
        offerTimedOut(core, call);
        break;
      case 'answer':
        calleeAnswers(core, call);
        break;
      case 'fail':
        core.end(call, { kind: 'callee', failure: deadline.ending });
        break;
    }
  }
  sweepSessions(core);
  core.dispatch();
}

/** The status of a caller giving up at the call's stage (not yet connected). */
function giveUpAt(call: CallRecord): 'ivrGiveUp' | 'waitingGiveUp' | 'ringingGiveUp' {
  if (call.state === 'ivr') return 'ivrGiveUp';
  if (call.state === 'queued') return 'waitingGiveUp';
  return 'ringingGiveUp';
}

/** The customer hangs up: ok once connected, else the stage's give-up (outbound: reject). */
export function customerEnding(call: CallRecord): Ending {
  if (call.talkStartedAt !== undefined) return { kind: 'talked', by: 'user' };
  if (call.direction === 'outbound') return { kind: 'callee', failure: 'userReject' };
  return { kind: giveUpAt(call) };
}

/** HangUpCall: ok once connected, else as the stage's give-up (outbound: callerCancel). */
export function adminEnding(call: CallRecord, reasons: AdminHangUp): Ending {
  const status =
    call.talkStartedAt !== undefined
      ? 'ok'
      : call.direction === 'outbound'
        ? 'callerCancel'
        : giveUpAt(call);
  return { kind: 'admin', status, ...reasons };
}
