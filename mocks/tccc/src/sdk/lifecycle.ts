/**
 * How a call's legs and the call itself end: the seat that had a leg gets its status back
 * (or goes into after-call work), and an ended call gets its one CDR, inserted into the
 * store BEFORE the page hears `sessionEnded`, so a test that waits for the event finds the
 * record (DescribeTelCdr); the Data Push sender hears of the record at once (it only queues:
 * the receiver never holds up a call).
 */
import { type CallLeg, type CallRecord, currentLeg, durationSeconds } from '../state/calls.js';
import { buildCdr } from './cdr.js';
import type { RuntimeCore } from './core.js';
import { type Ending, resolveEnding } from './end-status.js';
import { changeStatus, type SeatRef, seatCalls, statusOf } from './seats.js';

/** The seat of a leg goes busy for it; the status it had comes back when the leg ends. */
export function occupySeat(core: RuntimeCore, call: CallRecord, leg: CallLeg): void {
  const seat: SeatRef = { sdkAppId: call.sdkAppId, seatUserId: leg.seatUserId };
  const status = statusOf(core.store, seat);
  if (status === 'busy' || status === 'offline') return;
  // After-call work is a passing state: a call made from it returns to free.
  leg.statusBefore = status === 'arrange' ? 'free' : status;
  changeStatus(core.store, seat, 'busy');
}

/**
 * The leg is over for its seat (the call ended or moved to another agent): the seat gets its
 * status back, through after-call work when the agent talked and the settings ask for it.
 * Call this after the call itself has moved on (ended, or on its next leg).
 */
export function releaseSeat(core: RuntimeCore, call: CallRecord, leg: CallLeg): void {
  const before = leg.statusBefore;
  if (before === undefined) return;
  delete leg.statusBefore;
  const seat: SeatRef = { sdkAppId: call.sdkAppId, seatUserId: leg.seatUserId };
  if (statusOf(core.store, seat) !== 'busy' || seatCalls(core.store, seat).length > 0) return;
  const workSeconds = core.settings.afterCallWorkSeconds;
  if (workSeconds > 0 && leg.acceptedAt !== undefined) {
    changeStatus(core.store, seat, 'arrange');
    for (const session of core.store.sessions.ofSeat(seat.sdkAppId, seat.seatUserId)) {
      session.afterCallWork = {
        until: core.now() + workSeconds * 1000,
        returnTo: before,
        sessionId: call.sessionId,
      };
    }
    core.schedule();
  } else {
    changeStatus(core.store, seat, before);
  }
}

/** The EndStatusString of the call's last leg, given how the call ended. */
function lastLegStatus(leg: CallLeg, endStatusString: string): string {
  // A leg still ringing when a call that had been connected ends: the caller left meanwhile.
  if (leg.acceptedAt === undefined && endStatusString === 'ok') return 'ringingGiveUp';
  return endStatusString;
}

/** End a call once; see RuntimeCore.end. */
export function endCall(core: RuntimeCore, call: CallRecord, end: Ending): void {
  if (call.state === 'ended') return;
  const now = core.now();
  const ending = resolveEnding(end);
  const duration = durationSeconds(call, now);
  const leg = currentLeg(call);
  core.store.calls.markEnded(call, now, ending);
  if (leg) {
    leg.endedAt ??= now;
    leg.endStatusString ??= lastLegStatus(leg, ending.endStatusString);
  }
  const stored = core.store.cdrs.insert(call.sdkAppId, buildCdr(core.store, call));
  if (stored.ok) core.ctx.push.cdrStored(call.sdkAppId, stored.record);
  if (leg) {
    core.toCall(call, {
      name: 'sessionEnded',
      payload: {
        sessionId: call.sessionId,
        closeBy: ending.closeBy,
        ...(ending.mainReason === undefined ? {} : { mainReason: ending.mainReason }),
        ...(ending.subReason === undefined ? {} : { subReason: ending.subReason }),
        type: 'phone',
        duration,
      },
    });
    releaseSeat(core, call, leg);
  }
  core.dispatch();
}
