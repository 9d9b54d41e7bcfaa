/**
 * The wire contract between the fake TCCC Web SDK (browser) and the mock TCCC SDK host
 * (mocks/tccc/src/sdk). Both sides import these types, so a change here is checked by the
 * compiler on both ends.
 *
 * Every route is relative to the URL of the SDK script itself (`<origin>/sdk/tccc.js`), so
 * the fake never needs to know where the mock lives: `new URL('session', scriptUrl)`.
 */

/** Route names, relative to the directory of the SDK script (`/sdk/`). */
export const sdkRoutes = {
  /** GET: the SDK script. Query `token` is the one-time login token. */
  script: 'tccc.js',
  /** POST {@link LoginRequest} → {@link LoginResponse}; DELETE ends the session. */
  session: 'session',
  /** GET with `Authorization: Bearer <credential>`: Server-Sent Events ({@link ServerEvent}). */
  events: 'events',
  /** POST {@link SetStatusRequest} → {@link AgentStatusResponse}. */
  agentStatus: 'agent/status',
  /** POST {@link OutboundCallRequest} → {@link OutboundCallResponse}. */
  outboundCall: 'calls/outbound',
} as const;

/** POST `calls/<sessionId>/<action>` → {@link CallStateResponse}. */
export const callActions = ['accept', 'hangup', 'mute', 'unmute', 'hold', 'unhold'] as const;
export type CallAction = (typeof callActions)[number];

/**
 * Agent statuses as the TCCC docs list them. There is no `offline`: `Agent.offline()` sets
 * `notReady` (no inbound offers) and `Agent.online()` sets `free` [unconfirmed].
 */
export type WireAgentStatus = 'free' | 'busy' | 'rest' | 'arrange' | 'notReady';

/** Statuses an agent may ask for with `Agent.setStatus`. `stopNotReady` leaves notReady. */
export const settableStatuses = ['free', 'rest', 'arrange', 'notReady', 'stopNotReady'] as const;
export type SettableStatus = (typeof settableStatuses)[number];

export interface LoginRequest {
  token: string;
}

export interface LoginResponse {
  /** Opaque session credential; sent as `Authorization: Bearer <credential>`. */
  credential: string;
  seatUserId: string;
  sdkAppId: number;
  status: WireAgentStatus;
  /**
   * False when the mock was told (fault `sdk.ready`) to keep this SDK from ever emitting
   * `ready`; the fake then logs in and connects but stays silent.
   */
  emitReady: boolean;
}

export interface SetStatusRequest {
  status: SettableStatus;
  restReason?: string;
}

export interface AgentStatusResponse {
  status: WireAgentStatus;
}

export interface OutboundCallRequest {
  phoneNumber: string;
  phoneDesc?: string;
  uui?: string;
  callerPhoneNumber?: string;
  skillGroupId?: string;
}

export type ServerType = 'staffSeat' | 'staffPhoneSeat' | 'staffExtensionSeat';

export interface OutboundCallResponse {
  sessionId: string;
  calleePhoneNumber: string;
  callerPhoneNumber: string;
  serverType: ServerType;
  remark?: string;
}

export type CallState = 'offered' | 'dialing' | 'talking' | 'ended';

export interface CallStateResponse {
  sessionId: string;
  state: CallState;
  muted: boolean;
  held: boolean;
}

/**
 * The body of every error answer of the SDK host, in the shape the whole mock uses:
 * `{"error": {"code", "message"}}` with a 4xx/5xx status. `message` says what to do next.
 */
export interface SdkErrorBody {
  error: { code: SdkErrorCode | string; message: string };
}

export type SdkErrorCode =
  | 'TokenMissing'
  | 'TokenUnknown'
  | 'TokenExpired'
  | 'TokenUsed'
  | 'SessionInvalid'
  | 'BadRequest'
  | 'CallNotFound'
  | 'CallStateConflict'
  | 'SeatBusy'
  | 'InjectedFault';

export type CloseBy = 'client' | 'seat' | 'admin' | 'timer';

/** Payloads the mock pushes; the SSE `event:` field is the TCCC event name. */
export interface ServerEventMap {
  /** First message on every stream: the connection is live. */
  connected: { status: WireAgentStatus };
  callIn: {
    sessionId: string;
    type: 'phone';
    timeout: number;
    calleePhoneNumber: string;
    callerPhoneNumber: string;
    callerLocation?: string;
    remark?: string;
    serverType: ServerType;
  };
  callOuted: {
    sessionId: string;
    calleePhoneNumber: string;
    callerPhoneNumber: string;
    remark?: string;
  };
  calloutAccepted: { sessionId: string };
  userAccessed: { sessionId: string };
  autoTransfer: { sessionId: string };
  sessionEnded: {
    sessionId: string;
    closeBy: CloseBy;
    type: 'phone';
    /** Seconds of conversation (0 when never connected), by the mock clock. */
    duration: number;
  };
  statusChanged: { status: WireAgentStatus };
}

export type ServerEventName = keyof ServerEventMap;
export type ServerEvent = {
  [K in ServerEventName]: { name: K; payload: ServerEventMap[K] };
}[ServerEventName];
