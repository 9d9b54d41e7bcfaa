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
import { type Call, type CallView, durationSeconds, stateOf, viewOf } from './calls.js';
import { SdkError } from './errors.js';
import { defaultNumbers, outboundOutcome, timings } from './outcomes.js';
import { type SdkSession, SessionStore, type SessionView } from './sessions.js';
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
 * State of the SDK half of the mock: logged-in SDK sessions and their calls. The routes
 * (routes.ts, control-routes.ts) are thin HTTP shells around these methods.
 *
 * Deadlines (ringing, offer timeouts) are absolute times on the MOCK clock, checked every
 * 50 ms of real time while any is pending, so they fire both as real time passes and right
 * after a test advances the clock.
 */
export class SdkRuntime {
  readonly sessions = new SessionStore();
  readonly #calls = new Map<string, Call>();
  #sweeper: ReturnType<typeof setInterval> | undefined;

  constructor(private readonly ctx: MockContext) {
    ctx.onReset(() => this.reset());
  }

  login(token: string | undefined): SdkSession {
    const grant = loginWithToken(this.ctx, token);
    return this.sessions.create({
      id: this.ctx.newId(),
      seatUserId: grant.seatUserId,
      sdkAppId: grant.sdkAppId,
      now: this.ctx.clock.now(),
    });
  }

  logout(session: SdkSession): void {
    for (const call of this.#activeCalls(session)) this.#end(call, 'seat');
    this.sessions.end(session);
  }

  setStatus(session: SdkSession, request: SetStatusRequest): WireAgentStatus {
    const active = this.#activeCalls(session)[0];
    if (active) {
      throw new SdkError(
        409,
        'SeatBusy',
        `The agent is in call ${active.sessionId}; the status changes back when the call ends.`,
      );
    }
    const next: WireAgentStatus = request.status === 'stopNotReady' ? 'free' : request.status;
    this.#changeStatus(session, next);
    return session.status;
  }

  startOutbound(session: SdkSession, request: OutboundCallRequest): OutboundCallResponse {
    this.#assertCanDial(session);
    const now = this.ctx.clock.now();
    const outcome = outboundOutcome(request.phoneNumber);
    const call = this.#add({
      sessionId: this.ctx.newId(),
      direction: 'outbound',
      seat: session,
      callerPhoneNumber: request.callerPhoneNumber ?? defaultNumbers.servingNumber,
      calleePhoneNumber: request.phoneNumber,
      createdAt: now,
      timeoutSeconds: 0,
      state: 'dialing',
      muted: false,
      held: false,
      deadline:
        outcome.kind === 'answer'
          ? { at: now + outcome.afterMs, kind: 'answer' }
          : { at: now + outcome.afterMs, kind: 'end', closeBy: outcome.closeBy },
    });
    this.#enterCall(session);
    const answer: OutboundCallResponse = {
      sessionId: call.sessionId,
      calleePhoneNumber: call.calleePhoneNumber,
      callerPhoneNumber: call.callerPhoneNumber,
      serverType: 'staffSeat',
      ...(request.phoneDesc ? { remark: request.phoneDesc } : {}),
    };
    this.sessions.push(session, { name: 'callOuted', payload: { ...answer } });
    return answer;
  }

  offerInbound(request: InboundCallRequest): { sessionId: string; call: CallView } {
    const session = this.sessions.liveSessionOf(request.seatUserId);
    if (!session) {
      throw new SdkError(
        409,
        'SeatBusy',
        `Seat ${quote(request.seatUserId)} has no live SDK session; load the SDK for that seat and wait for "ready" first.`,
      );
    }
    if (session.status !== 'free' || this.#activeCalls(session).length > 0) {
      throw new SdkError(
        409,
        'SeatBusy',
        `Seat ${quote(request.seatUserId)} is "${session.status}" and cannot be offered a call; it must be "free" with no call in progress.`,
      );
    }
    const now = this.ctx.clock.now();
    const timeoutSeconds = request.timeoutSeconds ?? timings.inboundTimeoutSeconds;
    const call = this.#add({
      sessionId: this.ctx.newId(),
      direction: 'inbound',
      seat: session,
      callerPhoneNumber: request.callerPhoneNumber ?? defaultNumbers.inboundCaller,
      calleePhoneNumber: request.calleePhoneNumber ?? defaultNumbers.servingNumber,
      createdAt: now,
      timeoutSeconds,
      state: 'offered',
      muted: false,
      held: false,
      ...(timeoutSeconds > 0
        ? { deadline: { at: now + timeoutSeconds * 1000, kind: 'autoTransfer' as const } }
        : {}),
    });
    this.sessions.push(session, {
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
    const call = this.#calls.get(sessionId);
    if (!call || call.seat !== session) {
      throw new SdkError(
        404,
        'CallNotFound',
        `No call with sessionId ${quote(sessionId)} on this seat.`,
      );
    }
    if (call.state === 'ended') {
      throw new SdkError(409, 'CallStateConflict', `Call "${sessionId}" has already ended.`);
    }
    const now = this.ctx.clock.now();
    switch (action) {
      case 'accept':
        if (call.direction !== 'inbound' || call.state !== 'offered') {
          throw this.#conflict(call, action, 'an offered inbound call');
        }
        call.state = 'talking';
        call.talkStartedAt = now;
        delete call.deadline;
        this.#enterCall(session);
        this.sessions.push(session, { name: 'userAccessed', payload: { sessionId } });
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
    const call = this.#calls.get(sessionId);
    if (!call)
      throw new SdkError(404, 'CallNotFound', `No call with sessionId ${quote(sessionId)}.`);
    if (call.state === 'ended') {
      throw new SdkError(409, 'CallStateConflict', `Call "${sessionId}" has already ended.`);
    }
    this.#end(call, 'client');
    return viewOf(call);
  }

  listCalls(): CallView[] {
    return [...this.#calls.values()].map(viewOf);
  }

  listSessions(): SessionView[] {
    return this.sessions.list();
  }

  /** Apply every deadline the mock clock has reached. */
  sweep(): void {
    const now = this.ctx.clock.now();
    for (const call of this.#calls.values()) {
      const deadline = call.deadline;
      if (!deadline || deadline.at > now || call.state === 'ended') continue;
      delete call.deadline;
      if (deadline.kind === 'answer') {
        call.state = 'talking';
        call.talkStartedAt = now;
        this.sessions.push(call.seat, {
          name: 'calloutAccepted',
          payload: { sessionId: call.sessionId },
        });
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

  reset(): void {
    if (this.#sweeper) clearInterval(this.#sweeper);
    this.#sweeper = undefined;
    this.#calls.clear();
    this.sessions.clear();
  }

  #add(call: Call): Call {
    this.#calls.set(call.sessionId, call);
    this.#scheduleSweep();
    return call;
  }

  #activeCalls(session: SdkSession): Call[] {
    return [...this.#calls.values()].filter((c) => c.seat === session && c.state !== 'ended');
  }

  #assertCanDial(session: SdkSession): void {
    const active = this.#activeCalls(session)[0];
    if (active) {
      throw new SdkError(
        409,
        'SeatBusy',
        `A call is already in progress (sessionId ${active.sessionId}); hang it up before starting another.`,
      );
    }
  }

  #conflict(call: Call, action: CallAction, needs: string): SdkError {
    return new SdkError(
      409,
      'CallStateConflict',
      `Cannot ${action} call "${call.sessionId}": it is ${call.state}, and ${action} needs ${needs}.`,
    );
  }

  #enterCall(session: SdkSession): void {
    if (session.status === 'busy') return;
    session.statusBeforeCall = session.status;
    this.#changeStatus(session, 'busy');
  }

  #end(call: Call, closeBy: CloseBy): void {
    const duration = durationSeconds(call, this.ctx.clock.now());
    this.#finish(call, closeBy, {
      name: 'sessionEnded',
      payload: { sessionId: call.sessionId, closeBy, type: 'phone', duration },
    });
  }

  /** End a call: push its final event, then restore the agent's status if the call held it. */
  #finish(call: Call, closeBy: CloseBy | 'autoTransfer', event: ServerEvent): void {
    const heldStatus = call.state !== 'offered';
    call.state = 'ended';
    call.endedAt = this.ctx.clock.now();
    call.closeBy = closeBy;
    delete call.deadline;
    const session = call.seat;
    this.sessions.push(session, event);
    if (heldStatus && session.status === 'busy' && this.#activeCalls(session).length === 0) {
      this.#changeStatus(session, session.statusBeforeCall);
    }
  }

  #changeStatus(session: SdkSession, status: WireAgentStatus): void {
    if (session.status === status) return;
    session.status = status;
    this.sessions.push(session, { name: 'statusChanged', payload: { status } });
  }

  #scheduleSweep(): void {
    const pending = [...this.#calls.values()].some((c) => c.deadline && c.state !== 'ended');
    if (pending && !this.#sweeper) {
      this.#sweeper = setInterval(() => this.sweep(), sweepIntervalMs);
      this.#sweeper.unref?.();
    } else if (!pending && this.#sweeper) {
      clearInterval(this.#sweeper);
      this.#sweeper = undefined;
    }
  }
}

const runtimes = new WeakMap<MockContext, SdkRuntime>();

/** The one SdkRuntime of a mock context (created on first use). */
export function sdkRuntimeFor(ctx: MockContext): SdkRuntime {
  let runtime = runtimes.get(ctx);
  if (!runtime) {
    runtime = new SdkRuntime(ctx);
    runtimes.set(ctx, runtime);
  }
  return runtime;
}
