/**
 * Checking a cloud API request's TC3 signature against the mock's accounts, with TCCC's
 * error codes. Messages start with the live service's text; where the cause is certain,
 * a hint after "(mock: ...)" says what to fix. Secrets never appear in messages.
 */

import { excerpt } from '../quote.js';
import type { AccountTable } from '../state/directory.js';
import { CloudApiError, messages, TcccErrorCode } from './errors.js';
import { parseTc3Authorization, signaturesEqual, signTc3, tc3Date } from './signature.js';

export interface SignedRequest {
  method: string;
  /** Hostname of the request, without port. */
  hostname: string;
  /** Raw query string (no `?`). */
  query: string;
  headers: Headers;
  payload: Uint8Array;
}

export interface VerifyOptions {
  accounts: AccountTable;
  nowMs: number;
  maxSkewSeconds: number;
}

const failure = (hint: string) =>
  new CloudApiError(
    TcccErrorCode.SignatureFailure,
    `${messages.signatureFailure()} (mock: ${hint})`,
  );

/** Returns the SecretId that signed the request; throws CloudApiError otherwise. */
export function verifyTc3Request(request: SignedRequest, options: VerifyOptions): string {
  const rawTimestamp = request.headers.get('x-tc-timestamp');
  if (rawTimestamp === null || rawTimestamp.trim() === '') {
    throw new CloudApiError(TcccErrorCode.MissingParameter, messages.missingParameter('Timestamp'));
  }
  if (!/^\d{1,12}$/.test(rawTimestamp.trim())) {
    throw new CloudApiError(
      TcccErrorCode.InvalidParameter,
      messages.typeError('Timestamp', 'Integer (Unix seconds)'),
    );
  }
  const timestamp = Number(rawTimestamp.trim());

  const header = request.headers.get('authorization');
  if (header === null || header.trim() === '') {
    throw new CloudApiError(
      TcccErrorCode.InvalidAuthorization,
      messages.invalidAuthorization('the header is missing'),
    );
  }
  const parsed = parseTc3Authorization(header);
  if (!parsed.ok) {
    throw new CloudApiError(
      TcccErrorCode.InvalidAuthorization,
      parsed.reason === 'not-tc3'
        ? messages.onlyTc3()
        : messages.invalidAuthorization(parsed.detail),
    );
  }
  const auth = parsed.value;

  if (Math.abs(options.nowMs / 1000 - timestamp) > options.maxSkewSeconds) {
    throw new CloudApiError(TcccErrorCode.SignatureExpire, messages.signatureExpire());
  }

  const account = options.accounts.find(auth.secretId);
  if (!account) {
    throw new CloudApiError(TcccErrorCode.SecretIdNotFound, messages.secretIdNotFound());
  }

  if (auth.date !== tc3Date(timestamp)) {
    throw failure('the Credential date must be the UTC date of X-TC-Timestamp');
  }
  const expectedService = request.hostname.split('.')[0] ?? '';
  if (auth.service !== expectedService) {
    throw failure(
      `the Credential service must be the first label of the host name, "${expectedService}"`,
    );
  }
  const signedNames = auth.signedHeaders.map((name) => name.toLowerCase());
  if (!signedNames.includes('content-type') || !signedNames.includes('host')) {
    throw failure('SignedHeaders must include content-type and host');
  }
  const headers: Record<string, string> = {};
  for (const name of signedNames) {
    if (name === 'host') {
      headers.host = request.hostname;
      continue;
    }
    const value = request.headers.get(name);
    if (value === null) {
      throw failure(`the signed header ${excerpt(name)} is not in the request`);
    }
    headers[name] = value;
  }
  const expected = signTc3({
    secretKey: account.secretKey,
    service: auth.service,
    timestamp,
    method: request.method,
    query: request.query,
    headers,
    payload: request.payload,
  });
  if (!signaturesEqual(expected.signature, auth.signature)) {
    throw failure(
      'check the SecretKey, and that the body, Content-Type and host are sent exactly as signed',
    );
  }
  return auth.secretId;
}
