/**
 * TC3-HMAC-SHA256 (Tencent Cloud API signature v3), written from the published algorithm
 * with node:crypto only, independently of tencentcloud-sdk-nodejs. Proven by the vectors in
 * signature.test.ts (including Tencent's own documented example).
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

export const TC3_ALGORITHM = 'TC3-HMAC-SHA256';

export interface Tc3SignInput {
  secretKey: string;
  /** Product service name, the first label of the API host (e.g. `ccc`). */
  service: string;
  /** X-TC-Timestamp, integer seconds. */
  timestamp: number;
  /** HTTP method, e.g. `POST`. */
  method: string;
  /** Query string exactly as sent, without `?` (empty for POST). */
  query: string;
  /** Every signed header, lower-case name to value (`content-type` and `host` at least). */
  headers: Readonly<Record<string, string>>;
  /** Raw body bytes (empty for GET). */
  payload: string | Uint8Array;
}

export interface Tc3Signature {
  signature: string;
  credentialScope: string;
  signedHeaders: string;
  canonicalRequest: string;
  stringToSign: string;
}

const sha256Hex = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');
const hmac = (key: string | Buffer, data: string) =>
  createHmac('sha256', key).update(data).digest();

/** UTC calendar date (YYYY-MM-DD) of a timestamp in seconds, as the credential scope needs. */
export function tc3Date(timestampSeconds: number): string {
  return new Date(timestampSeconds * 1000).toISOString().slice(0, 10);
}

/** kSigning = HMAC(HMAC(HMAC("TC3"+key, date), service), "tc3_request"). */
export function deriveTc3SigningKey(secretKey: string, date: string, service: string): Buffer {
  const kDate = hmac(`TC3${secretKey}`, date);
  const kService = hmac(kDate, service);
  return hmac(kService, 'tc3_request');
}

export function signTc3(input: Tc3SignInput): Tc3Signature {
  const names = Object.keys(input.headers)
    .map((name) => name.toLowerCase())
    .sort();
  const lowerHeaders = Object.fromEntries(
    Object.entries(input.headers).map(([name, value]) => [name.toLowerCase(), value]),
  );
  const canonicalHeaders = names
    .map((name) => `${name}:${(lowerHeaders[name] ?? '').trim().toLowerCase()}\n`)
    .join('');
  const signedHeaders = names.join(';');
  const canonicalRequest = [
    input.method.toUpperCase(),
    '/',
    input.query,
    canonicalHeaders,
    signedHeaders,
    sha256Hex(input.payload),
  ].join('\n');
  const date = tc3Date(input.timestamp);
  const credentialScope = `${date}/${input.service}/tc3_request`;
  const stringToSign = [
    TC3_ALGORITHM,
    String(input.timestamp),
    credentialScope,
    sha256Hex(canonicalRequest),
  ].join('\n');
  const key = deriveTc3SigningKey(input.secretKey, date, input.service);
  const signature = createHmac('sha256', key).update(stringToSign).digest('hex');
  return { signature, credentialScope, signedHeaders, canonicalRequest, stringToSign };
}

/** The Authorization header value for a signature, with Tencent's `, ` separators. */
export function tc3Authorization(secretId: string, signed: Tc3Signature): string {
  return `${TC3_ALGORITHM} Credential=${secretId}/${signed.credentialScope}, SignedHeaders=${signed.signedHeaders}, Signature=${signed.signature}`;
}

export interface ParsedTc3Authorization {
  secretId: string;
  date: string;
  service: string;
  signedHeaders: string[];
  signature: string;
}

export type AuthorizationParse =
  | { ok: true; value: ParsedTc3Authorization }
  | { ok: false; reason: 'not-tc3' | 'malformed'; detail: string };

/** An HTTP header name (RFC 9110 token). Anything else cannot be looked up, let alone signed. */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

const AUTH_RE =
  /^TC3-HMAC-SHA256\s+Credential=([^,\s]+)\s*,\s*SignedHeaders=([^,\s]+)\s*,\s*Signature=([^,\s]+)$/;

export function parseTc3Authorization(header: string): AuthorizationParse {
  const trimmed = header.trim();
  const algorithm = trimmed.split(/\s/, 1)[0] ?? '';
  if (algorithm !== TC3_ALGORITHM) {
    return { ok: false, reason: 'not-tc3', detail: 'the algorithm is not TC3-HMAC-SHA256' };
  }
  const match = AUTH_RE.exec(trimmed);
  if (!match) {
    return {
      ok: false,
      reason: 'malformed',
      detail: 'it needs Credential, SignedHeaders and Signature, separated by commas',
    };
  }
  const [, credential = '', signedHeaders = '', signature = ''] = match;
  const parts = credential.split('/');
  const [secretId = '', date = '', service = '', terminator = ''] = parts;
  if (parts.length !== 4 || !secretId || terminator !== 'tc3_request') {
    return {
      ok: false,
      reason: 'malformed',
      detail: 'Credential must be <SecretId>/<YYYY-MM-DD>/<service>/tc3_request',
    };
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) {
    return { ok: false, reason: 'malformed', detail: 'the Credential date must be YYYY-MM-DD' };
  }
  if (!service) {
    return { ok: false, reason: 'malformed', detail: 'the Credential service is empty' };
  }
  if (!/^[0-9a-f]{64}$/.test(signature)) {
    return { ok: false, reason: 'malformed', detail: 'Signature must be 64 lower-case hex digits' };
  }
  const names = signedHeaders.split(';');
  if (!names.every((name) => HEADER_NAME.test(name))) {
    return {
      ok: false,
      reason: 'malformed',
      detail:
        'SignedHeaders must be header names separated by ";" (e.g. content-type;host), none empty, each an HTTP token',
    };
  }
  return { ok: true, value: { secretId, date, service, signedHeaders: names, signature } };
}

/** Constant-time comparison of two hex signatures. */
export function signaturesEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}
