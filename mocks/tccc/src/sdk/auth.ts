import { sessionEndedCodes } from '@tccc-kit/fake-sdk';
import type { SdkSession } from '../state/sessions.js';
import type { MockStore } from '../state/store.js';
import { SdkError } from './errors.js';

const endedMessages = {
  offline:
    'This SDK session was logged out (Agent.offline()); load the SDK again with a fresh SDK URL.',
  takenOver:
    'A newer login of this seat took over this SDK session; only the newest page of a seat receives calls. Load the SDK again to take it back.',
  expired:
    'This SDK session expired: its event stream stayed lost longer than the grace period, so the seat went offline. Load the SDK again with a fresh SDK URL.',
} as const;

/**
 * The SDK session of an `Authorization: Bearer <credential>` header, or a 401 SdkError that
 * says what to do. Messages never repeat the credential.
 */
export function sessionOfBearer(store: MockStore, authorization: string | undefined): SdkSession {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
  if (!match?.[1]) {
    throw new SdkError(
      401,
      'SessionInvalid',
      'Missing "Authorization: Bearer <credential>" header; log in with POST /sdk/session first.',
    );
  }
  const session = store.sessions.byCredential(match[1]);
  const ended = session ? undefined : store.sessions.endedReason(match[1]);
  if (ended) throw new SdkError(401, sessionEndedCodes[ended], endedMessages[ended]);
  if (!session) {
    throw new SdkError(
      401,
      'SessionInvalid',
      'The SDK session is unknown (the mock may have been reset); load the SDK again with a fresh SDK URL.',
    );
  }
  return session;
}
