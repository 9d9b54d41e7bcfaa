/**
 * The hostile-request corpus of the Data Push receiver and its token endpoint, in the form
 * of the server's own corpus (test/reliability/hostile-corpus.ts): one entry per nasty
 * request, with the answer its route documents. hostile-push.test.ts sends them over a real
 * loopback socket; the data is plain, so it can be aimed at a deployed receiver too.
 *
 * Expectations:
 * - `push`: refused by the receiver: this HTTP status, `ErrCode` equal to it, this `code`;
 * - `oauth`: refused by the token endpoint with this RFC 6749 `error`;
 * - `problem`: answered by the server around it (405, 404) as problem+json;
 * - `parser`: refused by Node's HTTP parser before the app ran (400 malformed_request, 431
 *   headers_too_large);
 * - `stored`: hostile in form but a valid record: acknowledged with ErrCode 0.
 */
import { PUSH_BODY_LIMIT_BYTES } from '../routes.js';

export type PushExpectation =
  | { kind: 'push'; status: number; code: string }
  | { kind: 'oauth'; status: number; error: string }
  | { kind: 'problem'; status: number; code: string }
  | { kind: 'parser'; status: 400; code: 'malformed_request' }
  | { kind: 'parser'; status: 431; code: 'headers_too_large' }
  | { kind: 'stored' };

export interface HostilePush {
  name: string;
  method?: string;
  /** Path and query; default the CDR push. */
  path?: string;
  headers?: Record<string, string>;
  body?: string;
  /** Send no Authorization (default: valid Basic credentials). */
  anonymous?: boolean;
  /** Over a bare socket, request line and headers exactly as given. */
  raw?: boolean;
  expect: PushExpectation;
}

export const CDR_PATH = '/tccc/push?action=cdr&version=1';
const push = (status: number, code: string): PushExpectation => ({ kind: 'push', status, code });
const invalidBody = push(400, 'push_invalid_body');
const invalidRequest = push(400, 'push_invalid_request');
const unauthorized = push(401, 'push_unauthorized');
const json = { 'content-type': 'application/json;charset=utf8' };

/** A minimal valid CDR with `extra` members. */
const cdr = (extra: string) =>
  `{"SessionId":"hostile-${extra.length}-${Buffer.from(extra).toString('base64url').slice(0, 40)}"${extra ? `,${extra}` : ''}}`;

const DEPTH = 20_000;

export const HOSTILE_PUSHES: Record<string, HostilePush[]> = {
  'broken and strange JSON': [
    { name: 'empty body', headers: json, body: '', expect: invalidBody },
    { name: 'truncated', headers: json, body: '{"SessionId": "a", "Cal', expect: invalidBody },
    { name: 'trailing comma', headers: json, body: '{"SessionId":"a",}', expect: invalidBody },
    { name: 'NaN', headers: json, body: '{"SessionId":"a","Duration":NaN}', expect: invalidBody },
    {
      name: 'a number too large (1e400 is Infinity)',
      headers: json,
      body: cdr('"Duration":1e400'),
      expect: invalidBody,
    },
    {
      name: 'a fraction for an integer',
      headers: json,
      body: cdr('"Direction":0.5'),
      expect: invalidBody,
    },
    { name: 'null body', headers: json, body: 'null', expect: invalidBody },
    { name: 'array body', headers: json, body: '[{"SessionId":"a"}]', expect: invalidBody },
    { name: 'string body', headers: json, body: '"SessionId"', expect: invalidBody },
    {
      name: `${DEPTH} nested arrays as the body`,
      headers: json,
      body: `${'['.repeat(DEPTH)}${']'.repeat(DEPTH)}`,
      expect: invalidBody,
    },
    {
      name: `${DEPTH} nested arrays in an unknown member`,
      headers: json,
      body: cdr(`"Deep":${'['.repeat(DEPTH)}${']'.repeat(DEPTH)}`),
      expect: invalidBody,
    },
    {
      name: 'objects where strings belong',
      headers: json,
      body: cdr('"Caller":{"toString":"x"}'),
      expect: invalidBody,
    },
    { name: 'SeatUser as a list', headers: json, body: cdr('"SeatUser":[]'), expect: invalidBody },
    {
      name: '10,000 legs that are numbers',
      headers: json,
      body: cdr(`"ServeParticipants":[${Array(10_000).fill(1).join(',')}]`),
      expect: invalidBody,
    },
    {
      name: 'invalid UTF-8 bytes',
      headers: json,
      body: '{"SessionId":"\u00ff\u00fe"',
      expect: invalidBody,
    },
  ],
  identifiers: [
    { name: 'no SessionId', headers: json, body: '{"Caller":"1"}', expect: invalidBody },
    {
      name: 'SessionId of 10,000 characters',
      headers: json,
      body: `{"SessionId":"${'x'.repeat(10_000)}"}`,
      expect: invalidBody,
    },
    {
      name: 'SessionId with a NUL',
      headers: json,
      body: '{"SessionId":"a\\u0000b"}',
      expect: invalidBody,
    },
    {
      name: 'SessionId with CR LF',
      headers: json,
      body: '{"SessionId":"a\\r\\nSet-Cookie: x"}',
      expect: invalidBody,
    },
    {
      name: 'SessionId as a number',
      headers: json,
      body: '{"SessionId":12345}',
      expect: invalidBody,
    },
    {
      name: 'SessionId with emoji and RTL marks',
      headers: json,
      body: '{"SessionId":"hostile-\u{1F4DE}\u202Eabc"}',
      expect: { kind: 'stored' },
    },
    {
      name: 'duplicate SessionId keys (last wins, as JSON.parse does)',
      headers: json,
      body: '{"SessionId":"hostile-dup-a","SessionId":"hostile-dup-b"}',
      expect: { kind: 'stored' },
    },
    {
      name: 'X-TCCC-PUSH-UUID of 1,000 characters',
      headers: { ...json, 'x-tccc-push-uuid': 'u'.repeat(1000) },
      body: cdr(''),
      expect: invalidRequest,
    },
    {
      name: 'X-TCCC-PUSH-UUID with spaces and quotes',
      headers: { ...json, 'x-tccc-push-uuid': 'a "b" <c>' },
      body: cdr(''),
      expect: invalidRequest,
    },
  ],
  'prototype pollution': [
    {
      name: '__proto__ member',
      headers: json,
      body: cdr('"__proto__":{"polluted":true}'),
      expect: { kind: 'stored' },
    },
    {
      name: 'constructor.prototype member',
      headers: json,
      body: cdr('"constructor":{"prototype":{"polluted":true}}'),
      expect: { kind: 'stored' },
    },
    {
      name: '__proto__ inside SeatUser',
      headers: json,
      body: cdr(
        '"SeatUser":{"Name":"a","Mail":"b","StaffNumber":"c","__proto__":{"polluted":true}}',
      ),
      expect: { kind: 'stored' },
    },
  ],
  'size and framing': [
    {
      name: `a body over ${PUSH_BODY_LIMIT_BYTES} bytes`,
      headers: json,
      body: cdr(`"Remark":"${'x'.repeat(PUSH_BODY_LIMIT_BYTES)}"`),
      expect: push(413, 'push_payload_too_large'),
    },
    {
      name: 'a chunked body over the limit',
      raw: true,
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' },
      body: `${(PUSH_BODY_LIMIT_BYTES + 10).toString(16)}\r\n${'x'.repeat(PUSH_BODY_LIMIT_BYTES + 10)}\r\n0\r\n\r\n`,
      expect: push(413, 'push_payload_too_large'),
    },
    {
      name: 'Content-Length and Transfer-Encoding both (smuggling)',
      raw: true,
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'Content-Length': '4',
        'Transfer-Encoding': 'chunked',
      },
      body: '0\r\n\r\n',
      expect: { kind: 'parser', status: 400, code: 'malformed_request' },
    },
    {
      name: 'a 30 KB Authorization header',
      headers: { ...json, authorization: `Basic ${'A'.repeat(30_000)}` },
      body: cdr(''),
      expect: { kind: 'parser', status: 431, code: 'headers_too_large' },
      raw: true,
      method: 'POST',
    },
  ],
  'content types': [
    {
      name: 'text/plain',
      headers: { 'content-type': 'text/plain' },
      body: cdr(''),
      expect: push(415, 'push_unsupported_media_type'),
    },
    { name: 'no content type', body: cdr(''), expect: push(415, 'push_unsupported_media_type') },
    {
      name: 'JSON in UTF-16',
      headers: { 'content-type': 'application/json; charset=utf-16' },
      body: cdr(''),
      expect: push(415, 'push_unsupported_media_type'),
    },
    {
      name: 'a form',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'SessionId=a',
      expect: push(415, 'push_unsupported_media_type'),
    },
    {
      name: 'application/jsonp',
      headers: { 'content-type': 'application/jsonp' },
      body: cdr(''),
      expect: push(415, 'push_unsupported_media_type'),
    },
  ],
  'query and path': [
    { name: 'no action', path: '/tccc/push', headers: json, body: cdr(''), expect: invalidRequest },
    {
      name: 'action repeated',
      path: '/tccc/push?action=cdr&action=cdr',
      headers: json,
      body: cdr(''),
      expect: invalidRequest,
    },
    {
      name: 'action with unicode',
      path: '/tccc/push?action=%E2%80%AEcdr',
      headers: json,
      body: cdr(''),
      expect: invalidRequest,
    },
    {
      name: 'action=__proto__',
      path: '/tccc/push?action=__proto__',
      headers: json,
      body: cdr(''),
      expect: invalidRequest,
    },
    {
      name: 'action=toString',
      path: '/tccc/push?action=toString',
      headers: json,
      body: cdr(''),
      expect: invalidRequest,
    },
    {
      name: 'version=1.0',
      path: '/tccc/push?action=cdr&version=1.0',
      headers: json,
      body: cdr(''),
      expect: invalidRequest,
    },
    {
      name: 'GET',
      method: 'GET',
      expect: { kind: 'problem', status: 405, code: 'method_not_allowed' },
    },
    {
      name: 'PUT',
      method: 'PUT',
      headers: json,
      body: cdr(''),
      expect: { kind: 'problem', status: 405, code: 'method_not_allowed' },
    },
    // The URL is resolved before routing: this is POST /api/session, which refuses the body.
    {
      name: 'a traversal out of the receiver',
      path: '/tccc/push/../../api/session',
      raw: true,
      method: 'POST',
      headers: json,
      body: cdr(''),
      expect: { kind: 'problem', status: 400, code: 'invalid_body' },
    },
  ],
  credentials: [
    {
      name: 'no Authorization',
      anonymous: true,
      headers: json,
      body: cdr(''),
      expect: unauthorized,
    },
    {
      name: 'Basic without a colon',
      anonymous: true,
      headers: { ...json, authorization: `Basic ${Buffer.from('nocolon').toString('base64')}` },
      body: cdr(''),
      expect: unauthorized,
    },
    {
      name: 'Basic of 8 KB',
      anonymous: true,
      headers: {
        ...json,
        authorization: `Basic ${Buffer.from(`tccc:${'p'.repeat(6000)}`).toString('base64')}`,
      },
      body: cdr(''),
      expect: unauthorized,
    },
    {
      name: 'Basic with unicode',
      anonymous: true,
      headers: {
        ...json,
        authorization: `Basic ${Buffer.from('tccc:pässwörd').toString('base64')}`,
      },
      body: cdr(''),
      expect: unauthorized,
    },
    {
      name: 'an empty Bearer',
      anonymous: true,
      headers: { ...json, authorization: 'Bearer ' },
      body: cdr(''),
      expect: unauthorized,
    },
    {
      name: 'a lower-case scheme with a wrong password',
      anonymous: true,
      headers: { ...json, authorization: `basic ${Buffer.from('tccc:nope').toString('base64')}` },
      body: cdr(''),
      expect: unauthorized,
    },
    {
      name: 'Digest',
      anonymous: true,
      headers: { ...json, authorization: 'Digest username="tccc"' },
      body: cdr(''),
      expect: unauthorized,
    },
    {
      name: 'CR LF in Authorization (header injection)',
      raw: true,
      method: 'POST',
      anonymous: true,
      headers: { 'Content-Type': 'application/json', Authorization: 'Basic x\rSet-Cookie: y' },
      body: cdr(''),
      expect: { kind: 'parser', status: 400, code: 'malformed_request' },
    },
  ],
  'token endpoint': [
    {
      name: 'JSON body',
      path: '/tccc/push/token',
      headers: { 'content-type': 'application/json' },
      body: '{"grant_type":"client_credentials"}',
      expect: { kind: 'oauth', status: 415, error: 'invalid_request' },
    },
    {
      name: 'a form over 4 KB',
      path: '/tccc/push/token',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `grant_type=client_credentials&x=${'a'.repeat(5000)}`,
      expect: { kind: 'oauth', status: 413, error: 'invalid_request' },
    },
    {
      name: 'grant_type=__proto__',
      path: '/tccc/push/token',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=__proto__',
      expect: { kind: 'oauth', status: 400, error: 'unsupported_grant_type' },
    },
    {
      name: 'broken percent-encoding in Basic',
      path: '/tccc/push/token',
      anonymous: true,
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Basic ${Buffer.from('%E0%A4%A:%zz').toString('base64')}`,
      },
      body: 'grant_type=client_credentials',
      expect: { kind: 'oauth', status: 401, error: 'invalid_client' },
    },
    {
      name: 'client_secret repeated',
      path: '/tccc/push/token',
      anonymous: true,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=client_credentials&client_id=a&client_secret=b&client_secret=c',
      expect: { kind: 'oauth', status: 400, error: 'invalid_request' },
    },
    {
      name: 'GET',
      path: '/tccc/push/token',
      method: 'GET',
      expect: { kind: 'problem', status: 405, code: 'method_not_allowed' },
    },
  ],
};
