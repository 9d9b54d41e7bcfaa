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
  /** POST {@link LoginRequest} → {@link LoginResponse}; DELETE (bearer) ends the session. */
  session: 'session',
  /**
   * POST {@link EndSessionRequest} as a CORS-simple request (text/plain JSON, no
   * Authorization header), so it can be sent with `keepalive` or `navigator.sendBeacon`
   * while the page unloads → 204 once the seat is offline.
   */
  endSession: 'session/end',
  /** GET with `Authorization: Bearer <credential>`: Server-Sent Events ({@link ServerEvent}). */
  events: 'events',
  /** POST {@link SetStatusRequest} → {@link AgentStatusResponse}. */
  agentStatus: 'agent/status',
  /** POST {@link OutboundCallRequest} → {@link OutboundCallResponse}. */
  outboundCall: 'calls/outbound',
} as const;

/** POST `calls/<sessionId>/<action>` (no body) → {@link CallStateResponse}. */
export const callActions = [
  'accept',
  'hangup',
  'mute',
  'unmute',
  'hold',
  'unhold',
  'complete',
] as const;
export type CallAction = (typeof callActions)[number];

/** POST `calls/<sessionId>/dtmf` {@link DtmfRequest} → {@link CallStateResponse}. */
export const dtmfRoute = 'dtmf';
/** POST `calls/<sessionId>/transfer` {@link TransferRequest} → {@link CallStateResponse}. */
export const transferRoute = 'transfer';

/**
 * Agent statuses as the TCCC docs list them. A logged-in seat is never `offline`: that is
 * the staff status of a seat with no SDK session (the mock's store, DescribeStaffInfoList).
 */
export type WireAgentStatus = 'free' | 'busy' | 'rest' | 'arrange' | 'notReady';

/** Statuses an agent may ask for with `Agent.setStatus`. `stopNotReady` leaves notReady. */
export const settableStatuses = ['free', 'rest', 'arrange', 'notReady', 'stopNotReady'] as const;
export type SettableStatus = (typeof settableStatuses)[number];

export interface LoginRequest {
  token: string;
}

/** How the fake reconnects a lost event stream; chosen by the mock's `sdk` settings. */
export interface ReconnectSettings {
  /** First wait after the stream is lost, in ms; doubled after each failed attempt. */
  initialMs: number;
  /** The longest wait between attempts, in ms. */
  maxMs: number;
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
  reconnect: ReconnectSettings;
}

export interface EndSessionRequest {
  credential: string;
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

export interface DtmfRequest {
  dtmfText: string;
}

/** Where `Call.transfer` sends the call: an agent, a skill group, or an agent of a group. */
export interface TransferRequest {
  skillGroupId?: string;
  userId?: string;
}

export type ServerType = 'staffSeat' | 'staffPhoneSeat' | 'staffExtensionSeat';

export interface OutboundCallResponse {
  sessionId: string;
  calleePhoneNumber: string;
  callerPhoneNumber: string;
  serverType: ServerType;
  remark?: string;
}

/**
 * Where a call is: in the IVR, waiting in a skill group's queue, ringing at an agent
 * (`offered`), ringing at the customer (`dialing`, outbound), connected, or over.
 */
export type CallState = 'ivr' | 'queued' | 'offered' | 'dialing' | 'talking' | 'ended';

export interface CallStateResponse {
  sessionId: string;
  state: CallState;
  muted: boolean;
  held: boolean;
}

/** A call in progress on the seat, as a page that (re)connects learns it. */
export interface CallSnapshot {
  sessionId: string;
  direction: 'inbound' | 'outbound';
  /** The customer's number. */
  peer: string;
  state: 'offered' | 'dialing' | 'talking';
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
  | 'SessionLoggedOut'
  | 'SessionTakenOver'
  | 'SessionExpired'
  | 'BadRequest'
  | 'CallNotFound'
  | 'CallStateConflict'
  | 'SeatBusy'
  | 'StatusNotAllowed'
  | 'TransferTargetUnavailable'
  | 'InjectedFault';

export type CloseBy = 'client' | 'seat' | 'admin' | 'timer';

/** Why a seat's SDK session ended (the `loggedOut` event). */
export type SessionEndReason = 'offline' | 'takenOver' | 'expired';

/** The 401 code the host answers a credential of a session that ended for `reason`. */
export const sessionEndedCodes = {
  offline: 'SessionLoggedOut',
  takenOver: 'SessionTakenOver',
  expired: 'SessionExpired',
} as const satisfies Record<SessionEndReason, SdkErrorCode>;

export interface IvrStep {
  key: string;
  label: string;
}

/** Payloads the mock pushes; the SSE `event:` field is the event name. */
export interface ServerEventMap {
  /** First message on every stream: the connection is live; the seat's calls in progress. */
  connected: { status: WireAgentStatus; calls: CallSnapshot[] };
  callIn: {
    sessionId: string;
    type: 'phone';
    timeout: number;
    calleePhoneNumber: string;
    callerPhoneNumber: string;
    callerLocation?: string;
    remark?: string;
    ivrPath?: IvrStep[];
    protectedCaller?: string;
    protectedCallee?: string;
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
  transfer: { sessionId: string; skillGroupId?: string; userId?: string };
  sessionEnded: {
    sessionId: string;
    closeBy: CloseBy;
    /** Only with closeBy `admin` (HangUpCall), when the caller gave them. */
    mainReason?: string;
    subReason?: string;
    type: 'phone';
    /** Seconds of conversation (0 when never connected), by the mock clock. */
    duration: number;
  };
  sessionCompleted: { sessionId: string };
  statusChanged: { status: WireAgentStatus };
  /** The session ended; the stream closes right after. */
  loggedOut: { reason: SessionEndReason };
}

export type ServerEventName = keyof ServerEventMap;
export type ServerEvent = {
  [K in ServerEventName]: { name: K; payload: ServerEventMap[K] };
}[ServerEventName];

/** Every name the host sends (the compiler checks the list is complete). */
const eventNameSet: { readonly [K in ServerEventName]: true } = {
  connected: true,
  callIn: true,
  callOuted: true,
  calloutAccepted: true,
  userAccessed: true,
  autoTransfer: true,
  transfer: true,
  sessionEnded: true,
  sessionCompleted: true,
  statusChanged: true,
  loggedOut: true,
};
export const serverEventNames = Object.keys(eventNameSet) as readonly ServerEventName[];
