/**
 * Typings of the TCCC Web SDK global, `window.tccc`, as documented in the TCCC Web SDK API
 * reference (cloud.tencent.com/document/product/679/72044, tencentcloud.com 1229/59622).
 *
 * These types are the contract of this repository: the fake SDK served by the mock TCCC is
 * compiled against them. Where the docs are vague the choice is marked [unconfirmed].
 */

/** Agent status: idle, in a call, after-call work, marked busy (outbound only), on a break. */
export type AgentStatus = 'free' | 'busy' | 'arrange' | 'notReady' | 'rest';

/** Where the agent takes the call: web, own mobile, WeChat mini program, SIP desk phone. */
export type ServerType = 'staffSeat' | 'staffPhoneSeat' | 'miniProgramSeat' | 'staffExtensionSeat';

/** The server types a phone call can be served on (the docs leave out `miniProgramSeat`). */
export type CallServerType = Exclude<ServerType, 'miniProgramSeat'>;

/** Result of most SDK methods; `errorMsg` is present only when `status` is `'error'`. */
export interface CommonSDKResponse {
  status: 'success' | 'error';
  errorMsg?: string;
}

/**
 * What a failed `Call.startOutboundCall` rejects with. [unconfirmed] The docs' sample catches
 * `err.errorMsg`; the exact shape of the rejection is not documented.
 */
export interface SDKErrorResponse {
  status: 'error';
  errorMsg: string;
}

/** A step of the IVR menu the caller went through. */
export interface IvrPathItem {
  key: string;
  label: string;
}

/** Identifies one session (call, chat or video). */
export interface SessionRef {
  sessionId: string;
}

// ---------------------------------------------------------------------------------------------
// Events

/** Payload of `tokenExpired`: the SDK URL's token was expired, unknown or already used. */
export interface TokenExpiredEvent {
  message: string;
}

interface CallInBase {
  sessionId: string;
  /** Seconds the offer rings before it is auto-transferred; 0 = never times out. */
  timeout: number;
}

export interface PhoneCallInEvent extends CallInBase {
  type: 'phone';
  calleePhoneNumber: string;
  callerPhoneNumber?: string;
  callerLocation?: string;
  remark?: string;
  ivrPath?: IvrPathItem[];
  /** Masked numbers, when number protection is on. */
  protectedCallee?: string;
  protectedCaller?: string;
  serverType: CallServerType;
}

export interface ImCallInEvent extends CallInBase {
  type: 'im';
  nickname: string;
  avatar?: string;
  remark?: string;
  peerSource?: string;
  channelName?: string;
  clientData?: string;
}

export interface VoipCallInEvent extends CallInBase {
  type: 'voip';
  callee: string;
  calleeRemark?: string;
  /** The caller's openId. */
  userId: string;
  nickname?: string;
  avatar?: string;
  remark?: string;
  peerSource?: string;
  ivrPath?: IvrPathItem[];
}

export interface VideoCallInEvent extends CallInBase {
  type: 'video';
  userId: string;
  nickname?: string;
  avatar?: string;
  remark?: string;
}

export interface InternalCallInEvent extends CallInBase {
  type: 'internal';
  peerUserId: string;
}

/** Payload of `callIn`, discriminated by `type`. */
export type CallInEvent =
  | PhoneCallInEvent
  | ImCallInEvent
  | VoipCallInEvent
  | VideoCallInEvent
  | InternalCallInEvent;

/** Who ended a session: the customer, the agent, an administrator, or a timer. */
export type SessionCloser = 'client' | 'seat' | 'admin' | 'timer';

export interface SessionEndedEvent {
  sessionId: string;
  closeBy: SessionCloser;
  /** Only for phone sessions closed by `admin`. */
  mainReason?: string;
  subReason?: string;
}

export interface CallOutedEvent {
  sessionId: string;
  calleePhoneNumber?: string;
  callerPhoneNumber: string;
  protectedCallee?: string;
  remark?: string;
}

export interface TransferEvent {
  sessionId: string;
  skillGroupId?: string;
  userId?: string;
}

export interface StatusChangedEvent {
  status?: AgentStatus;
}

/**
 * Payload of `connectionLost` [unconfirmed: an event of the fake SDK, not documented by TCCC]:
 * the SDK lost its event stream to the SDK host and is reconnecting on its own. Inbound calls
 * are not received until `connectionRestored`.
 */
export interface ConnectionLostEvent {
  /** What was lost, in words (for logs, not for parsing). */
  reason: string;
}

/**
 * Payload of `connectionRestored` [unconfirmed: an event of the fake SDK]: the event stream
 * is back after a `connectionLost`. It carries nothing.
 */
export type ConnectionRestoredEvent = Record<string, never>;

/**
 * Why the seat's SDK session ended [unconfirmed]: this page called `Agent.offline()`, a newer
 * login of the same seat took over, or the host ended it after the stream stayed lost past
 * its grace period.
 */
export type LoggedOutReason = 'offline' | 'takenOver' | 'expired';

/**
 * Payload of `loggedOut` [unconfirmed: an event of the fake SDK]: the seat's SDK session has
 * ended; this SDK instance receives nothing more. Load the SDK again with a fresh URL.
 */
export interface LoggedOutEvent {
  reason: LoggedOutReason;
}

/** The events TCCC documents, with their payloads: the keys of `tccc.events`. */
export interface TcccDocumentedEventMap {
  /** Carries no payload (listeners receive `undefined`). */
  ready: undefined;
  tokenExpired: TokenExpiredEvent;
  callIn: CallInEvent;
  userAccessed: SessionRef;
  autoTransfer: SessionRef;
  sessionEnded: SessionEndedEvent;
  /** The agent pressed "complete" on an ended session (documented in the older SDK docs). */
  sessionCompleted: SessionRef;
  callOuted: CallOutedEvent;
  calloutAccepted: SessionRef;
  transfer: TransferEvent;
  statusChanged: StatusChangedEvent;
}

/**
 * Events of the fake SDK that TCCC does not document [unconfirmed], declared so that a
 * console can handle them: with the real SDK they may never fire. Subscribe by name
 * (`tccc.on('connectionLost', …)`); they are not among `tccc.events`.
 */
export interface TcccExtensionEventMap {
  connectionLost: ConnectionLostEvent;
  connectionRestored: ConnectionRestoredEvent;
  loggedOut: LoggedOutEvent;
}

/** Every event `tccc.on` accepts, by name, with its payload. */
export interface TcccEventMap extends TcccDocumentedEventMap, TcccExtensionEventMap {}

export type TcccEventName = keyof TcccEventMap;

/**
 * `tccc.events`: each documented event name maps to the same string, so
 * `tccc.events.callIn === 'callIn'`.
 */
export type TcccEvents = { readonly [K in keyof TcccDocumentedEventMap]: K };

export type TcccListener<K extends TcccEventName> = (event: TcccEventMap[K]) => void;

// ---------------------------------------------------------------------------------------------
// Methods

export interface StartOutboundCallOptions {
  phoneNumber: string;
  phoneDesc?: string;
  /** Custom data, returned in the call detail record push. */
  uui?: string;
  skillGroupId?: string;
  callerPhoneNumber?: string;
  servingNumberGroupIds?: string[];
  phoneEncodeType?: 'number';
}

export interface CallResponse {
  sessionId: string;
  calleeLocation?: string;
  calleePhoneNumber: string;
  callerPhoneNumber: string;
  serverType: CallServerType;
  remark?: string;
}

/**
 * What `Call.startOutboundCall` resolves with. [unconfirmed] Inferred from the docs' sample,
 * which reads `res.data.sessionId`; failures reject with an `SDKErrorResponse`.
 */
export interface StartOutboundCallResult {
  status: 'success';
  data: CallResponse;
}

export interface TransferOptions {
  sessionId: string;
  skillGroupId?: string;
  userId?: string;
}

export interface TcccCall {
  /** Rejects with an `SDKErrorResponse` [unconfirmed]. */
  startOutboundCall(options: StartOutboundCallOptions): Promise<StartOutboundCallResult>;
  accept(session: SessionRef): Promise<CommonSDKResponse>;
  /** Sic: the SDK spells it `hungUp`. */
  hungUp(session: SessionRef): Promise<CommonSDKResponse>;
  deleteCall(session: SessionRef): Promise<CommonSDKResponse>;
  muteMic(session: SessionRef): Promise<CommonSDKResponse>;
  unmuteMic(session: SessionRef): Promise<CommonSDKResponse>;
  isMicMuted(session: SessionRef): Promise<CommonSDKResponse>;
  startInternalCall(options: {
    calleeUserId: string;
    useMobile?: boolean;
  }): Promise<CommonSDKResponse>;
  transfer(options: TransferOptions): Promise<CommonSDKResponse>;
  hold(session: SessionRef): Promise<CommonSDKResponse>;
  unHold(session: SessionRef): Promise<CommonSDKResponse>;
  sendDigits(options: { sessionId: string; dtmfText?: string }): Promise<CommonSDKResponse>;
}

export interface TcccChat {
  accept(session: SessionRef): Promise<CommonSDKResponse>;
  end(session: SessionRef): Promise<CommonSDKResponse>;
  transfer(options: TransferOptions): Promise<CommonSDKResponse>;
}

export interface TcccVideo {
  accept(session: SessionRef): Promise<CommonSDKResponse>;
  end(session: SessionRef): Promise<CommonSDKResponse>;
  muteMic(session: SessionRef): Promise<CommonSDKResponse>;
  unmuteMic(session: SessionRef): Promise<CommonSDKResponse>;
  muteVideo(session: SessionRef): Promise<CommonSDKResponse>;
  unmuteVideo(session: SessionRef): Promise<CommonSDKResponse>;
  transfer(options: TransferOptions): Promise<CommonSDKResponse>;
}

/** The statuses an agent can set; `stopNotReady` leaves `notReady`. */
export type SettableAgentStatus = 'free' | 'rest' | 'arrange' | 'notReady' | 'stopNotReady';

export interface TcccAgent {
  online(): void;
  /**
   * Takes the seat offline. Documented as `void`; [unconfirmed] the fake SDK returns a Promise
   * that settles once the host has taken the seat offline (its session ends: `loggedOut`
   * `{reason: 'offline'}`), so a caller can await it under a timeout and still works with
   * the real SDK. `unloadTccc` does exactly that.
   */
  // biome-ignore lint/suspicious/noConfusingVoidType: void, as documented: a real SDK's offline() may return nothing at all
  offline(): void | Promise<CommonSDKResponse>;
  setStatus(options: {
    status: SettableAgentStatus;
    restReason?: string;
  }): Promise<CommonSDKResponse>;
  getStatus(): AgentStatus;
}

export interface TcccDevices {
  isBrowserSupported(): boolean;
  getMicrophones(): Promise<MediaDeviceInfo[]>;
  getSpeakers(): Promise<MediaDeviceInfo[]>;
}

/** Show or hide the SDK's own workbench and floating button (note the lower-case f). */
export interface TcccUI {
  hide(): void;
  show(): void;
  showfloatButton(): void;
  hidefloatButton(): void;
  showWorkbench(): void;
  hideWorkbench(): void;
}

/** The TCCC Web SDK global. It exists after the SDK script loads; use it after `ready`. */
export interface Tccc {
  readonly events: TcccEvents;
  on<K extends TcccEventName>(event: K, listener: TcccListener<K>): void;
  off<K extends TcccEventName>(event: K, listener: TcccListener<K>): void;
  readonly Call: TcccCall;
  readonly Chat: TcccChat;
  readonly Video: TcccVideo;
  readonly Agent: TcccAgent;
  readonly Devices: TcccDevices;
  /** The docs list these under "UI"; they are reached as `tccc.UI.hide()` and so on. */
  readonly UI: TcccUI;
}

declare global {
  interface Window {
    tccc?: Tccc;
  }
}
