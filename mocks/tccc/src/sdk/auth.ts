import type { SdkSession } from '../state/sessions.js';
import type { MockStore } from '../state/store.js';
import { SdkError } from './errors.js';

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
  if (!session) {
    throw new SdkError(
      401,
      'SessionInvalid',
      'The SDK session is unknown or has ended (the mock may have been reset, or a newer login of the seat took over); load the SDK again with a fresh SDK URL.',
    );
  }
  return session;
}
