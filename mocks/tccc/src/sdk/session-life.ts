/**
 * An SDK session's life, the way a real seat's goes:
 *
 * - login (a token) makes a session; a newer login of the same seat TAKES OVER: the older
 *   page hears `loggedOut {reason:'takenOver'}`, its stream closes, its credential stops
 *   working, and its calls in progress move to the new page [unconfirmed].
 * - an explicit logout (`Agent.offline()`, or the page unloading with a keepalive request)
 *   ends the session at once: `loggedOut {reason:'offline'}`.
 * - a lost event stream (the page went away, the network dropped) starts a grace period of
 *   `sdk.sessionGraceSeconds` of mock time; the page reconnecting ends it, otherwise the
 *   host ends the session: `expired` [unconfirmed].
 *
 * When a seat's last session ends, the seat goes `offline`; its calls end (a connected call
 * with the agent gone: clientError 211 on expiry, ok on an explicit logout), and an offer
 * ringing there moves on.
 */
import type { CallSnapshot, SessionEndReason } from '@tccc-kit/fake-sdk';
import { type CallRecord, currentLeg } from '../state/calls.js';
import type { EventSink, SdkSession } from '../state/sessions.js';
import type { RuntimeCore } from './core.js';
import { offerTimedOut } from './routing.js';
import { changeStatus, seatCalls } from './seats.js';
import { loginWithToken } from './tokens.js';

export function login(core: RuntimeCore, token: string | undefined, origin: string): SdkSession {
  const { store } = core;
  const grant = loginWithToken(core.ctx, token);
  const older = store.sessions.ofSeat(grant.sdkAppId, grant.seatUserId);
  const session = store.sessions.create({
    id: core.newId(),
    seatUserId: grant.seatUserId,
    sdkAppId: grant.sdkAppId,
    now: core.now(),
    origin,
  });
  for (const old of older) {
    for (const call of store.calls.active(old.id)) moveCall(call, old, session);
    store.sessions.end(old, 'takenOver', { name: 'loggedOut', payload: { reason: 'takenOver' } });
  }
  // A login brings the seat online as free ([unconfirmed]), also after an earlier page's
  // Agent.offline() or a break; a seat with a call in progress stays busy.
  if (seatCalls(store, session).length === 0) changeStatus(store, session, 'free');
  core.dispatch();
  return session;
}

function moveCall(call: CallRecord, from: SdkSession, to: SdkSession): void {
  call.sdkSessionId = to.id;
  for (const leg of call.legs) if (leg.sdkSessionId === from.id) leg.sdkSessionId = to.id;
}

/** End a session and everything on it; the seat goes offline when it was its last one. */
export function endSession(core: RuntimeCore, session: SdkSession, reason: SessionEndReason): void {
  const { store } = core;
  if (store.sessions.get(session.id) !== session) return;
  for (const call of store.calls.active(session.id)) {
    if (call.state === 'offered') offerTimedOut(core, call);
    else if (call.talkStartedAt !== undefined) {
      core.end(
        call,
        reason === 'expired' ? { kind: 'clientError' } : { kind: 'talked', by: 'seat' },
      );
    } else if (call.direction === 'outbound') {
      core.end(call, reason === 'expired' ? { kind: 'clientError' } : { kind: 'callerCancel' });
    }
  }
  store.sessions.end(session, reason, { name: 'loggedOut', payload: { reason } });
  if (store.sessions.ofSeat(session.sdkAppId, session.seatUserId).length === 0) {
    store.staff.setStatus(session.sdkAppId, session.seatUserId, 'offline');
  }
  core.dispatch();
}

/** A page opened an event stream: the session is connected (again). */
export function streamOpened(core: RuntimeCore, session: SdkSession, sink: EventSink): void {
  session.sinks.add(sink);
  delete session.lostAt;
  core.dispatch();
}

/** A stream closed; with none left the session is lost and its grace period starts. */
export function streamClosed(core: RuntimeCore, session: SdkSession, sink: EventSink): void {
  session.sinks.delete(sink);
  if (core.store.sessions.get(session.id) !== session || session.sinks.size > 0) return;
  session.lostAt = core.now();
  core.schedule();
}

/** Close every stream of the seat's sessions (or of all), as a dropped network would. */
export function dropStreams(core: RuntimeCore, seatUserId?: string): number {
  let dropped = 0;
  for (const session of core.store.sessions.list()) {
    if (seatUserId !== undefined && session.seatUserId !== seatUserId) continue;
    for (const sink of [...session.sinks]) {
      sink.close();
      dropped += 1;
    }
  }
  return dropped;
}

/** Sessions whose grace ran out, and after-call work that is over, by the mock clock. */
export function sweepSessions(core: RuntimeCore): void {
  const now = core.now();
  const graceMs = core.settings.sessionGraceSeconds * 1000;
  for (const session of core.store.sessions.lost()) {
    if ((session.lostAt ?? now) + graceMs <= now) endSession(core, session, 'expired');
  }
  for (const session of core.store.sessions.list()) {
    const work = session.afterCallWork;
    if (work && work.until <= now) changeStatus(core.store, session, work.returnTo);
  }
}

/** Does anything about sessions wait on the mock clock? */
export function sessionsPending(core: RuntimeCore): boolean {
  return (
    core.store.sessions.lost().length > 0 ||
    core.store.sessions.list().some((session) => session.afterCallWork !== undefined)
  );
}

/** The calls in progress on a page, as `connected` tells it. */
export function snapshots(core: RuntimeCore, session: SdkSession): CallSnapshot[] {
  return core.store.calls.active(session.id).flatMap((call): CallSnapshot[] => {
    if (call.state !== 'offered' && call.state !== 'dialing' && call.state !== 'talking') {
      return [];
    }
    return currentLeg(call)
      ? [
          {
            sessionId: call.sessionId,
            direction: call.direction,
            peer: call.direction === 'inbound' ? call.callerPhoneNumber : call.calleePhoneNumber,
            state: call.state,
            muted: call.muted,
            held: call.held,
          },
        ]
      : [];
  });
}
