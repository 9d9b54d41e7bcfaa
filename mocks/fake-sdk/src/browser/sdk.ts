import type {
  CallAction,
  CallStateResponse,
  OutboundCallRequest,
  OutboundCallResponse,
  ServerEvent,
  SessionEndReason,
  SetStatusRequest,
  TransferRequest,
  WireAgentStatus,
} from '../protocol.js';
import { settableStatuses } from '../protocol.js';
import { Emitter, type Listener } from './emitter.js';
import {
  defaultReconnect,
  endedCodeReasons,
  events,
  extensionEvents,
  forwarded,
  loggedOutWords,
} from './events.js';
import { HostClient, HostError } from './host.js';
import { failure, guarded, success } from './results.js';
import { applyEvent, initialView, type ViewState } from './state.js';
import { Workspace } from './ui/workspace.js';

export interface FakeSdkOptions {
  /** URL of this script (document.currentScript.src); its `token` query logs in. */
  scriptUrl: URL;
  /** `data-render-dom-id` of the script tag: render the workspace into that element. */
  renderDomId?: string | undefined;
}

/**
 * The engine behind `window.tccc`: logs in with the token of its own URL, keeps the event
 * stream open (reconnecting with backoff), forwards the server's events to listeners, and
 * sends the agent's actions.
 */
export class FakeSdk {
  readonly emitter = new Emitter();
  readonly view: ViewState = initialView();
  readonly #host: HostClient;
  readonly #abort = new AbortController();
  readonly #ui: Workspace;
  #emitReady = true;
  #reconnect = defaultReconnect;
  /** Settles (never rejects) when the login attempt is over, either way. */
  #loginSettled: Promise<void> = Promise.resolve();
  #offline: Promise<{ status: 'success' }> | undefined;
  /** Calls that ended (or left) this page, until `Call.deleteCall` removes them. */
  readonly #ended = new Set<string>();

  constructor(private readonly options: FakeSdkOptions) {
    this.#host = new HostClient(options.scriptUrl);
    this.#ui = new Workspace({
      renderDomId: options.renderDomId,
      accept: (sessionId) => this.callAction('accept', sessionId, 'Call.accept').catch(report),
      hangUp: (sessionId) => this.callAction('hangup', sessionId, 'Call.hungUp').catch(report),
      complete: (sessionId) =>
        this.callAction('complete', sessionId, 'the Complete button').catch(report),
    });
  }

  start(): void {
    this.#ui.mount(this.view);
    this.#loginSettled = this.#login();
  }

  async #login(): Promise<void> {
    const token = this.options.scriptUrl.searchParams.get('token') ?? '';
    try {
      const login = await this.#host.login(token);
      this.view.seatUserId = login.seatUserId;
      this.view.status = login.status;
      this.#emitReady = login.emitReady;
      this.#reconnect = login.reconnect ?? defaultReconnect;
    } catch (error) {
      this.view.phase = 'failed';
      this.#ui.update(this.view);
      const message =
        error instanceof HostError && error.code.startsWith('Token')
          ? error.message
          : `SDK login failed: ${error instanceof Error ? error.message : String(error)}`;
      this.emitter.emit(events.tokenExpired, { message });
      return;
    }
    this.#ui.update(this.view);
    // Agent.offline() while the login was in flight: log straight out, never get ready.
    if (this.#offline) return;
    void this.#host.listen(
      {
        onEvent: (event) => this.#onServerEvent(event),
        onLost: (reason) => this.#onLost(reason),
        onRefused: (error) => this.#loggedOut(endedCodeReasons[error.code] ?? 'expired'),
      },
      this.#abort.signal,
      this.#reconnect,
    );
  }

  #onServerEvent(event: ServerEvent): void {
    if (event.name === 'loggedOut') {
      this.#loggedOut(event.payload.reason);
      return;
    }
    if (
      event.name === 'sessionEnded' ||
      event.name === 'autoTransfer' ||
      event.name === 'transfer'
    ) {
      this.#ended.add(event.payload.sessionId);
    }
    applyEvent(this.view, event);
    if (event.name === 'connected') {
      const restored = this.view.reconnecting;
      this.view.reconnecting = false;
      if (this.view.phase === 'loading' && this.#emitReady) this.view.phase = 'ready';
      this.#ui.update(this.view);
      if (restored) this.emitter.emit(extensionEvents.connectionRestored, {});
      else if (this.view.phase === 'ready') this.emitter.emit(events.ready);
      return;
    }
    this.#ui.update(this.view);
    if (forwarded.has(event.name)) this.emitter.emit(event.name, event.payload);
  }

  /** The stream failed: tell the page once, while the host client reconnects. */
  #onLost(reason: string): void {
    if (this.view.phase !== 'ready' || this.view.reconnecting) return;
    this.view.reconnecting = true;
    this.#ui.update(this.view);
    this.emitter.emit(extensionEvents.connectionLost, { reason });
  }

  /** The seat's session is over: stop listening, say why once. */
  #loggedOut(reason: SessionEndReason): void {
    if (this.view.phase === 'loggedOut') return;
    this.#abort.abort();
    applyEvent(this.view, { name: 'loggedOut', payload: { reason } });
    this.#ui.update(this.view);
    this.emitter.emit(extensionEvents.loggedOut, { reason });
  }

  /** Reject unless `ready` has been emitted: the real SDK fails calls made before ready. */
  #requireReady(method: string): void {
    if (this.view.phase === 'ready') return;
    const why =
      this.view.phase === 'failed'
        ? 'the SDK failed to initialise (see the tokenExpired event); load it again with a new SdkURL'
        : this.view.phase === 'loggedOut'
          ? `the SDK session has ended: ${loggedOutWords[this.view.loggedOut ?? 'expired']}; load the SDK again with a new SdkURL`
          : 'wait for the "ready" event first';
    throw failure(`tccc.${method} cannot be used now: ${why}.`);
  }

  startOutboundCall(request: OutboundCallRequest) {
    return guarded(async () => {
      this.#requireReady('Call.startOutboundCall');
      if (typeof request?.phoneNumber !== 'string' || request.phoneNumber.trim() === '') {
        throw failure('tccc.Call.startOutboundCall needs { phoneNumber }, the number to dial.');
      }
      const answer = await this.#host.request<OutboundCallResponse>(
        'POST',
        'calls/outbound',
        request,
      );
      return success(answer);
    });
  }

  #sessionIdOf(sessionId: unknown, method: string): string {
    if (typeof sessionId !== 'string' || sessionId === '') {
      throw failure(`tccc.${method} needs { sessionId }, from the callIn or callOuted event.`);
    }
    return sessionId;
  }

  /** POST `calls/<sessionId>/<route>`; keeps the local view in step with the answer. */
  async #callRequest(sessionId: string, route: string, body?: unknown) {
    const path = `calls/${encodeURIComponent(sessionId)}/${route}`;
    const state = await this.#host.request<CallStateResponse>('POST', path, body);
    if (state.state === 'ended') {
      // The HTTP answer can beat the sessionEnded event: the call is over for deleteCall now.
      this.#ended.add(sessionId);
    }
    if (this.view.call?.sessionId === sessionId) {
      this.view.call.muted = state.muted;
      this.view.call.held = state.held;
      this.#ui.update(this.view);
    }
    return state;
  }

  callAction(action: CallAction, sessionId: unknown, method: string) {
    return guarded(async () => {
      this.#requireReady(method);
      return this.#callRequest(this.#sessionIdOf(sessionId, method), action);
    });
  }

  /** Resolve with the call in progress on this page with that sessionId; reject otherwise. */
  requireCall(sessionId: unknown, method: string) {
    return guarded(async () => {
      this.#requireReady(method);
      const id = this.#sessionIdOf(sessionId, method);
      const call = this.view.call;
      if (call?.sessionId !== id) {
        throw failure(`tccc.${method}: no call in progress with sessionId "${id}".`);
      }
      return call;
    });
  }

  sendDigits(sessionId: unknown, dtmfText: unknown) {
    return guarded(async () => {
      this.#requireReady('Call.sendDigits');
      const id = this.#sessionIdOf(sessionId, 'Call.sendDigits');
      if (typeof dtmfText !== 'string' || !/^[0-9*#]{1,64}$/.test(dtmfText)) {
        throw failure('tccc.Call.sendDigits needs { dtmfText }: 1 to 64 of 0-9, * and #.');
      }
      return this.#callRequest(id, 'dtmf', { dtmfText });
    });
  }

  transfer(sessionId: unknown, target: TransferRequest) {
    return guarded(async () => {
      this.#requireReady('Call.transfer');
      const id = this.#sessionIdOf(sessionId, 'Call.transfer');
      const { skillGroupId, userId } = target ?? {};
      if (skillGroupId === undefined && userId === undefined) {
        throw failure('tccc.Call.transfer needs { userId } or { skillGroupId } (or both).');
      }
      return this.#callRequest(id, 'transfer', { skillGroupId, userId });
    });
  }

  deleteCall(sessionId: unknown) {
    return guarded(async () => {
      this.#requireReady('Call.deleteCall');
      if (typeof sessionId === 'string' && this.#ended.delete(sessionId)) {
        if (this.view.ended === sessionId) {
          this.view.ended = undefined;
          this.#ui.update(this.view);
        }
        return success();
      }
      if (typeof sessionId === 'string' && this.view.call?.sessionId === sessionId) {
        throw failure('tccc.Call.deleteCall: the call is still in progress; hang it up first.');
      }
      throw failure(`tccc.Call.deleteCall: no ended call with sessionId "${String(sessionId)}".`);
    });
  }

  setStatus(request: SetStatusRequest) {
    return guarded(async () => {
      this.#requireReady('Agent.setStatus');
      if (!(settableStatuses as readonly string[]).includes(request?.status)) {
        throw failure(
          `tccc.Agent.setStatus needs { status } with one of ${settableStatuses.join(', ')}.`,
        );
      }
      const answer = await this.#host.request<{ status: WireAgentStatus }>(
        'POST',
        'agent/status',
        request,
      );
      this.view.status = answer.status;
      this.#ui.update(this.view);
      return success();
    });
  }

  /**
   * `Agent.offline()`: end the seat's session at the host, whatever the SDK is doing:
   * before `ready`, while the login is still in flight (it is awaited, then ended), or while
   * reconnecting. Resolves once the host has taken the seat offline (`loggedOut
   * {reason:'offline'}` is emitted); rejects if the host cannot be reached (then it may be
   * called again). A second call gets the same Promise.
   */
  offline(): Promise<{ status: 'success' }> {
    this.#offline ??= this.#goOffline().catch((error: unknown) => {
      this.#offline = undefined;
      throw error;
    });
    return this.#offline;
  }

  async #goOffline(): Promise<{ status: 'success' }> {
    await this.#loginSettled;
    if (this.view.phase === 'loggedOut' || !this.#host.loggedIn) return success();
    await guarded(() => this.#host.endSession());
    this.#loggedOut('offline');
    return success();
  }

  get ui(): Workspace {
    return this.#ui;
  }

  on(name: string, listener: Listener): void {
    this.emitter.on(name, listener);
  }

  off(name: string, listener?: Listener): void {
    this.emitter.off(name, listener);
  }
}

function report(error: unknown): void {
  const message =
    typeof error === 'object' && error !== null && 'errorMsg' in error ? error.errorMsg : error;
  console.warn('[tccc fake SDK]', message);
}
