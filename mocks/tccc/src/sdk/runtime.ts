import type {
  CallAction,
  CallStateResponse,
  CloseBy,
  OutboundCallRequest,
  OutboundCallResponse,
  ServerEvent,
  SetStatusRequest,
  WireAgentStatus,
} from '@tccc-kit/fake-sdk';
import type { MockContext } from '../context.js';
import { quote } from '../quote.js';
import {
  type CallRecord,
  type CallView,
  durationSeconds,
  stateOf,
  viewOf,
} from '../state/calls.js';
import { type SdkSession, type SessionView, sessionView } from '../state/sessions.js';
import type { StaffStatus } from '../state/staff.js';
import { sessionOfBearer } from './auth.js';
import { SdkError } from './errors.js';
import { defaultNumbers, outboundOutcome, timings } from './outcomes.js';
import { changeStatus, liveSessionOf, type SeatRef, seatCalls, statusOf } from './seats.js';
import { loginWithToken } from './tokens.js';

export interface InboundCallRequest {
  seatUserId: string;
  callerPhoneNumber?: string;
  calleePhoneNumber?: string;
  /** Seconds before the offer times out and is auto-transferred; 0 = never. */
  timeoutSeconds?: number;
  remark?: string;
}

/** How often pending deadlines are compared with the mock clock. */
const sweepIntervalMs = 50;

/**
 * What the SDK half of the mock does: log fake SDKs in, place and offer calls, end them,
 * change agent statuses. It keeps no data of its own: sessions, calls and statuses are in the
 * store (`ctx.store`); the routes (routes.ts, ../control/calls.ts) are thin HTTP shells
 * around these methods. One per mock, built by createMockTccc.
 *
 * Deadlines (ringing, offer timeouts) are absolute times on the MOCK clock, checked every
 * 50 ms of real time while any is pending, and at once after the mock's clock is moved
 * (`sweep()`), so they fire both as real time passes and right after a test advances time.
 */
export class SdkRuntime {
  #sweeper: ReturnType<typeof setInterval> | undefined;

  constructor(private readonly ctx: MockContext) {}

  get #store() {
    return this.ctx.store;
  }

  login(token: string | undefined): SdkSession {
    const grant = loginWithToken(this.ctx, token);
    // One live SDK session per seat: a newer login takes over, the older page's session ends
    // (its event stream closes, its credential stops working) [unconfirmed]. Its calls stay.
    for (const older of this.#store.sessions.ofSeat(grant.sdkAppId, grant.seatUserId)) {
      this.#store.sessions.end(older);
    }
    const session = this.#store.sessions.create({
      id: this.ctx.newId(),
      seatUserId: grant.seatUserId,
      sdkAppId: grant.sdkAppId,
      now: this.ctx.clock.now(),
    });
    // A login brings the seat online as free ([unconfirmed]), also after an earlier page's
    // Agent.offline() (notReady) or a break; a seat in a call stays busy.
    if (seatCalls(this.#store, session).length === 0) changeStatus(this.#store, session, 'free');
    return session;
  }

  /** The session of an `Authorization: Bearer <credential>` header, or a 401 SdkError. */
  authenticate(authorization: string | undefined): SdkSession {
    return sessionOfBearer(this.#store, authorization);
  }

  logout(session: SdkSession): void {
    for (const call of this.#store.calls.active(session.id)) this.#end(call, 'seat');
    this.#store.sessions.end(session);
    if (this.#store.sessions.ofSeat(session.sdkAppId, session.seatUserId).length === 0) {
      this.#store.staff.setStatus(session.sdkAppId, session.seatUserId, 'offline');
    }
  }

  /** The seat's status, from its staff record. */
  statusOf(seat: SeatRef): StaffStatus {
    return statusOf(this.#store, seat);
  }

  /** The seat's status as the SDK protocol names it (a logged-in seat is never offline). */
  wireStatusOf(session: SdkSession): WireAgentStatus {
    const status = this.statusOf(session);
    return status === 'offline' ? 'notReady' : status;
  }

  setStatus(session: SdkSession, request: SetStatusRequest): WireAgentStatus {
    const active = seatCalls(this.#store, session)[0];
    if (active) {
      throw new SdkError(
        409,
        'SeatBusy',
        `The agent is in call ${active.sessionId}; the status changes back when the call ends.`,
      );
    }
    const next: WireAgentStatus = request.status === 'stopNotReady' ? 'free' : request.status;
    changeStatus(this.#store, session, next, request.restReason);
    return next;
  }

  startOutbound(session: SdkSession, request: OutboundCallRequest): OutboundCallResponse {
    const active = seatCalls(this.#store, session)[0];
    if (active) {
      throw new SdkError(
        409,
        'SeatBusy',
        `A call is already in progress (sessionId ${active.sessionId}); hang it up before starting another.`,
      );
    }
    const now = this.ctx.clock.now();
    const outcome = outboundOutcome(request.phoneNumber);
    const call = this.#add({
      sessionId: this.ctx.newId(),
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
      state: 'dialing',
      muted: false,
      held: false,
      deadline:
        outcome.kind === 'answer'
          ? { at: now + outcome.afterMs, kind: 'answer' }
          : { at: now + outcome.afterMs, kind: 'end', closeBy: outcome.closeBy },
    });
    this.#enterCall(call);
    const answer: OutboundCallResponse = {
      sessionId: call.sessionId,
      calleePhoneNumber: call.calleePhoneNumber,
      callerPhoneNumber: call.callerPhoneNumber,
      serverType: 'staffSeat',
      ...(request.phoneDesc ? { remark: request.phoneDesc } : {}),
    };
    this.#store.sessions.push(session, { name: 'callOuted', payload: { ...answer } });
    return answer;
  }

  offerInbound(request: InboundCallRequest): { sessionId: string; call: CallView } {
    const session = liveSessionOf(this.#store, request.seatUserId);
    if (!session) {
      throw new SdkError(
        409,
        'SeatBusy',
        `Seat ${quote(request.seatUserId)} has no live SDK session; load the SDK for that seat and wait for "ready" first.`,
      );
    }
    const status = this.statusOf(session);
    if (status !== 'free' || seatCalls(this.#store, session).length > 0) {
      throw new SdkError(
        409,
        'SeatBusy',
        `Seat ${quote(request.seatUserId)} is "${status}" and cannot be offered a call; it must be "free" with no call in progress.`,
      );
    }
    const now = this.ctx.clock.now();
    const timeoutSeconds = request.timeoutSeconds ?? timings.inboundTimeoutSeconds;
    const call = this.#add({
      sessionId: this.ctx.newId(),
      direction: 'inbound',
      sdkAppId: session.sdkAppId,
      seatUserId: session.seatUserId,
      sdkSessionId: session.id,
      callerPhoneNumber: request.callerPhoneNumber ?? defaultNumbers.inboundCaller,
      calleePhoneNumber: request.calleePhoneNumber ?? defaultNumbers.servingNumber,
      createdAt: now,
      timeoutSeconds,
      ...(request.remark === undefined ? {} : { remark: request.remark }),
      state: 'offered',
      muted: false,
      held: false,
      ...(timeoutSeconds > 0
        ? { deadline: { at: now + timeoutSeconds * 1000, kind: 'autoTransfer' as const } }
        : {}),
    });
    this.#store.sessions.push(session, {
      name: 'callIn',
      payload: {
        sessionId: call.sessionId,
        type: 'phone',
        timeout: timeoutSeconds,
        calleePhoneNumber: call.calleePhoneNumber,
        callerPhoneNumber: call.callerPhoneNumber,
        serverType: 'staffSeat',
        ...(request.remark ? { remark: request.remark } : {}),
      },
    });
    return { sessionId: call.sessionId, call: viewOf(call) };
  }

  act(session: SdkSession, sessionId: string, action: CallAction): CallStateResponse {
    const call = this.#store.calls.get(sessionId);
    if (!call || call.sdkSessionId !== session.id) {
      throw new SdkError(
        404,
        'CallNotFound',
        `No call with sessionId ${quote(sessionId)} on this seat.`,
      );
    }
    if (call.state === 'ended') {
      throw new SdkError(409, 'CallStateConflict', `Call "${sessionId}" has already ended.`);
    }
    switch (action) {
      case 'accept':
        if (call.direction !== 'inbound' || call.state !== 'offered') {
          throw this.#conflict(call, action, 'an offered inbound call');
        }
        call.state = 'talking';
        call.talkStartedAt = this.ctx.clock.now();
        delete call.deadline;
        this.#enterCall(call);
        this.#store.sessions.push(session, { name: 'userAccessed', payload: { sessionId } });
        break;
      case 'hangup':
        this.#end(call, 'seat');
        break;
      case 'mute':
      case 'unmute':
        if (call.state === 'offered') throw this.#conflict(call, action, 'a call in progress');
        call.muted = action === 'mute';
        break;
      case 'hold':
      case 'unhold':
        if (call.state !== 'talking') throw this.#conflict(call, action, 'a connected call');
        call.held = action === 'hold';
        break;
    }
    return stateOf(call);
  }

  /** The customer hangs up (control plane). */
  endByCustomer(sessionId: string): CallView {
    const call = this.#store.calls.get(sessionId);
    if (!call)
      throw new SdkError(404, 'CallNotFound', `No call with sessionId ${quote(sessionId)}.`);
    if (call.state === 'ended') {
      throw new SdkError(409, 'CallStateConflict', `Call "${sessionId}" has already ended.`);
    }
    this.#end(call, 'client');
    return viewOf(call);
  }

  listCalls(): CallView[] {
    return this.#store.calls.list().map(viewOf);
  }

  listSessions(): SessionView[] {
    return this.#store.sessions
      .list()
      .map((session) => sessionView(session, this.statusOf(session)));
  }

  /** Apply every deadline the mock clock has reached. */
  sweep(): void {
    const now = this.ctx.clock.now();
    for (const call of this.#store.calls.withDeadlines()) {
      const deadline = call.deadline;
      if (!deadline || deadline.at > now) continue;
      delete call.deadline;
      if (deadline.kind === 'answer') {
        call.state = 'talking';
        call.talkStartedAt = now;
        this.#pushToCall(call, { name: 'calloutAccepted', payload: { sessionId: call.sessionId } });
      } else if (deadline.kind === 'end') {
        this.#end(call, deadline.closeBy);
      } else {
        this.#finish(call, 'autoTransfer', {
          name: 'autoTransfer',
          payload: { sessionId: call.sessionId },
        });
      }
    }
    this.#scheduleSweep();
  }

  /** Stop the deadline timer (the store's reset clears the calls themselves). */
  stop(): void {
    if (this.#sweeper) clearInterval(this.#sweeper);
    this.#sweeper = undefined;
  }

  #add(call: CallRecord): CallRecord {
    this.#store.calls.add(call);
    this.#scheduleSweep();
    return call;
  }

  #conflict(call: CallRecord, action: CallAction, needs: string): SdkError {
    return new SdkError(
      409,
      'CallStateConflict',
      `Cannot ${action} call "${call.sessionId}": it is ${call.state}, and ${action} needs ${needs}.`,
    );
  }

  /** The seat goes busy for the call; the status it had comes back when the call ends. */
  #enterCall(call: CallRecord): void {
    const status = this.statusOf(call);
    if (status === 'busy' || status === 'offline') return;
    call.statusBeforeCall = status;
    changeStatus(this.#store, call, 'busy');
  }

  #end(call: CallRecord, closeBy: CloseBy): void {
    const duration = durationSeconds(call, this.ctx.clock.now());
    this.#finish(call, closeBy, {
      name: 'sessionEnded',
      payload: { sessionId: call.sessionId, closeBy, type: 'phone', duration },
    });
  }

  /** End a call: push its final event, then restore the agent's status if the call held it. */
  #finish(call: CallRecord, closeBy: CloseBy | 'autoTransfer', event: ServerEvent): void {
    this.#store.calls.markEnded(call, this.ctx.clock.now(), closeBy);
    this.#pushToCall(call, event);
    const before = call.statusBeforeCall;
    if (before && this.statusOf(call) === 'busy' && seatCalls(this.#store, call).length === 0) {
      changeStatus(this.#store, call, before);
    }
  }

  #pushToCall(call: CallRecord, event: ServerEvent): void {
    const session = this.#store.sessions.get(call.sdkSessionId);
    if (session) this.#store.sessions.push(session, event);
  }

  #scheduleSweep(): void {
    const pending = this.#store.calls.withDeadlines().length > 0;
    if (pending && !this.#sweeper) {
      this.#sweeper = setInterval(() => this.sweep(), sweepIntervalMs);
      this.#sweeper.unref?.();
    } else if (!pending && this.#sweeper) {
      this.stop();
    }
  }
}
