import type {
  CallAction,
  CallStateResponse,
  OutboundCallRequest,
  OutboundCallResponse,
  ServerEvent,
  SetStatusRequest,
  WireAgentStatus,
} from '../protocol.js';
import { settableStatuses } from '../protocol.js';
import { Emitter, type Listener } from './emitter.js';
import { HostClient, HostError } from './host.js';
import { failure, guarded, success } from './results.js';
import { applyEvent, type ViewState } from './state.js';
import { Workspace } from './ui/workspace.js';

/** Event names, as `tccc.events.<name>`. */
export const events = {
  ready: 'ready',
  tokenExpired: 'tokenExpired',
  callIn: 'callIn',
  userAccessed: 'userAccessed',
  autoTransfer: 'autoTransfer',
  sessionEnded: 'sessionEnded',
  callOuted: 'callOuted',
  calloutAccepted: 'calloutAccepted',
  transfer: 'transfer',
  statusChanged: 'statusChanged',
} as const;

export interface FakeSdkOptions {
  /** URL of this script (document.currentScript.src); its `token` query logs in. */
  scriptUrl: URL;
  /** `data-render-dom-id` of the script tag: render the workspace into that element. */
  renderDomId?: string | undefined;
}

/**
 * The engine behind `window.tccc`: logs in with the token of its own URL, keeps the event
 * stream open, forwards the server's events to listeners, and sends the agent's actions.
 */
export class FakeSdk {
  readonly emitter = new Emitter();
  readonly view: ViewState = {
    phase: 'loading',
    seatUserId: undefined,
    status: undefined,
    call: undefined,
  };
  readonly #host: HostClient;
  readonly #abort = new AbortController();
  readonly #ui: Workspace;
  #emitReady = true;
  /** Calls that ended on this page, until `Call.deleteCall` removes them. */
  readonly #ended = new Set<string>();

  constructor(private readonly options: FakeSdkOptions) {
    this.#host = new HostClient(options.scriptUrl);
    this.#ui = new Workspace({
      renderDomId: options.renderDomId,
      accept: (sessionId) => this.callAction('accept', sessionId, 'Call.accept').catch(report),
      hangUp: (sessionId) => this.callAction('hangup', sessionId, 'Call.hungUp').catch(report),
    });
  }

  async start(): Promise<void> {
    this.#ui.mount(this.view);
    const token = this.options.scriptUrl.searchParams.get('token') ?? '';
    try {
      const login = await this.#host.login(token);
      this.view.seatUserId = login.seatUserId;
      this.view.status = login.status;
      this.#emitReady = login.emitReady;
      this.#ui.update(this.view);
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
    void this.#host.listen(
      (event) => this.#onServerEvent(event),
      this.#abort.signal,
      (error) => {
        this.view.phase = 'failed';
        this.#ui.update(this.view);
        console.warn(`[tccc fake SDK] event stream closed: ${error.message}`);
      },
    );
  }

  #onServerEvent(event: ServerEvent): void {
    if (event.name === 'sessionEnded' || event.name === 'autoTransfer') {
      this.#ended.add(event.payload.sessionId);
    }
    applyEvent(this.view, event);
    if (event.name === 'connected') {
      if (this.view.phase === 'loading' && this.#emitReady) {
        this.view.phase = 'ready';
        this.#ui.update(this.view);
        this.emitter.emit(events.ready);
      }
      this.#ui.update(this.view);
      return;
    }
    this.#ui.update(this.view);
    this.emitter.emit(event.name, event.payload);
  }

  /** Reject unless `ready` has been emitted: the real SDK fails calls made before ready. */
  #requireReady(method: string): void {
    if (this.view.phase === 'ready') return;
    const why =
      this.view.phase === 'failed'
        ? 'the SDK failed to initialise (see the tokenExpired event); load it again with a new SdkURL'
        : this.view.phase === 'destroyed'
          ? 'the SDK has been unloaded'
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

  callAction(action: CallAction, sessionId: unknown, method: string) {
    return guarded(async () => {
      this.#requireReady(method);
      if (typeof sessionId !== 'string' || sessionId === '') {
        throw failure(`tccc.${method} needs { sessionId }, from the callIn or callOuted event.`);
      }
      const path = `calls/${encodeURIComponent(sessionId)}/${action}`;
      const state = await this.#host.request<CallStateResponse>('POST', path);
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
    });
  }

  /** Resolve when `sessionId` is the call in progress on this page; reject otherwise. */
  requireCall(sessionId: unknown, method: string) {
    return guarded(async () => {
      this.#requireReady(method);
      if (typeof sessionId !== 'string' || sessionId === '') {
        throw failure(`tccc.${method} needs { sessionId }, from the callIn or callOuted event.`);
      }
      const call = this.view.call;
      if (call?.sessionId !== sessionId) {
        throw failure(`tccc.${method}: no call in progress with sessionId "${sessionId}".`);
      }
      return call;
    });
  }

  sendDigits(sessionId: unknown, dtmfText: unknown) {
    return guarded(async () => {
      const call = await this.requireCall(sessionId, 'Call.sendDigits');
      if (call.state !== 'talking') {
        throw failure('tccc.Call.sendDigits needs a connected call.');
      }
      if (typeof dtmfText !== 'string' || !/^[0-9*#]+$/.test(dtmfText)) {
        throw failure('tccc.Call.sendDigits needs { dtmfText } made of 0-9, * and #.');
      }
      return success();
    });
  }

  deleteCall(sessionId: unknown) {
    return guarded(async () => {
      this.#requireReady('Call.deleteCall');
      if (typeof sessionId === 'string' && this.#ended.delete(sessionId)) return success();
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

  get ui(): Workspace {
    return this.#ui;
  }

  on(name: string, listener: Listener): void {
    this.emitter.on(name, listener);
  }

  off(name: string, listener?: Listener): void {
    this.emitter.off(name, listener);
  }

  /** Log out, close the stream, remove the UI (used by `tccc.destroy` / page unload). */
  destroy(): void {
    if (this.view.phase === 'destroyed') return;
    this.view.phase = 'destroyed';
    this.#abort.abort();
    void this.#host.logout();
    this.#ui.unmount();
    this.emitter.clear();
  }
}

function report(error: unknown): void {
  const message =
    typeof error === 'object' && error !== null && 'errorMsg' in error ? error.errorMsg : error;
  console.warn('[tccc fake SDK]', message);
}
