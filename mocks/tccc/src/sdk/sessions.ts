import { randomBytes } from 'node:crypto';
import type { ServerEvent, WireAgentStatus } from '@tccc-kit/fake-sdk';
import { SdkError } from './errors.js';

/** One open event stream of an SDK session. */
export interface EventSink {
  send(event: ServerEvent): void;
  close(): void;
}

/** A logged-in fake SDK: one page that loaded the script with a valid token. */
export interface SdkSession {
  /** Secret: never logged nor listed by the control plane. */
  readonly credential: string;
  readonly id: string;
  readonly seatUserId: string;
  readonly sdkAppId: number;
  readonly createdAt: number;
  status: WireAgentStatus;
  /** Status to return to when the current call ends. */
  statusBeforeCall: WireAgentStatus;
  readonly sinks: Set<EventSink>;
  ended: boolean;
}

/** What the control plane may show about a session (no credential). */
export interface SessionView {
  id: string;
  seatUserId: string;
  sdkAppId: number;
  status: WireAgentStatus;
  connected: boolean;
  createdAt: string;
}

export class SessionStore {
  readonly #byCredential = new Map<string, SdkSession>();

  create(init: { id: string; seatUserId: string; sdkAppId: number; now: number }): SdkSession {
    const session: SdkSession = {
      credential: randomBytes(24).toString('base64url'),
      id: init.id,
      seatUserId: init.seatUserId,
      sdkAppId: init.sdkAppId,
      createdAt: init.now,
      status: 'free',
      statusBeforeCall: 'free',
      sinks: new Set(),
      ended: false,
    };
    this.#byCredential.set(session.credential, session);
    return session;
  }

  /** The session of an `Authorization: Bearer <credential>` header, or a 401 SdkError. */
  authenticate(authorization: string | undefined): SdkSession {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
    if (!match?.[1]) {
      throw new SdkError(
        401,
        'SessionInvalid',
        'Missing "Authorization: Bearer <credential>" header; log in with POST /sdk/session first.',
      );
    }
    const session = this.#byCredential.get(match[1]);
    if (!session || session.ended) {
      throw new SdkError(
        401,
        'SessionInvalid',
        'The SDK session is unknown or has ended (the mock may have been reset); load the SDK again with a fresh SDK URL.',
      );
    }
    return session;
  }

  /** The newest session of a seat that has a live event stream. */
  liveSessionOf(seatUserId: string): SdkSession | undefined {
    let newest: SdkSession | undefined;
    for (const session of this.#byCredential.values()) {
      if (session.ended || session.seatUserId !== seatUserId || session.sinks.size === 0) continue;
      if (!newest || session.createdAt >= newest.createdAt) newest = session;
    }
    return newest;
  }

  /** Push an event to every open stream of the session. */
  push(session: SdkSession, event: ServerEvent): void {
    for (const sink of session.sinks) sink.send(event);
  }

  end(session: SdkSession): void {
    session.ended = true;
    for (const sink of session.sinks) sink.close();
    session.sinks.clear();
    this.#byCredential.delete(session.credential);
  }

  list(): SessionView[] {
    return [...this.#byCredential.values()].map((s) => ({
      id: s.id,
      seatUserId: s.seatUserId,
      sdkAppId: s.sdkAppId,
      status: s.status,
      connected: s.sinks.size > 0,
      createdAt: new Date(s.createdAt).toISOString(),
    }));
  }

  clear(): void {
    for (const session of [...this.#byCredential.values()]) this.end(session);
  }
}
