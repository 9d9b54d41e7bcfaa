import type { MockContext } from '../context.js';
import { SdkError } from './errors.js';

export interface LoginGrant {
  seatUserId: string;
  sdkAppId: number;
}

/**
 * Consume an SDK login token. Known, unexpired (by the mock clock) tokens log in; OnlyOnce
 * tokens only the first time. A token issued WITHOUT OnlyOnce may log in again until it
 * expires ([unconfirmed]: the docs say "use once", but the OnlyOnce flag would be pointless if
 * every token were single-use). Error messages never repeat the token.
 */
export function loginWithToken(ctx: MockContext, token: string | undefined): LoginGrant {
  if (!token) {
    throw new SdkError(
      401,
      'TokenMissing',
      'No SDK login token: load the SDK from the SdkURL returned by CreateSDKLoginToken (it carries ?token=).',
    );
  }
  const found = ctx.store.tokens.lookup(token);
  if (!found.ok) {
    switch (found.reason) {
      case 'unknown':
        throw new SdkError(
          401,
          'TokenUnknown',
          'The SDK login token is not one this TCCC issued (or the mock was reset); request a new SdkURL.',
        );
      case 'expired':
        throw new SdkError(
          401,
          'TokenExpired',
          'The SDK login token has expired (SdkURL is valid 10 minutes); request a new SdkURL right before loading the SDK.',
        );
      case 'used':
        throw new SdkError(
          401,
          'TokenUsed',
          'The SDK login token was issued with OnlyOnce and has already been used; request a new SdkURL for every load.',
        );
    }
  }
  ctx.store.tokens.markUsed(token);
  return { seatUserId: found.record.seatUserId, sdkAppId: found.record.sdkAppId };
}
