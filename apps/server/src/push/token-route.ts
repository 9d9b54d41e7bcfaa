/**
 * POST /tccc/push/token: the OAuth 2.0 token endpoint TCCC's Data Push calls before it
 * pushes with `Authorization: Bearer` (client credentials grant, RFC 6749 §4.4).
 *
 * Request: `application/x-www-form-urlencoded` with `grant_type=client_credentials`; the
 * client authenticates with HTTP Basic (`client_secret_basic`, id and secret form-encoded
 * first, §2.3.1) or with `client_id` and `client_secret` in the body
 * (`client_secret_post`), never both. A `scope` is accepted and ignored: the token grants
 * pushing, nothing else, so none is echoed.
 *
 * Answers (§5.1, §5.2): `200 {"access_token", "token_type": "Bearer", "expires_in"}` with
 * `Cache-Control: no-store` and `Pragma: no-cache`; errors as `{"error",
 * "error_description"}`: 400 `invalid_request` / `unsupported_grant_type` /
 * `unauthorized_client`, 401 `invalid_client` (with `WWW-Authenticate: Basic`).
 */
import type { Context } from 'hono';
import { constantTimeEqual } from '../auth/authenticator.js';
import { PUSH_REALM, type PushAuth, parseBasic } from './auth.js';

export type OAuthErrorCode =
  | 'invalid_request'
  | 'invalid_client'
  | 'unsupported_grant_type'
  | 'unauthorized_client';

export class OAuthError extends Error {
  override readonly name = 'OAuthError';
  constructor(
    readonly error: OAuthErrorCode,
    description: string,
    readonly status: 400 | 401 | 413 | 415 | 429 = 400,
    readonly headers: Record<string, string> = {},
  ) {
    super(description);
  }
}

const NO_CACHE = { 'Cache-Control': 'no-store', Pragma: 'no-cache' };

export function oauthErrorResponse(c: Context, error: OAuthError): Response {
  return c.json({ error: error.error, error_description: error.message }, error.status, {
    ...error.headers,
    ...NO_CACHE,
  });
}

/** RFC 6749 §2.3.1: Basic credentials are form-encoded before base64. */
function formDecode(value: string): string | undefined {
  try {
    return decodeURIComponent(value.replaceAll('+', ' '));
  } catch {
    return undefined;
  }
}

function isForm(contentType: string | undefined): boolean {
  return contentType?.split(';')[0]?.trim().toLowerCase() === 'application/x-www-form-urlencoded';
}

export function tokenHandler(auth: PushAuth) {
  return async (c: Context) => {
    const oauth = auth.oauth;
    if (!oauth) {
      throw new OAuthError(
        'unauthorized_client',
        'OAuth client credentials are not configured on this receiver: set ' +
          'TCCC_PUSH_OAUTH_CLIENT_ID and TCCC_PUSH_OAUTH_CLIENT_SECRET, or push with Basic.',
      );
    }
    if (!isForm(c.req.header('content-type'))) {
      throw new OAuthError(
        'invalid_request',
        'Send the token request as application/x-www-form-urlencoded (RFC 6749 §4.4.2).',
        415,
      );
    }
    const form = new URLSearchParams(await c.req.text());
    for (const name of ['grant_type', 'client_id', 'client_secret', 'scope']) {
      if (form.getAll(name).length > 1) {
        throw new OAuthError('invalid_request', `Parameter ${name} is repeated.`);
      }
    }
    const grantType = form.get('grant_type');
    if (!grantType) throw new OAuthError('invalid_request', 'grant_type is missing.');
    if (grantType !== 'client_credentials') {
      throw new OAuthError(
        'unsupported_grant_type',
        'Only grant_type=client_credentials is supported.',
      );
    }

    const header = c.req.header('authorization');
    const inBody = form.has('client_id') || form.has('client_secret');
    if (header && inBody) {
      throw new OAuthError(
        'invalid_request',
        'Authenticate with the Authorization header or with client_id/client_secret in the body, not both.',
      );
    }
    const challenge = { 'WWW-Authenticate': `Basic realm="${PUSH_REALM}", charset="UTF-8"` };
    let id: string | undefined;
    let secret: string | undefined;
    if (header) {
      const pair = parseBasic(header);
      id = pair && formDecode(pair[0]);
      secret = pair && formDecode(pair[1]);
    } else {
      id = form.get('client_id') ?? undefined;
      secret = form.get('client_secret') ?? undefined;
    }
    if (id === undefined || secret === undefined) {
      throw new OAuthError(
        'invalid_client',
        'Client authentication is missing: send HTTP Basic with the client id and secret, or client_id and client_secret.',
        401,
        challenge,
      );
    }
    // Both compared every time: the time taken tells nothing about which was wrong.
    const idOk = constantTimeEqual(id, oauth.clientId);
    const secretOk = constantTimeEqual(secret, oauth.clientSecret);
    if (!(idOk && secretOk)) {
      throw new OAuthError('invalid_client', 'Unknown client or wrong secret.', 401, challenge);
    }
    const { token, expiresIn } = oauth.tokens.issue();
    return c.json(
      { access_token: token, token_type: 'Bearer', expires_in: expiresIn },
      200,
      NO_CACHE,
    );
  };
}
