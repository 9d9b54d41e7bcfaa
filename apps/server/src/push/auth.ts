/**
 * Who may push: the receiver's own authentication, one of the three TCCC's console offers
 * for Data Push (tccc-reference.md §6.1), configured from the environment (config.ts):
 *
 * - HTTP Basic: `Authorization: Basic base64(user:password)` (RFC 7617);
 * - OAuth 2.0 client credentials: `Authorization: Bearer <token>` from POST /tccc/push/token
 *   (bearer-tokens.ts, token-route.ts);
 * - none, only when `TCCC_PUSH_AUTH=none` says so deliberately.
 *
 * With both Basic and OAuth configured either is accepted (to switch without losing
 * pushes). With nothing configured every push is refused. Credentials are compared in
 * constant time, the user name and the password both, always.
 */
import { constantTimeEqual } from '../auth/authenticator.js';
import { type BearerTokens, createBearerTokens } from './bearer-tokens.js';

export interface PushAuthConfig {
  basic?: { user: string; password: string } | undefined;
  oauth?: { clientId: string; clientSecret: string; tokenTtlSeconds: number } | undefined;
  /** `TCCC_PUSH_AUTH=none`: accept pushes without credentials. */
  none?: boolean | undefined;
}

export type PushAuthResult =
  | { ok: true; principal: string }
  | { ok: false; reason: 'not_configured' }
  | { ok: false; reason: 'unauthorized'; detail: string; challenges: string[] };

export interface PushAuth {
  /** Checks the Authorization header of a push. */
  check(authorization: string | undefined): PushAuthResult;
  /** The OAuth client and its tokens, when OAuth is configured. */
  readonly oauth: { clientId: string; clientSecret: string; tokens: BearerTokens } | undefined;
  /** For the start-up log: `basic`, `oauth`, `basic+oauth`, `none` or `not configured`. */
  readonly description: string;
}

export const PUSH_REALM = 'tccc-push';

/** `Basic base64(a:b)` as [a, b]; undefined when it is not that. */
export function parseBasic(authorization: string): [string, string] | undefined {
  const match = /^Basic[ ]+([A-Za-z0-9+/]+={0,2})[ ]*$/i.exec(authorization);
  if (!match?.[1]) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon === -1 ? undefined : [decoded.slice(0, colon), decoded.slice(colon + 1)];
}

export function createPushAuth(
  config: PushAuthConfig,
  options: { now?: () => number } = {},
): PushAuth {
  const { basic } = config;
  const oauth = config.oauth
    ? {
        clientId: config.oauth.clientId,
        clientSecret: config.oauth.clientSecret,
        tokens: createBearerTokens({
          clientId: config.oauth.clientId,
          clientSecret: config.oauth.clientSecret,
          ttlSeconds: config.oauth.tokenTtlSeconds,
          ...(options.now ? { now: options.now } : {}),
        }),
      }
    : undefined;
  const challenges = [
    ...(basic ? [`Basic realm="${PUSH_REALM}", charset="UTF-8"`] : []),
    ...(oauth ? [`Bearer realm="${PUSH_REALM}"`] : []),
  ];
  const description =
    [basic ? 'basic' : '', oauth ? 'oauth' : ''].filter(Boolean).join('+') ||
    (config.none ? 'none' : 'not configured');
  const unauthorized = (detail: string, bearerError?: string): PushAuthResult => ({
    ok: false,
    reason: 'unauthorized',
    detail,
    challenges: bearerError
      ? challenges.map((challenge) =>
          challenge.startsWith('Bearer') ? `${challenge}, error="${bearerError}"` : challenge,
        )
      : challenges,
  });

  function check(authorization: string | undefined): PushAuthResult {
    if (!basic && !oauth) {
      return config.none
        ? { ok: true, principal: 'none' }
        : { ok: false, reason: 'not_configured' };
    }
    const accepted = [basic ? 'Basic' : '', oauth ? 'Bearer' : ''].filter(Boolean).join(' or ');
    if (!authorization) return unauthorized(`Send credentials (${accepted}).`);
    if (basic && /^Basic /i.test(authorization)) {
      const pair = parseBasic(authorization);
      // Both compared every time, so the time taken tells nothing about which was wrong.
      const userOk = constantTimeEqual(pair?.[0] ?? '', basic.user);
      const passwordOk = constantTimeEqual(pair?.[1] ?? '', basic.password);
      if (pair && userOk && passwordOk) return { ok: true, principal: `basic:${basic.user}` };
      return unauthorized('Wrong user name or password.');
    }
    if (oauth && /^Bearer /i.test(authorization)) {
      const token = authorization.slice('Bearer '.length).trim();
      const verdict = oauth.tokens.verify(token);
      if (verdict.ok) return { ok: true, principal: `oauth:${oauth.clientId}` };
      return unauthorized(
        verdict.reason === 'expired'
          ? 'The bearer token expired; fetch a new one from /tccc/push/token.'
          : 'The bearer token is not valid; fetch one from /tccc/push/token.',
        'invalid_token',
      );
    }
    return unauthorized(`Unsupported Authorization scheme; use ${accepted}.`);
  }

  return { check, oauth, description };
}
