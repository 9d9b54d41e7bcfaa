/**
 * SDK sessions: one per page that loaded the fake SDK with a valid token and logged in. A
 * session holds its bearer credential (a secret: never listed nor exported) and the event
 * streams open to it. The seat's status is on its staff record (staff.ts), not here.
 */
import { randomBytes } from 'node:crypto';
import type { ServerEvent } from '@tccc-kit/fake-sdk';

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
}

/** What the control plane and the state export show of a session (no credential). */
export interface SessionView {
  id: string;
  seatUserId: string;
  sdkAppId: number;
  /** The seat's status (from its staff record). */
  status: string;
  connected: boolean;
  createdAt: string;
}

export function sessionView(session: SdkSession, status: string): SessionView {
  return {
    id: session.id,
    seatUserId: session.seatUserId,
    sdkAppId: session.sdkAppId,
    status,
    connected: session.sinks.size > 0,
    createdAt: new Date(session.createdAt).toISOString(),
  };
}

export interface SessionTable {
  create(init: { id: string; sdkAppId: number; seatUserId: string; now: number }): SdkSession;
  get(id: string): SdkSession | undefined;
  byCredential(credential: string): SdkSession | undefined;
  /** Live sessions of a seat, oldest first. */
  ofSeat(sdkAppId: number, seatUserId: string): SdkSession[];
  /** Every live session, oldest first. */
  list(): SdkSession[];
  /** Push an event to every open stream of the session. */
  push(session: SdkSession, event: ServerEvent): void;
  /** End a session: its streams close, its credential stops working. */
  end(session: SdkSession): void;
  readonly size: number;
  /** End every session. */
  clear(): void;
}

export function createSessionTable(): SessionTable {
  const byId = new Map<string, SdkSession>();
  const byCredential = new Map<string, SdkSession>();

  const end = (session: SdkSession) => {
    for (const sink of [...session.sinks]) sink.close();
    session.sinks.clear();
    byId.delete(session.id);
    byCredential.delete(session.credential);
  };

  return {
    create({ id, sdkAppId, seatUserId, now }) {
      const session: SdkSession = {
        id,
        credential: randomBytes(24).toString('base64url'),
        sdkAppId,
        seatUserId,
        createdAt: now,
        sinks: new Set(),
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
    },
    end,
    get size() {
      return byId.size;
    },
    clear() {
      for (const session of [...byId.values()]) end(session);
    },
  };
}
