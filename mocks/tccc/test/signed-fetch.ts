/** Hand-made cloud API requests, signed with the mock's own TC3 signer (test helper). */

import { signTc3, tc3Authorization } from '../src/api/signature.js';
import { DEFAULT_SECRET_ID, DEFAULT_SECRET_KEY } from '../src/config/index.js';

export interface SignedInit {
  action?: string;
  body?: string | Uint8Array<ArrayBuffer>;
  contentType?: string;
  /** Override the credential scope's service (default: first label of the URL host). */
  service?: string;
  timestamp?: number;
  /** Override the credential scope date. */
  date?: string;
  headers?: Record<string, string>;
}

export function signedRequest(url: string, init: SignedInit = {}): Request {
  const { hostname } = new URL(url);
  const body = init.body ?? '';
  const contentType = init.contentType ?? 'application/json';
  const timestamp = init.timestamp ?? Math.floor(Date.now() / 1000);
  const service = init.service ?? hostname.split('.')[0] ?? '';
  const signed = signTc3({
    secretKey: DEFAULT_SECRET_KEY,
    service,
    timestamp,
    method: 'POST',
    query: '',
    headers: { 'content-type': contentType, host: hostname },
    payload: body,
  });
  const scope = init.date
    ? { ...signed, credentialScope: `${init.date}/${service}/tc3_request` }
    : signed;
  return new Request(url, {
    method: 'POST',
    body,
    headers: {
      'content-type': contentType,
      'x-tc-action': init.action ?? 'CreateSDKLoginToken',
      'x-tc-version': '2020-02-10',
      'x-tc-timestamp': String(timestamp),
      authorization: tc3Authorization(DEFAULT_SECRET_ID, scope),
      ...init.headers,
    },
  });
}
