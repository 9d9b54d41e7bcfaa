import type {
  CallAction,
  CallStateResponse,
  OutboundCallRequest,
  OutboundCallResponse,
  SetStatusRequest,
  SettableStatus,
  TransferRequest,
  WireAgentStatus,
} from '@tccc-kit/fake-sdk';
import type { SdkSettings } from '../config/index.js';
import type { MockContext } from '../context.js';
import { quote } from '../quote.js';
import { type CallRecord, type CallView, viewOf } from '../state/calls.js';
import type { EventSink, SdkSession, SessionView } from '../state/sessions.js';
import { sessionView } from '../state/sessions.js';
import type { StaffStatus } from '../state/staff.js';
import { sessionOfBearer } from './auth.js';
import { act, sendDigits, transfer } from './call-actions.js';
import { pushToCall, type RuntimeCore } from './core.js';
import { type AdminHangUp, adminEnding, applyDeadlines, customerEnding } from './deadlines.js';
import type { CalleeFailure } from './end-status.js';
import { SdkError } from './errors.js';
import { endCall } from './lifecycle.js';
import { answerByCustomer, failByCustomer, startOutbound } from './outbound.js';
import { dispatchQueued, type InboundCallRequest, offerInbound } from './routing.js';
import { changeStatus, type SeatRef, seatCalls, statusOf } from './seats.js';
import {
  dropStreams,
  endSession,
  login,
  sessionsPending,
  snapshots,
  streamClosed,
  streamOpened,
} from './session-life.js';

export type { AdminHangUp } from './deadlines.js';
export type { InboundCallRequest } from './routing.js';

/** How often pending deadlines are compared with the mock clock, in real ms. */
const sweepIntervalMs = 50;

/**
 * What the SDK half of the mock does: log fake SDKs in and out, place, offer, route,
 * transfer and end calls, change agent statuses, write each ended call's CDR. It keeps no
 * data of its own: sessions, calls, statuses and CDRs are in the store (`ctx.store`); the
 * routes (routes.ts, ../control/calls.ts) and the cloud API (HangUpCall, SetStaffStatus) are
 * thin shells around these methods. One per mock, built by createMockTccc.
 *
 * Deadlines (IVR, queue, offer timeouts, a ringing callee, session grace, after-call work)
 * are instants on the MOCK clock, checked every 50 ms of real time while any is pending and
 * at once after the mock's clock is moved (`sweep()`).
 *
 * Functions other parts of the mock call, kept stable: `endByCustomer`, `hangUpByAdmin`
 * (HangUpCall), `setSeatStatus` (SetStaffStatus), `statusOf`, `listCalls`, `listSessions`.
 * Failures throw `SdkError` (status, code, message).
 */
export class SdkRuntime {
  #sweeper: ReturnType<typeof setInterval> | undefined;
  readonly #core: RuntimeCore;

  constructor(private readonly ctx: MockContext) {
    const core: RuntimeCore = {
      ctx,
      store: ctx.store,
      get settings(): Readonly<SdkSettings> {
        return ctx.options.sdk;
      },
      now: () => ctx.clock.now(),
      newId: () => ctx.newId(),
      toCall: (call, event) => pushToCall(ctx.store, call, event),
      end: (call, ending) => endCall(core, call, ending),
      dispatch: () => dispatchQueued(core),
      schedule: () => this.#scheduleSweep(),
    };
    this.#core = core;
  }

  get #store() {
    return this.ctx.store;
  }

  // ---------------------------------------------------------------------------- sessions

  /** Log in with an SDK token; `origin` is the mock's origin as the page reached it. */
  login(token: string | undefined, origin: string): SdkSession {
    return login(this.#core, token, origin);
  }

  /** The session of an `Authorization: Bearer <credential>` header, or a 401 SdkError. */
  authenticate(authorization: string | undefined): SdkSession {
    return sessionOfBearer(this.#store, authorization);
  }

  /** The page logs out (`Agent.offline()`, page unload): the seat goes offline at once. */
  logout(session: SdkSession): void {
    endSession(this.#core, session, 'offline');
  }

  /** Attach an open event stream to a session; returns what detaches it. */
  attachStream(session: SdkSession, sink: EventSink): () => void {
    sink.send({
      name: 'connected',
      payload: { status: this.wireStatusOf(session), calls: snapshots(this.#core, session) },
    });
    // What happened while the page was away, in order (the seat's calls may have ended).
    for (const event of session.missed.splice(0)) sink.send(event);
    streamOpened(this.#core, session, sink);
    return () => streamClosed(this.#core, session, sink);
  }

  /** Close the event streams of a seat's sessions (or of all), as a dropped network would. */
  dropStreams(seatUserId?: string): number {
    const dropped = dropStreams(this.#core, seatUserId);
    this.#scheduleSweep();
    return dropped;
  }

  // ---------------------------------------------------------------------------- statuses

  /** The seat's status, from its staff record. */
  statusOf(seat: SeatRef): StaffStatus {
    return statusOf(this.#store, seat);
  }

  /** The seat's status as the SDK protocol names it (a logged-in seat is never offline). */
  wireStatusOf(session: SdkSession): WireAgentStatus {
    const status = this.statusOf(session);
    return status === 'offline' ? 'notReady' : status;
  }

  /** The agent sets their own status (`Agent.setStatus`, `online()`). */
  setStatus(session: SdkSession, request: SetStatusRequest): WireAgentStatus {
    return this.setSeatStatus(session, request.status, request.restReason);
  }

  /**
   * Set a seat's status with the rules of seats.ts (the SDK's setStatus, the cloud API's
   * SetStaffStatus): refused (409) while the seat has a call in progress or has no SDK
   * session; `stopNotReady` ends `notReady` (and changes nothing otherwise). The seat's page
   * hears `statusChanged`. Returns the status now.
   */
  setSeatStatus(seat: SeatRef, status: SettableStatus, restReason?: string): WireAgentStatus {
    const current = this.statusOf(seat);
    if (current === 'offline') {
      throw new SdkError(
        409,
        'StatusNotAllowed',
        `Seat ${quote(seat.seatUserId)} is offline; its status can change once its SDK has logged in.`,
      );
    }
    const active = seatCalls(this.#store, seat)[0];
    if (active) {
      throw new SdkError(
        409,
        'SeatBusy',
        `The agent is in call ${active.sessionId}; the status changes back when the call ends.`,
      );
    }
    const next: WireAgentStatus =
      status === 'stopNotReady' ? (current === 'notReady' ? 'free' : current) : status;
    if (next !== current || status !== 'stopNotReady') {
      changeStatus(this.#store, seat, next, next === 'rest' ? restReason : undefined);
    }
    this.#core.dispatch();
    return next;
  }

  // ---------------------------------------------------------------------------- calls

  startOutbound(session: SdkSession, request: OutboundCallRequest): OutboundCallResponse {
    return startOutbound(this.#core, session, request);
  }

  offerInbound(request: InboundCallRequest): { sessionId: string; call: CallView } {
    return offerInbound(this.#core, request);
  }

  act(session: SdkSession, sessionId: string, action: CallAction): CallStateResponse {
    return act(this.#core, session, sessionId, action);
  }

  sendDigits(session: SdkSession, sessionId: string, dtmfText: string): CallStateResponse {
    return sendDigits(this.#core, session, sessionId, dtmfText);
  }

  transfer(session: SdkSession, sessionId: string, request: TransferRequest): CallStateResponse {
    return transfer(this.#core, session, sessionId, request);
  }

  /** The customer hangs up (control plane), whatever stage the call is at. */
  endByCustomer(sessionId: string): CallView {
    const call = this.#liveCall(sessionId);
    this.#core.end(call, customerEnding(call));
    return viewOf(call);
  }

  /** The customer answers an outbound call that rings at them (control plane). */
  answerByCustomer(sessionId: string): CallView {
    return answerByCustomer(this.#core, sessionId);
  }

  /** The customer's side refuses an outbound call: busy, rejected, powered off... */
  failByCustomer(sessionId: string, failure: CalleeFailure): CallView {
    return failByCustomer(this.#core, sessionId, failure);
  }

  /**
   * An administrator hangs the call up (the cloud API's HangUpCall): the page hears
   * `sessionEnded {closeBy:'admin', mainReason?, subReason?}`; the CDR says HungUpSide
   * `system` and, for a call not yet connected, the status of the caller giving up at
   * that stage [unconfirmed]. 404 CallNotFound for a call of another app.
   */
  hangUpByAdmin(sdkAppId: number, sessionId: string, reasons: AdminHangUp = {}): CallView {
    const call = this.#liveCall(sessionId, sdkAppId);
    this.#core.end(call, adminEnding(call, reasons));
    return viewOf(call);
  }

  /** One call as the control plane shows it; 404 CallNotFound when unknown (or let go). */
  callView(sessionId: string): CallView {
    const call = this.#store.calls.get(sessionId);
    if (!call) {
      throw new SdkError(404, 'CallNotFound', `No call with sessionId ${quote(sessionId)}.`);
    }
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

  // ---------------------------------------------------------------------------- time

  /** Apply every deadline the mock clock has reached. */
  sweep(): void {
    applyDeadlines(this.#core);
    this.#scheduleSweep();
  }

  /** Stop the deadline timer (the store's reset clears the calls themselves). */
  stop(): void {
    if (this.#sweeper) clearInterval(this.#sweeper);
    this.#sweeper = undefined;
  }

  #liveCall(sessionId: string, sdkAppId?: number): CallRecord {
    const call = this.#store.calls.get(sessionId);
    if (!call || (sdkAppId !== undefined && call.sdkAppId !== sdkAppId)) {
      throw new SdkError(404, 'CallNotFound', `No call with sessionId ${quote(sessionId)}.`);
    }
    if (call.state === 'ended') {
      throw new SdkError(409, 'CallStateConflict', `Call "${sessionId}" has already ended.`);
    }
    return call;
  }

  #scheduleSweep(): void {
    const pending = this.#store.calls.withDeadlines().length > 0 || sessionsPending(this.#core);
    if (pending && !this.#sweeper) {
      this.#sweeper = setInterval(() => this.sweep(), sweepIntervalMs);
      this.#sweeper.unref?.();
    } else if (!pending && this.#sweeper) {
      this.stop();
    }
  }
}
