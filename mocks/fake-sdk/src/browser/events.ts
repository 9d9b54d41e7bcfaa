/**
 * The event names of the fake SDK: the ones TCCC documents (`tccc.events`), the fake's own
 * extension events, which server events reach the page as they are, and how the host's
 * session-ended codes map to `loggedOut` reasons.
 */
import type { ReconnectSettings, ServerEvent, SessionEndReason } from '../protocol.js';
import { sessionEndedCodes } from '../protocol.js';

/** Event names TCCC documents, as `tccc.events.<name>`. */
export const events = {
  ready: 'ready',
  tokenExpired: 'tokenExpired',
  callIn: 'callIn',
  userAccessed: 'userAccessed',
  autoTransfer: 'autoTransfer',
  sessionEnded: 'sessionEnded',
  sessionCompleted: 'sessionCompleted',
  callOuted: 'callOuted',
  calloutAccepted: 'calloutAccepted',
  transfer: 'transfer',
  statusChanged: 'statusChanged',
} as const;

/**
 * Events of this fake that TCCC does not document [unconfirmed], subscribed to by name
 * (`tccc.on('connectionLost', …)`); not among `tccc.events`.
 */
export const extensionEvents = {
  connectionLost: 'connectionLost',
  connectionRestored: 'connectionRestored',
  loggedOut: 'loggedOut',
} as const;

/** Server events that reach the page's listeners as they are (same name, same payload). */
export const forwarded = new Set<ServerEvent['name']>([
  'callIn',
  'userAccessed',
  'autoTransfer',
  'sessionEnded',
  'sessionCompleted',
  'callOuted',
  'calloutAccepted',
  'transfer',
  'statusChanged',
]);

/** Until the login answers with the host's own settings. */
export const defaultReconnect: ReconnectSettings = { initialMs: 1000, maxMs: 5000 };

export const endedCodeReasons = Object.fromEntries(
  Object.entries(sessionEndedCodes).map(([reason, code]) => [code, reason]),
) as Record<string, SessionEndReason>;

export const loggedOutWords: Record<SessionEndReason, string> = {
  offline: 'the seat went offline (Agent.offline())',
  takenOver: 'a newer login of this seat took the session over',
  expired: 'the SDK host ended the session after the connection stayed lost',
};
