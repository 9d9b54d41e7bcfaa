/**
 * The hostile-request corpus of the demo server: one entry per nasty request, with the
 * answer its route documents. Used by hostile-input.test.ts against a real loopback server;
 * reusable against a deployed one (nothing here depends on how the server was started).
 *
 * `raw` requests go over a bare socket (rawRequest) because fetch refuses or normalises
 * them: CR/LF and NUL bytes in header values, `/../` paths, invalid UTF-8, lying lengths.
 *
 * Expectations:
 * - `problem`: the app answered an RFC 9457 problem with this status and code;
 * - `parser`: refused before the app saw the request, by Node's HTTP parser or by the
 *   request guard of @tccc-kit/http-refusals (Host, request target, Expect, CONNECT), also
 *   in the middle of a chunked body; answered as a problem with this status and code and
 *   `Connection: close` (src/http/client-error.ts): that is where malformed HTTP must stop;
 * - `index`: a GET the console's SPA fallback answers with index.html (documented in
 *   src/web/web-app.ts), never a file from outside the dist folder;
 * - `ok`: the route ignores the hostile part and answers as usual (e.g. /healthz).
 */
import { API_BODY_LIMIT_BYTES } from '../../src/app.js';

export type Expected =
  | { kind: 'problem'; status: number; code: string }
  | { kind: 'parser'; status: number; code: string }
  | { kind: 'index' }
  | { kind: 'ok'; status: 200 | 204 };

export interface HostileRequest {
  name: string;
  method: string;
  /** Sent as-is on the request line for raw requests. */
  path: string;
  /** `{PORT}` in a value is replaced by the server's port. A `host` here replaces the default one. */
  headers?: Record<string, string>;
  /** Raw requests only: send no Host header at all. */
  omitHost?: boolean;
  body?: string | Buffer;
  /** Add the browser's same-origin headers (Origin, Sec-Fetch-Site). Default true. */
  sameOrigin?: boolean;
  /** Send the session cookie of a signed-in agent. */
  signedIn?: boolean;
  /** Over a bare socket: the request line and headers exactly as given. */
  raw?: boolean;
  expect: Expected;
}

const json = { 'content-type': 'application/json' };
const problem = (status: number, code: string): Expected => ({ kind: 'problem', status, code });
const invalidBody = problem(400, 'invalid_body');
const wrongCredentials = problem(401, 'invalid_credentials');
const credentials = (email: unknown, password: unknown = 'not the password') =>
  JSON.stringify({ email, password });

/** 8,000 levels of nesting, just under the body limit: deep enough to break recursive code. */
const DEPTH = 8_000;
const deepArray = `${'['.repeat(DEPTH)}${']'.repeat(DEPTH)}`;
const deepObject = `${'{"a":'.repeat(DEPTH / 4)}1${'}'.repeat(DEPTH / 4)}`;

const signIn = (
  name: string,
  body: string | Buffer,
  expect: Expected,
  headers: Record<string, string> = json,
): HostileRequest =>
  ({
    name: `sign-in: ${name}`,
    method: 'POST',
    path: '/api/session',
    headers,
    body,
    expect,
  }) as const;

const sdkUrl = (name: string, init: Partial<HostileRequest>, expect: Expected): HostileRequest => ({
  name: `sdk-url: ${name}`,
  method: 'POST',
  path: '/api/tccc/sdk-url',
  signedIn: true,
  ...init,
  expect,
});

export const BROKEN_AND_NESTED_JSON: HostileRequest[] = [
  signIn('truncated JSON', '{"email": "agent@example.com", "pass', invalidBody),
  signIn('a bare NUL byte', '\u0000', invalidBody),
  signIn('JSON with a trailing comma', '{"email":"a@b.c","password":"x",}', invalidBody),
  signIn('NaN, not JSON', '{"email":NaN}', invalidBody),
  signIn(`arrays nested ${DEPTH} deep`, deepArray, invalidBody),
  signIn(`objects nested ${DEPTH / 4} deep`, deepObject, invalidBody),
  signIn('invalid UTF-8 bytes', Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]), invalidBody),
  sdkUrl('truncated JSON', { headers: json, body: '{"seat' }, invalidBody),
  sdkUrl(
    `arrays nested ${DEPTH} deep`,
    { headers: json, body: deepArray },
    {
      kind: 'ok',
      status: 200,
    },
  ),
];

export const WRONG_TYPES: HostileRequest[] = [
  signIn('a JSON string', '"agent@example.com"', invalidBody),
  signIn('JSON null', 'null', invalidBody),
  signIn('a JSON array', '["agent@example.com","x"]', invalidBody),
  signIn('a number as email', credentials(42), invalidBody),
  signIn('an object as email', credentials({ $ne: null }), invalidBody),
  signIn('an array as password', credentials('agent@example.com', ['a', 'b']), invalidBody),
  signIn('a boolean as password', credentials('agent@example.com', true), invalidBody),
  signIn('an empty object', '{}', invalidBody),
];

export const HUGE: HostileRequest[] = [
  signIn('a 15 KB email', credentials('a'.repeat(15_000)), invalidBody),
  signIn('a 2 KB password', credentials('agent@example.com', 'p'.repeat(2_048)), invalidBody),
  signIn(
    'a body over the limit',
    credentials('a'.repeat(API_BODY_LIMIT_BYTES + 1)),
    problem(413, 'payload_too_large'),
  ),
  {
    name: 'sign-in: a Content-Length of 1 GB with a few bytes sent',
    method: 'POST',
    path: '/api/session',
    headers: { ...json, 'content-length': String(1024 ** 3) },
    body: '{"email":',
    raw: true,
    expect: problem(413, 'payload_too_large'),
  },
  {
    name: 'sdk-url: a chunked body over the limit (no Content-Length)',
    method: 'POST',
    path: '/api/tccc/sdk-url',
    signedIn: true,
    headers: { ...json, 'transfer-encoding': 'chunked' },
    body: `${(API_BODY_LIMIT_BYTES * 2).toString(16)}\r\n${' '.repeat(API_BODY_LIMIT_BYTES * 2)}\r\n0\r\n\r\n`,
    raw: true,
    expect: problem(413, 'payload_too_large'),
  },
  {
    name: 'healthz: a 7 KB query string',
    method: 'GET',
    path: `/healthz?q=${'x'.repeat(7_000)}`,
    expect: { kind: 'ok', status: 200 },
  },
  {
    name: 'a header section over 16 KB',
    method: 'GET',
    path: '/api/session',
    headers: { 'x-padding': 'x'.repeat(20_000) },
    raw: true,
    expect: { kind: 'parser', status: 431, code: 'headers_too_large' },
  },
];

export const CONTENT_TYPES_AND_METHODS: HostileRequest[] = [
  signIn('text/plain', credentials('agent@example.com'), problem(415, 'unsupported_media_type'), {
    'content-type': 'text/plain',
  }),
  signIn('a form post', 'email=a&password=b', problem(415, 'unsupported_media_type'), {
    'content-type': 'application/x-www-form-urlencoded',
  }),
  signIn('multipart', '--x\r\n\r\n--x--', problem(415, 'unsupported_media_type'), {
    'content-type': 'multipart/form-data; boundary=x',
  }),
  signIn(
    'no Content-Type',
    credentials('agent@example.com'),
    problem(415, 'unsupported_media_type'),
    {},
  ),
  signIn(
    'a JSON-looking type',
    credentials('agent@example.com'),
    problem(415, 'unsupported_media_type'),
    {
      'content-type': 'application/jsonp',
    },
  ),
  sdkUrl(
    'an XML body',
    { headers: { 'content-type': 'application/xml' }, body: '<a/>' },
    problem(415, 'unsupported_media_type'),
  ),
  {
    name: 'PUT /api/session',
    method: 'PUT',
    path: '/api/session',
    expect: problem(405, 'method_not_allowed'),
  },
  {
    name: 'PATCH /api/session',
    method: 'PATCH',
    path: '/api/session',
    expect: problem(405, 'method_not_allowed'),
  },
  {
    name: 'GET /api/tccc/sdk-url',
    method: 'GET',
    path: '/api/tccc/sdk-url',
    expect: problem(405, 'method_not_allowed'),
  },
  {
    name: 'DELETE /api/tccc/sdk-url',
    method: 'DELETE',
    path: '/api/tccc/sdk-url',
    signedIn: true,
    expect: problem(405, 'method_not_allowed'),
  },
  {
    name: 'POST /healthz',
    method: 'POST',
    path: '/healthz',
    expect: problem(405, 'method_not_allowed'),
  },
  {
    name: 'an unknown method',
    method: 'BREW',
    path: '/api/session',
    raw: true,
    expect: { kind: 'parser', status: 400, code: 'malformed_request' },
  },
  {
    name: 'an unknown API path',
    method: 'POST',
    path: '/api/admin',
    headers: json,
    body: '{}',
    expect: problem(404, 'not_found'),
  },
  {
    name: 'sign-in from another site',
    method: 'POST',
    path: '/api/session',
    headers: { ...json, origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
    sameOrigin: false,
    body: credentials('agent@example.com'),
    expect: problem(403, 'cross_site_request'),
  },
  {
    name: 'sdk-url from Origin: null',
    method: 'POST',
    path: '/api/tccc/sdk-url',
    signedIn: true,
    sameOrigin: false,
    headers: { origin: 'null' },
    expect: problem(403, 'cross_site_request'),
  },
];

export const HEADER_INJECTION: HostileRequest[] = [
  {
    name: 'a bare LF inside a header value',
    method: 'GET',
    path: '/api/session',
    headers: { 'x-note': 'a\nSet-Cookie: tccc_session=forged' },
    raw: true,
    expect: { kind: 'parser', status: 400, code: 'malformed_request' },
  },
  {
    name: 'a bare CR inside a header value',
    method: 'GET',
    path: '/api/session',
    headers: { 'x-note': 'a\rInjected: yes' },
    raw: true,
    expect: { kind: 'parser', status: 400, code: 'malformed_request' },
  },
  {
    name: 'a NUL byte inside a header value',
    method: 'GET',
    path: '/api/session',
    headers: { 'x-note': 'a\u0000b' },
    raw: true,
    expect: { kind: 'parser', status: 400, code: 'malformed_request' },
  },
  {
    name: 'an obsolete folded header line',
    method: 'GET',
    path: '/api/session',
    headers: { 'x-note': 'first\r\n second' },
    raw: true,
    expect: { kind: 'parser', status: 400, code: 'malformed_request' },
  },
  {
    name: 'Content-Length and Transfer-Encoding together (request smuggling)',
    method: 'POST',
    path: '/api/session',
    headers: { ...json, 'content-length': '4', 'transfer-encoding': 'chunked' },
    body: '0\r\n\r\nGET /healthz HTTP/1.1\r\nHost: x\r\n\r\n',
    raw: true,
    expect: { kind: 'parser', status: 400, code: 'malformed_request' },
  },
  {
    name: 'two Content-Length headers',
    method: 'POST',
    path: '/api/session',
    headers: { ...json, 'content-length': '2', 'Content-Length': '40' },
    body: '{}',
    raw: true,
    expect: { kind: 'parser', status: 400, code: 'malformed_request' },
  },
  {
    name: 'a request id made to be echoed into headers and logs',
    method: 'POST',
    path: '/api/tccc/sdk-url',
    headers: { 'x-request-id': '<script>alert(1)</script>; Set-Cookie: a=b' },
    expect: problem(401, 'not_signed_in'),
  },
  {
    name: 'a 200-character request id (replaced, not echoed)',
    method: 'POST',
    path: '/api/tccc/sdk-url',
    headers: { 'x-request-id': 'a'.repeat(200) },
    expect: problem(401, 'not_signed_in'),
  },
  {
    name: 'a forged session cookie',
    method: 'POST',
    path: '/api/tccc/sdk-url',
    headers: { cookie: 'tccc_session=YWdlbnRAZXhhbXBsZS5jb20.AAAA; tccc_session=x' },
    expect: problem(401, 'not_signed_in'),
  },
  {
    name: 'a session cookie of Latin-1 bytes',
    method: 'POST',
    path: '/api/tccc/sdk-url',
    headers: { cookie: 'tccc_session=\u00e9\u00ff\u00fe' },
    raw: true,
    expect: problem(401, 'not_signed_in'),
  },
  {
    name: 'a Sec-Fetch-Site list',
    method: 'POST',
    path: '/api/session',
    sameOrigin: false,
    headers: { ...json, 'sec-fetch-site': 'same-origin, cross-site' },
    body: credentials('agent@example.com'),
    expect: problem(403, 'cross_site_request'),
  },
];

export const PATH_TRAVERSAL: HostileRequest[] = [
  ...[
    '/../../../../etc/hosts.txt',
    '/assets/../../package.json',
    '/%2e%2e/%2e%2e/%2e%2e/etc/os-release.d',
    '/assets/%2e%2e/%2e%2e/package.json',
    '/assets/..%2f..%2f..%2fpackage.json',
    '/assets/..%5c..%5cpackage.json',
    '/%2e%2e%2f%2e%2e%2fpackage.json',
    '/assets/%252e%252e/%252e%252e/package.json',
    '//etc/hosts.conf',
    '/..%2f..%2fetc%2fpasswd',
    '/assets/%00.js',
    '/index.html%00.txt',
  ].map(
    (path): HostileRequest => ({
      name: `GET ${path}`,
      method: 'GET',
      path,
      raw: true,
      expect: problem(404, 'not_found'),
    }),
  ),
  // No dot in the last segment: the SPA fallback answers index.html, never the file.
  ...[
    '/../../../../etc/passwd',
    '/%2e%2e/%2e%2e/etc/passwd',
    '//etc/passwd',
    '/%2e%2e',
    '/%E2%80%AEevil',
  ].map(
    (path): HostileRequest => ({
      name: `GET ${path} (the SPA fallback)`,
      method: 'GET',
      path,
      raw: true,
      expect: { kind: 'index' },
    }),
  ),
  {
    name: 'POST /api/../api/session',
    method: 'POST',
    path: '/api/../api/session',
    raw: true,
    headers: json,
    body: credentials('agent@example.com'),
    expect: wrongCredentials,
  },
  {
    name: 'an encoded slash in an API path',
    method: 'POST',
    path: '/api%2ftccc%2fsdk-url',
    signedIn: true,
    raw: true,
    expect: problem(404, 'not_found'),
  },
  {
    name: 'invalid percent-encoding in an API path',
    method: 'GET',
    path: '/api/%ff%fe%zz',
    raw: true,
    expect: problem(404, 'not_found'),
  },
];

export const UNICODE: HostileRequest[] = [
  signIn('an RTL override in the email', credentials('\u202eagent@example.com'), wrongCredentials),
  signIn('a NUL in the email', credentials('agent@example.com\u0000'), wrongCredentials),
  signIn(
    'a lone surrogate in the password',
    credentials('agent@example.com', '\ud800'),
    wrongCredentials,
  ),
  signIn(
    'a lone low surrogate as raw JSON escape',
    '{"email":"\\udfff","password":"x"}',
    wrongCredentials,
  ),
  signIn(
    'zero-width and combining characters',
    credentials('a\u200dg\u0301ent@example.com'),
    wrongCredentials,
  ),
  // Request.text() decodes UTF-8 and drops a leading BOM, as the Encoding standard says.
  signIn('a BOM before the JSON', `\ufeff${credentials('agent@example.com')}`, wrongCredentials),
  {
    name: 'a NUL in the path',
    method: 'GET',
    path: '/api/session%00',
    raw: true,
    expect: problem(404, 'not_found'),
  },
];

export const PROTOTYPE_POLLUTION: HostileRequest[] = [
  signIn(
    '__proto__ key',
    '{"__proto__":{"polluted":"yes","email":"agent@example.com"},"password":"x"}',
    invalidBody,
  ),
  signIn(
    'constructor.prototype keys',
    '{"constructor":{"prototype":{"polluted":"yes"}},"email":"agent@example.com","password":"x"}',
    wrongCredentials,
  ),
  signIn('__proto__ as email', credentials('__proto__'), wrongCredentials),
  signIn('constructor as email', credentials('constructor', 'x'), wrongCredentials),
  signIn('hasOwnProperty as email', credentials('hasOwnProperty'), wrongCredentials),
  sdkUrl(
    '__proto__ in an ignored body',
    { headers: json, body: '{"__proto__":{"polluted":"yes"},"seatUserId":"agent2@example.com"}' },
    { kind: 'ok', status: 200 },
  ),
  {
    name: 'pollution keys in the query string',
    method: 'GET',
    path: '/healthz?__proto__[polluted]=yes&constructor[prototype][polluted]=yes',
    expect: { kind: 'ok', status: 200 },
  },
  {
    name: 'a cookie named __proto__',
    method: 'POST',
    path: '/api/tccc/sdk-url',
    headers: { cookie: '__proto__=polluted; constructor=x; tccc_session=__proto__' },
    expect: problem(401, 'not_signed_in'),
  },
];

const parser = (status: number, code: string): Expected => ({ kind: 'parser', status, code });

/** Malformed HTTP that Node used to close on silently, or answer bare (issue 13, finding 5). */
export const MALFORMED_HTTP: HostileRequest[] = [
  {
    name: 'Transfer-Encoding: xchunked',
    method: 'POST',
    path: '/api/session',
    headers: { ...json, 'transfer-encoding': 'xchunked' },
    body: '5\r\nhello\r\n0\r\n\r\n',
    raw: true,
    expect: parser(400, 'malformed_request'),
  },
  {
    name: 'a chunk size that overflows 64 bits',
    method: 'POST',
    path: '/api/session',
    headers: { ...json, 'transfer-encoding': 'chunked' },
    body: 'fffffffffffffffffffff\r\nhello\r\n0\r\n\r\n',
    raw: true,
    expect: parser(400, 'malformed_request'),
  },
  {
    name: 'a 20 KB chunk extension',
    method: 'POST',
    path: '/api/session',
    headers: { ...json, 'transfer-encoding': 'chunked' },
    body: `5;${'a'.repeat(20_000)}\r\nhello\r\n0\r\n\r\n`,
    raw: true,
    expect: parser(413, 'payload_too_large'),
  },
  {
    name: 'a backslash traversal in the path',
    method: 'GET',
    path: '/assets\\..\\..\\package.json',
    raw: true,
    expect: parser(400, 'invalid_request_target'),
  },
  {
    name: 'a backslash in an API path',
    method: 'POST',
    path: '/api\\session',
    headers: json,
    body: '{}',
    raw: true,
    expect: parser(400, 'invalid_request_target'),
  },
  {
    name: 'no Host header',
    method: 'GET',
    path: '/api/session',
    omitHost: true,
    raw: true,
    expect: parser(400, 'invalid_host'),
  },
  {
    name: 'a Host that is not host[:port]',
    method: 'GET',
    path: '/api/session',
    headers: { host: 'a b/c' },
    raw: true,
    expect: parser(400, 'invalid_host'),
  },
  {
    name: 'two Host headers',
    method: 'GET',
    path: '/api/session',
    headers: { host: '127.0.0.1:{PORT}', Host: 'evil.example' },
    raw: true,
    expect: parser(400, 'invalid_host'),
  },
  {
    name: 'Expect: bogus',
    method: 'GET',
    path: '/healthz',
    headers: { expect: 'bogus' },
    raw: true,
    expect: parser(417, 'expectation_failed'),
  },
  {
    name: 'CONNECT to another host',
    method: 'CONNECT',
    path: 'internal.example:443',
    headers: { host: 'internal.example:443' },
    raw: true,
    expect: parser(405, 'method_not_allowed'),
  },
  {
    name: 'an oversize upload with Expect: 100-continue (refused before 100 Continue)',
    method: 'POST',
    path: '/api/session',
    headers: { ...json, 'content-length': String(10 * 1024 * 1024), expect: '100-continue' },
    raw: true,
    expect: problem(413, 'payload_too_large'),
  },
];

/** Pages on another host name that reach this server: DNS rebinding (finding 6). */
export const DNS_REBINDING: HostileRequest[] = [
  {
    name: 'sign-in from a rebound host whose Host and Origin agree',
    method: 'POST',
    path: '/api/session',
    sameOrigin: false,
    headers: {
      ...json,
      host: 'evil.example:{PORT}',
      origin: 'http://evil.example:{PORT}',
      'sec-fetch-site': 'same-origin',
    },
    body: credentials('agent@example.com', 'correct horse battery'),
    raw: true,
    expect: problem(403, 'cross_site_request'),
  },
  {
    name: 'sdk-url from a rebound host whose Host and Origin agree',
    method: 'POST',
    path: '/api/tccc/sdk-url',
    signedIn: true,
    sameOrigin: false,
    headers: {
      host: 'evil.example:{PORT}',
      origin: 'http://evil.example:{PORT}',
      'sec-fetch-site': 'same-origin',
    },
    raw: true,
    expect: problem(403, 'cross_site_request'),
  },
  {
    name: 'localhost on another port than the one listened on',
    method: 'POST',
    path: '/api/session',
    sameOrigin: false,
    headers: { ...json, host: 'localhost:1', origin: 'http://localhost:1' },
    body: credentials('agent@example.com', 'correct horse battery'),
    raw: true,
    expect: problem(403, 'cross_site_request'),
  },
];

/** The whole corpus, by family. */
export const HOSTILE_REQUESTS: Record<string, HostileRequest[]> = {
  'broken and deeply nested JSON': BROKEN_AND_NESTED_JSON,
  'wrong types': WRONG_TYPES,
  'huge input': HUGE,
  'wrong content types, methods and origins': CONTENT_TYPES_AND_METHODS,
  'header injection': HEADER_INJECTION,
  'path traversal': PATH_TRAVERSAL,
  unicode: UNICODE,
  'prototype pollution': PROTOTYPE_POLLUTION,
  'malformed HTTP': MALFORMED_HTTP,
  'DNS rebinding': DNS_REBINDING,
};
