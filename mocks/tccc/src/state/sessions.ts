/**
 * SDK sessions: one per page that loaded the fake SDK with a valid token and logged in. A
 * session holds its bearer credential (a secret: never listed nor exported) and the event
 * streams open to it. The seat's status is on its staff record (staff.ts), not here.
 *
 * A session that ends leaves a short note (why it ended), kept for the newest
 * `maxEndedNotes` sessions, so a page that comes back with the old credential learns it
 * was logged out, taken over or expired rather than "unknown".
 */
import { randomBytes } from 'node:crypto';
import type { ServerEvent, SessionEndReason, WireAgentStatus } from '@tccc-kit/fake-sdk';

/** One open event stream of an SDK session. */
export interface EventSink {
  send(event: ServerEvent): void;
  close(): void;
}

export interface SdkSession {
  readonly id: string;
  /** Secret: never logged, listed nor exported. */
  readonly credential: string;
  readonly sdkAppId: number;
  readonly seatUserId: string;
  /** Epoch ms by the mock clock. */
  readonly createdAt: number;
  /** Open event streams; a session with none is logged in but not listening. */
  readonly sinks: Set<EventSink>;
  /** Origin the page logged in through (the mock as the page sees it), for recording URLs. */
  readonly origin: string;
  /** Epoch ms when its last event stream closed; undefined while one is open (or never was). */
  lostAt?: number;
  /** After-call work in progress: the seat is `arrange` until `until`, then `returnTo`. */
  afterCallWork?: { until: number; returnTo: WireAgentStatus; sessionId: string };
  /** Events pushed while the session was lost, replayed when a stream reopens (bounded). */
  readonly missed: ServerEvent[];
}

/** The most events kept for a lost session to replay ([unconfirmed]: TCCC says nothing). */
export const MAX_MISSED_EVENTS = 100;

/** What the control plane and the state export show of a session (no credential). */
export interface SessionView {
  id: string;
  seatUserId: string;
  sdkAppId: number;
  /** The seat's status (from its staff record). */
  status: string;
  connected: boolean;
  createdAt: string;
  /** When its last event stream closed (ISO-8601), while none is open. */
  lostAt?: string;
}

export function sessionView(session: SdkSession, status: string): SessionView {
  return {
    id: session.id,
    seatUserId: session.seatUserId,
    sdkAppId: session.sdkAppId,
    status,
    connected: session.sinks.size > 0,
    createdAt: new Date(session.createdAt).toISOString(),
    ...(session.lostAt === undefined ? {} : { lostAt: new Date(session.lostAt).toISOString() }),
  };
}

export interface SessionTable {
  create(init: {
    id: string;
    sdkAppId: number;
    seatUserId: string;
    now: number;
    origin: string;
  }): SdkSession;
  get(id: string): SdkSession | undefined;
  byCredential(credential: string): SdkSession | undefined;
  /** Live sessions of a seat, oldest first. */
  ofSeat(sdkAppId: number, seatUserId: string): SdkSession[];
  /** Every live session, oldest first. */
  list(): SdkSession[];
  /**
   * Push an event to every open stream of the session; while the session is lost (its
   * streams closed after being open), keep it to replay when a stream reopens.
   */
  push(session: SdkSession, event: ServerEvent): void;
  /**
   * End a session: `farewell` goes out on its open streams, which then close; its
   * credential stops working and remembers `reason`.
   */
  end(session: SdkSession, reason: SessionEndReason, farewell?: ServerEvent): void;
  /** Why the session of this credential ended, while the note is kept. */
  endedReason(credential: string): SessionEndReason | undefined;
  /** Sessions whose streams are all closed (lost), oldest first. */
  lost(): SdkSession[];
  readonly size: number;
  /** End every session, forgetting the notes too (a reset). */
  clear(): void;
}

export const MAX_ENDED_SESSION_NOTES = 10_000;

export function createSessionTable(maxEndedNotes = MAX_ENDED_SESSION_NOTES): SessionTable {
  const byId = new Map<string, SdkSession>();
  const byCredential = new Map<string, SdkSession>();
  /** credential -> why it ended; Map order is insertion order, so the oldest go first. */
  const endedNotes = new Map<string, SessionEndReason>();

  const close = (session: SdkSession, farewell?: ServerEvent) => {
    for (const sink of [...session.sinks]) {
      if (farewell) sink.send(farewell);
      sink.close();
    }
    session.sinks.clear();
    byId.delete(session.id);
    byCredential.delete(session.credential);
  };

  return {
    create({ id, sdkAppId, seatUserId, now, origin }) {
      const session: SdkSession = {
        id,
        credential: randomBytes(24).toString('base64url'),
        sdkAppId,
        seatUserId,
        createdAt: now,
        sinks: new Set(),
        origin,
        missed: [],
      };
      byId.set(id, session);
      byCredential.set(session.credential, session);
      return session;
    },
    get: (id) => byId.get(id),
    byCredential: (credential) => byCredential.get(credential),
    ofSeat: (sdkAppId, seatUserId) =>
      [...byId.values()].filter(
        (session) => session.sdkAppId === sdkAppId && session.seatUserId === seatUserId,
      ),
    list: () => [...byId.values()],
    push(session, event) {
      for (const sink of session.sinks) sink.send(event);
      if (session.sinks.size === 0 && session.lostAt !== undefined) {
        session.missed.push(event);
        if (session.missed.length > MAX_MISSED_EVENTS) session.missed.shift();
      }
    },
    end(session, reason, farewell) {
      if (!byId.has(session.id)) return;
      close(session, farewell);
      endedNotes.set(session.credential, reason);
      for (const credential of endedNotes.keys()) {
        if (endedNotes.size <= maxEndedNotes) break;
        endedNotes.delete(credential);
      }
    },
    endedReason: (credential) => endedNotes.get(credential),
    lost: () => [...byId.values()].filter((session) => session.lostAt !== undefined),
    get size() {
      return byId.size;
    },
    clear() {
      for (const session of [...byId.values()]) close(session);
      endedNotes.clear();
    },
  };
}
