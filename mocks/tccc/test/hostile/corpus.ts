/**
 * The hostile-request corpus of the mock TCCC: one entry per nasty request to each of its
 * three surfaces, with the answer that surface documents (README.md, SDK.md):
 *
 * - cloud API `/`: always HTTP 200 and the TCCC envelope `{"Response": {"Error": {"Code"}}}`
 *   (`envelope`), or a success envelope where TCCC ignores the hostile part (`issued`);
 * - SDK host `/sdk/*` and control plane `/__tccc/*`: a 4xx `{"error": {"code", "message"}}`
 *   (`error`); the SDK script itself is served even for a bad token (`script`);
 * - malformed HTTP stops in Node's parser before the mock sees it (`parser`): the server's
 *   clientError handler (src/client-error.ts) answers 400/431 `{"error"}`, `Connection: close`.
 *
 * Flags: `signed` signs the request with the mock's default key (TC3, as the SDK does), so
 * the hostile part reaches the checks behind the signature (`rewriteAuthorization` then
 * spoils the signed header); `sdkSession` sends the credential of a logged-in fake SDK;
 * `raw` goes over a bare socket (see src/testing/raw-http.ts). Requests to /__tccc/ carry
 * the mock's control token, unless `controlToken` says `none` or `wrong`.
 */

export type Expected =
  | { kind: 'envelope'; code: string }
  | { kind: 'issued' }
  | { kind: 'error'; status: number; code: string }
  | { kind: 'script' }
  | { kind: 'parser'; status: 400; code: 'malformed_request' }
  | { kind: 'parser'; status: 431; code: 'headers_too_large' };

export interface HostileRequest {
  name: string;
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  signed?: boolean;
  sdkSession?: boolean;
  raw?: boolean;
  /** For /__tccc/ paths: send no control token, or a wrong one (default: the right one). */
  controlToken?: 'none' | 'wrong';
  /** Changes the Authorization header of a signed request before it is sent. */
  rewriteAuthorization?: (header: string) => string;
  expect: Expected;
}

const SEAT = 'agent@example.com';
const APP = 1400000000;
const json = { 'content-type': 'application/json' };
const envelope = (code: string): Expected => ({ kind: 'envelope', code });
const error = (status: number, code: string): Expected => ({ kind: 'error', status, code });

/** 200,000 levels: deep enough to break any recursive walker, within the 1 MiB cap. */
const DEEP = 200_000;
const deepArray = `${'['.repeat(DEEP)}${']'.repeat(DEEP)}`;
const deepObject = (levels: number) => `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;

/** A signed CreateSDKLoginToken with this JSON body. */
const api = (name: string, body: string | Buffer, expect: Expected): HostileRequest => ({
  name: `cloud API: ${name}`,
  method: 'POST',
  path: '/',
  body,
  signed: true,
  expect,
});
const params = (fields: Record<string, unknown>) =>
  JSON.stringify({ SdkAppId: APP, SeatUserId: SEAT, ...fields });

const sdk = (
  name: string,
  method: string,
  path: string,
  init: Partial<HostileRequest>,
  expect: Expected,
): HostileRequest => ({ name: `sdk: ${name}`, method, path, ...init, expect });

const control = (
  name: string,
  method: string,
  path: string,
  body: string | undefined,
  expect: Expected,
): HostileRequest => ({
  name: `control: ${name}`,
  method,
  path,
  headers: json,
  ...(body === undefined ? {} : { body }),
  expect,
});

export const BROKEN_AND_NESTED_JSON: HostileRequest[] = [
  api('truncated JSON', '{"SdkAppId": 14000', envelope('InvalidParameter')),
  api(`arrays nested ${DEEP} deep`, deepArray, envelope('InvalidParameter')),
  api(
    'objects nested 100,000 deep as SdkAppId',
    `{"SdkAppId":${deepObject(100_000)}}`,
    envelope('InvalidParameter'),
  ),
  api(
    'invalid UTF-8',
    Buffer.from([0x7b, 0x22, 0xc3, 0x28, 0x22, 0x3a, 0x31, 0x7d]),
    envelope('InvalidParameter'),
  ),
  sdk(
    'login with truncated JSON',
    'POST',
    '/sdk/session',
    { headers: json, body: '{"token":' },
    error(400, 'BadRequest'),
  ),
  sdk(
    'login with a JSON array',
    'POST',
    '/sdk/session',
    { headers: json, body: '["token"]' },
    error(400, 'BadRequest'),
  ),
  sdk(
    'status with nested objects',
    'POST',
    '/sdk/agent/status',
    { sdkSession: true, headers: json, body: `{"status":${deepObject(2_000)}}` },
    error(400, 'BadRequest'),
  ),
  control(
    'a fault rule that is not JSON',
    'POST',
    '/__tccc/faults',
    '{target:*}',
    error(400, 'invalid_json'),
  ),
  control(
    'a fault rule that is an array',
    'POST',
    '/__tccc/faults',
    '[{"target":"*","kind":"drop"}]',
    error(400, 'invalid_json'),
  ),
  control(
    'a nested fault target',
    'POST',
    '/__tccc/faults',
    `{"target":${deepObject(10_000)},"kind":"drop"}`,
    error(400, 'invalid_fault'),
  ),
  control('a clock change of null', 'POST', '/__tccc/clock', 'null', error(400, 'invalid_json')),
];

export const WRONG_TYPES: HostileRequest[] = [
  api('SdkAppId as a string', params({ SdkAppId: String(APP) }), envelope('InvalidParameter')),
  api(
    'SdkAppId as Infinity (1e400)',
    `{"SdkAppId":1e400,"SeatUserId":"${SEAT}"}`,
    envelope('InvalidParameter'),
  ),
  api(
    'a negative SdkAppId',
    params({ SdkAppId: -1 }),
    envelope('InvalidParameterValue.InstanceNotExist'),
  ),
  api('SeatUserId as an array', params({ SeatUserId: [SEAT] }), envelope('InvalidParameter')),
  api('SeatUserId as an object', params({ SeatUserId: { $ne: '' } }), envelope('InvalidParameter')),
  api('OnlyOnce as a string', params({ OnlyOnce: 'yes' }), envelope('InvalidParameter')),
  sdk(
    'login with a numeric token',
    'POST',
    '/sdk/session',
    { headers: json, body: '{"token":12345}' },
    error(401, 'TokenMissing'),
  ),
  sdk(
    'status as a number',
    'POST',
    '/sdk/agent/status',
    { sdkSession: true, headers: json, body: '{"status":1}' },
    error(400, 'BadRequest'),
  ),
  sdk(
    'phoneNumber as an array',
    'POST',
    '/sdk/calls/outbound',
    { sdkSession: true, headers: json, body: '{"phoneNumber":["13800138000"]}' },
    error(400, 'BadRequest'),
  ),
  control(
    'times as a string',
    'POST',
    '/__tccc/faults',
    '{"target":"*","kind":"drop","times":"3"}',
    error(400, 'invalid_fault'),
  ),
  control(
    'a fractional times',
    'POST',
    '/__tccc/faults',
    '{"target":"*","kind":"drop","times":1.5}',
    error(400, 'invalid_fault'),
  ),
  control(
    'a probability over 1',
    'POST',
    '/__tccc/faults',
    '{"target":"*","kind":"drop","probability":2}',
    error(400, 'invalid_fault'),
  ),
  control(
    'a status rule of 200',
    'POST',
    '/__tccc/faults',
    '{"target":"*","kind":"status","status":200}',
    error(400, 'invalid_fault'),
  ),
  control(
    'a delay of a year',
    'POST',
    '/__tccc/faults',
    '{"target":"*","kind":"delay","ms":31536000000}',
    error(400, 'invalid_fault'),
  ),
  control(
    'advanceMs as a string',
    'POST',
    '/__tccc/clock',
    '{"advanceMs":"60000"}',
    error(400, 'invalid_field'),
  ),
  control(
    'a negative advanceMs',
    'POST',
    '/__tccc/clock',
    '{"advanceMs":-1}',
    error(400, 'invalid_field'),
  ),
  control(
    'an advanceMs of 1e308',
    'POST',
    '/__tccc/clock',
    '{"advanceMs":1e308}',
    error(400, 'invalid_field'),
  ),
  control(
    'a clock set to 1e300 ms',
    'POST',
    '/__tccc/clock',
    '{"now":1e300}',
    error(400, 'invalid_field'),
  ),
  control(
    'a clock set to the year 275760',
    'POST',
    '/__tccc/clock',
    '{"now":8.64e15}',
    error(400, 'invalid_field'),
  ),
  control(
    'a clock set to a non-date',
    'POST',
    '/__tccc/clock',
    '{"now":"yesterday-ish"}',
    error(400, 'invalid_field'),
  ),
  control(
    'a token for seat 42',
    'POST',
    '/__tccc/tokens',
    '{"seatUserId":42}',
    error(400, 'invalid_field'),
  ),
  control(
    'a token with sdkAppId 1e20',
    'POST',
    '/__tccc/tokens',
    `{"seatUserId":"${SEAT}","sdkAppId":1e20}`,
    error(400, 'invalid_field'),
  ),
  control(
    'an inbound call with timeoutSeconds "10"',
    'POST',
    '/__tccc/calls/inbound',
    `{"seatUserId":"${SEAT}","timeoutSeconds":"10"}`,
    error(400, 'BadRequest'),
  ),
];

export const HUGE: HostileRequest[] = [
  api(
    'a 500 KB SeatUserId',
    params({ SeatUserId: 'a'.repeat(500_000) }),
    envelope('InvalidParameterValue.AccountNotExist'),
  ),
  api(
    'a body over the 1 MiB cap',
    params({ SeatUserId: 'a'.repeat(1_100_000) }),
    envelope('RequestSizeLimitExceeded'),
  ),
  {
    name: 'cloud API: a Content-Length of 1 GB with a few bytes sent',
    method: 'POST',
    path: '/',
    headers: {
      ...json,
      'x-tc-action': 'CreateSDKLoginToken',
      'x-tc-version': '2020-02-10',
      'content-length': String(1024 ** 3),
    },
    body: '{"SdkAppId":',
    raw: true,
    expect: envelope('RequestSizeLimitExceeded'),
  },
  sdk(
    'login body over 16 KiB',
    'POST',
    '/sdk/session',
    { headers: json, body: JSON.stringify({ token: 'a'.repeat(20_000) }) },
    error(413, 'BadRequest'),
  ),
  sdk(
    'a 10 KB token',
    'POST',
    '/sdk/session',
    { headers: json, body: JSON.stringify({ token: 'f'.repeat(10_000) }) },
    error(401, 'TokenUnknown'),
  ),
  sdk(
    'a 1 KB phone description over its limit',
    'POST',
    '/sdk/calls/outbound',
    {
      sdkSession: true,
      headers: json,
      body: JSON.stringify({ phoneNumber: '13800138000', phoneDesc: 'x'.repeat(2_000) }),
    },
    error(400, 'BadRequest'),
  ),
  sdk(
    'an 8 KB bearer credential',
    'GET',
    '/sdk/events',
    { headers: { authorization: `Bearer ${'c'.repeat(8_000)}` } },
    error(401, 'SessionInvalid'),
  ),
  control(
    'a body over 64 KiB',
    'POST',
    '/__tccc/faults',
    JSON.stringify({ target: '*', kind: 'drop', message: 'x'.repeat(70_000) }),
    error(413, 'body_too_large'),
  ),
  control(
    'a 100 KB seat',
    'POST',
    '/__tccc/calls/inbound',
    JSON.stringify({ seatUserId: 'a'.repeat(60_000) }),
    error(400, 'BadRequest'),
  ),
  {
    name: 'a header section over 16 KB',
    method: 'GET',
    path: '/__tccc/clock',
    headers: { 'x-padding': 'x'.repeat(20_000) },
    raw: true,
    expect: { kind: 'parser', status: 431, code: 'headers_too_large' },
  },
];

export const CONTENT_TYPES_AND_METHODS: HostileRequest[] = [
  {
    name: 'cloud API: a signed text/plain body',
    method: 'POST',
    path: '/',
    headers: { 'content-type': 'text/plain' },
    body: params({}),
    signed: true,
    expect: envelope('InvalidParameter'),
  },
  {
    name: 'cloud API: PUT',
    method: 'PUT',
    path: '/',
    headers: json,
    body: params({}),
    expect: envelope('UnsupportedProtocol'),
  },
  {
    name: 'cloud API: PATCH',
    method: 'PATCH',
    path: '/',
    headers: json,
    body: params({}),
    expect: envelope('UnsupportedProtocol'),
  },
  {
    name: 'cloud API: DELETE',
    method: 'DELETE',
    path: '/',
    expect: envelope('UnsupportedProtocol'),
  },
  {
    name: 'cloud API: OPTIONS',
    method: 'OPTIONS',
    path: '/',
    expect: envelope('UnsupportedProtocol'),
  },
  {
    name: 'cloud API: an unknown method',
    method: 'BREW',
    path: '/',
    raw: true,
    expect: { kind: 'parser', status: 400, code: 'malformed_request' },
  },
  {
    name: 'cloud API: a multipart body, unsigned',
    method: 'POST',
    path: '/',
    headers: {
      'content-type': 'multipart/form-data; boundary=x',
      'x-tc-action': 'CreateSDKLoginToken',
      'x-tc-version': '2020-02-10',
      'x-tc-timestamp': '1',
    },
    body: '--x--',
    expect: envelope('AuthFailure.InvalidAuthorization'),
  },
  {
    name: 'cloud API: an action that does not exist',
    method: 'POST',
    path: '/',
    headers: { ...json, 'x-tc-action': 'DescribeEverything', 'x-tc-version': '2020-02-10' },
    body: '{}',
    expect: envelope('InvalidAction'),
  },
  // Routes the SDK host does not have get its own 404, with CORS (src/sdk/routes.ts).
  sdk(
    'PUT /sdk/session',
    'PUT',
    '/sdk/session',
    { headers: json, body: '{}' },
    error(404, 'BadRequest'),
  ),
  sdk('GET /sdk/calls/outbound', 'GET', '/sdk/calls/outbound', {}, error(404, 'BadRequest')),
  sdk(
    'an unknown call action',
    'POST',
    '/sdk/calls/abc/conference',
    { sdkSession: true },
    error(404, 'BadRequest'),
  ),
  sdk(
    'a call action without a session',
    'POST',
    '/sdk/calls/abc/accept',
    {},
    error(401, 'SessionInvalid'),
  ),
  sdk(
    'a Basic authorization',
    'POST',
    '/sdk/agent/status',
    { headers: { ...json, authorization: 'Basic YTpi' }, body: '{"status":"free"}' },
    error(401, 'SessionInvalid'),
  ),
  control('GET /__tccc/reset', 'GET', '/__tccc/reset', undefined, error(404, 'not_found')),
  control('PUT /__tccc/faults', 'PUT', '/__tccc/faults', '{}', error(404, 'not_found')),
  control('an unknown control route', 'POST', '/__tccc/shutdown', '{}', error(404, 'not_found')),
  control(
    'an unknown fault id',
    'DELETE',
    '/__tccc/faults/no-such-rule',
    undefined,
    error(404, 'not_found'),
  ),
];

export const HEADER_INJECTION: HostileRequest[] = [
  ...(
    [
      ['a bare LF in X-TC-Action', { 'x-tc-action': 'CreateSDKLoginToken\nX-Injected: 1' }],
      ['a bare CR in X-TC-TraceId', { 'x-tc-traceid': 'trace\rSet-Cookie: a=b' }],
      ['a NUL in Authorization', { authorization: 'TC3-HMAC-SHA256 Credential=\u0000' }],
      ['a folded header line', { 'x-tc-version': '2020-02-10\r\n 2017-03-12' }],
    ] as const
  ).map(
    ([name, headers]): HostileRequest => ({
      name: `cloud API: ${name}`,
      method: 'POST',
      path: '/',
      headers: { ...json, ...headers },
      body: '{}',
      raw: true,
      expect: { kind: 'parser', status: 400, code: 'malformed_request' },
    }),
  ),
  {
    name: 'cloud API: Content-Length with Transfer-Encoding (smuggling)',
    method: 'POST',
    path: '/',
    headers: { ...json, 'content-length': '5', 'transfer-encoding': 'chunked' },
    body: '0\r\n\r\nPOST /__tccc/reset HTTP/1.1\r\nHost: x\r\n\r\n',
    raw: true,
    expect: { kind: 'parser', status: 400, code: 'malformed_request' },
  },
  {
    name: 'sdk: a LF in the bearer credential',
    method: 'GET',
    path: '/sdk/events',
    headers: { authorization: 'Bearer abc\nX-Admin: 1' },
    raw: true,
    expect: { kind: 'parser', status: 400, code: 'malformed_request' },
  },
  {
    name: 'cloud API: Latin-1 bytes in X-TC-Action',
    method: 'POST',
    path: '/',
    headers: { ...json, 'x-tc-action': 'Create\u00ff\u00feToken', 'x-tc-version': '2020-02-10' },
    body: '{}',
    raw: true,
    expect: envelope('InvalidAction'),
  },
  sdk(
    'a CRLF-looking phone number',
    'POST',
    '/sdk/calls/outbound',
    {
      sdkSession: true,
      headers: json,
      body: JSON.stringify({ phoneNumber: '138\r\nX-Injected: 1' }),
    },
    error(400, 'BadRequest'),
  ),
];

export const PATH_TRAVERSAL: HostileRequest[] = [
  ...[
    '/sdk/../../../etc/passwd',
    '/sdk/%2e%2e/%2e%2e/etc/passwd',
    '/sdk/..%2f..%2fetc%2fpasswd',
    '/sdk/tccc.js/../../../package.json',
    '/sdk/%2e%2e%5c%2e%2e%5cpackage.json',
    '/__tccc/..%2f..%2fpackage.json',
    '/%2e%2e/%2e%2e/etc/passwd',
    '//etc/passwd',
  ].map(
    (path): HostileRequest => ({
      name: `GET ${path}`,
      method: 'GET',
      path,
      raw: true,
      // URL parsing resolves `..` and `%2e%2e` (not encoded slashes); whatever is left
      // matches no route: the SDK host's 404 if it stays under /sdk/, else the mock's.
      expect: new URL(`http://mock${path}`).pathname.startsWith('/sdk/')
        ? error(404, 'BadRequest')
        : error(404, 'not_found'),
    }),
  ),
  sdk(
    'a call id of ../..',
    'POST',
    '/sdk/calls/..%2f..%2f__tccc%2freset/hangup',
    { sdkSession: true, raw: true },
    error(404, 'CallNotFound'),
  ),
  control(
    'a fault id of %2e%2e',
    'DELETE',
    '/__tccc/faults/%2e%2e',
    undefined,
    error(404, 'not_found'),
  ),
  control(
    'a call id with an encoded slash',
    'POST',
    '/__tccc/calls/a%2fb/end',
    undefined,
    error(404, 'CallNotFound'),
  ),
];

export const UNICODE: HostileRequest[] = [
  api(
    'an RTL override in SeatUserId',
    params({ SeatUserId: `\u202e${SEAT}` }),
    envelope('InvalidParameterValue.AccountNotExist'),
  ),
  api(
    'a NUL in SeatUserId',
    params({ SeatUserId: `${SEAT}\u0000` }),
    envelope('InvalidParameterValue.AccountNotExist'),
  ),
  api(
    'a lone surrogate in SeatUserId',
    `{"SdkAppId":${APP},"SeatUserId":"\\ud800"}`,
    envelope('InvalidParameterValue.AccountNotExist'),
  ),
  api('a BOM before the JSON', `\ufeff${params({})}`, { kind: 'issued' }),
  sdk(
    'a lone surrogate token',
    'POST',
    '/sdk/session',
    { headers: json, body: '{"token":"\\udfff"}' },
    error(401, 'TokenUnknown'),
  ),
  sdk(
    'an RTL status',
    'POST',
    '/sdk/agent/status',
    { sdkSession: true, headers: json, body: '{"status":"\u202efree"}' },
    error(400, 'BadRequest'),
  ),
  sdk(
    'a phone number in Arabic-Indic digits',
    'POST',
    '/sdk/calls/outbound',
    { sdkSession: true, headers: json, body: '{"phoneNumber":"\u0661\u0662\u0663\u0664"}' },
    error(400, 'BadRequest'),
  ),
  control(
    'a fault target with NUL',
    'DELETE',
    '/__tccc/faults/%00',
    undefined,
    error(404, 'not_found'),
  ),
  control(
    'an inbound call for a seat with RTL',
    'POST',
    '/__tccc/calls/inbound',
    `{"seatUserId":"\u202e${SEAT}"}`,
    error(409, 'SeatBusy'),
  ),
];

export const PROTOTYPE_POLLUTION: HostileRequest[] = [
  api(
    'params under __proto__',
    `{"__proto__":{"SdkAppId":${APP},"SeatUserId":"${SEAT}"}}`,
    envelope('UnknownParameter'),
  ),
  api(
    'constructor.prototype beside good params',
    params({ constructor: { prototype: { polluted: 'yes' } } }),
    envelope('UnknownParameter'),
  ),
  api(
    '__proto__ as SeatUserId',
    params({ SeatUserId: '__proto__' }),
    envelope('InvalidParameterValue.AccountNotExist'),
  ),
  api(
    'toString as SeatUserId',
    params({ SeatUserId: 'toString' }),
    envelope('InvalidParameterValue.AccountNotExist'),
  ),
  {
    name: 'cloud API: __proto__ as the action',
    method: 'POST',
    path: '/',
    headers: { ...json, 'x-tc-action': '__proto__', 'x-tc-version': '2020-02-10' },
    body: '{}',
    expect: envelope('InvalidAction'),
  },
  {
    name: 'cloud API: constructor as the action',
    method: 'POST',
    path: '/',
    headers: { ...json, 'x-tc-action': 'constructor', 'x-tc-version': '2020-02-10' },
    body: '{}',
    expect: envelope('InvalidAction'),
  },
  sdk(
    'a token under __proto__',
    'POST',
    '/sdk/session',
    { headers: json, body: '{"__proto__":{"token":"abc"}}' },
    error(401, 'TokenMissing'),
  ),
  sdk(
    '__proto__ as a status',
    'POST',
    '/sdk/agent/status',
    { sdkSession: true, headers: json, body: '{"status":"__proto__"}' },
    error(400, 'BadRequest'),
  ),
  sdk(
    'constructor as a call action',
    'POST',
    '/sdk/calls/abc/constructor',
    { sdkSession: true },
    error(404, 'BadRequest'),
  ),
  sdk(
    '__proto__ as a call id',
    'POST',
    '/sdk/calls/__proto__/hangup',
    { sdkSession: true },
    error(404, 'CallNotFound'),
  ),
  sdk(
    '__proto__ as the bearer credential',
    'GET',
    '/sdk/events',
    { headers: { authorization: 'Bearer __proto__' } },
    error(401, 'SessionInvalid'),
  ),
  sdk(
    'a script URL with pollution keys',
    'GET',
    '/sdk/tccc.js?token=__proto__&__proto__[x]=1&constructor[prototype][x]=1',
    {},
    { kind: 'script' },
  ),
  control(
    'a fault rule under __proto__',
    'POST',
    '/__tccc/faults',
    '{"__proto__":{"kind":"hang"},"target":"*"}',
    error(400, 'invalid_fault'),
  ),
  control(
    'a fault kind of __proto__',
    'POST',
    '/__tccc/faults',
    '{"target":"*","kind":"__proto__"}',
    error(400, 'invalid_fault'),
  ),
  control(
    'a fault kind of toString',
    'POST',
    '/__tccc/faults',
    '{"target":"*","kind":"toString"}',
    error(400, 'invalid_fault'),
  ),
  control(
    'a token request with __proto__',
    'POST',
    '/__tccc/tokens',
    `{"seatUserId":"${SEAT}","__proto__":{"onlyOnce":true}}`,
    error(400, 'unknown_field'),
  ),
  control(
    'a clock change with constructor',
    'POST',
    '/__tccc/clock',
    '{"constructor":{"prototype":{"advanceMs":1}}}',
    error(400, 'unknown_field'),
  ),
  control(
    'an inbound call for seat __proto__',
    'POST',
    '/__tccc/calls/inbound',
    '{"seatUserId":"__proto__"}',
    error(409, 'SeatBusy'),
  ),
  control(
    'removing fault __proto__',
    'DELETE',
    '/__tccc/faults/__proto__',
    undefined,
    error(404, 'not_found'),
  ),
];

/**
 * Authorization headers that parse as TC3 but name impossible signed headers: an empty name,
 * a name no HTTP header can have. TCCC answers these with its authorization error; they
 * used to crash the verifier into InternalError.
 */
export const MALFORMED_AUTHORIZATION: HostileRequest[] = [
  ';content-type;host',
  'content-type;;host',
  'content-type;host;',
  'x(y',
  'content-type;host;x(y',
  'content-type;host;a"b',
  'content-type;host;x:y',
  'content-type;host;\u00e9',
].map((names) => ({
  name: `cloud API: SignedHeaders=${names}`,
  method: 'POST',
  path: '/',
  body: params({}),
  signed: true,
  rewriteAuthorization: (header: string) =>
    header.replace('SignedHeaders=content-type;host', `SignedHeaders=${names}`),
  expect: envelope('AuthFailure.InvalidAuthorization'),
}));

/** The control plane's door: no token, a wrong one, a cross-site text/plain body. */
export const CONTROL_PLANE_DOOR: HostileRequest[] = [
  {
    ...control(
      'minting an SDK URL without the control token',
      'POST',
      '/__tccc/tokens',
      JSON.stringify({ seatUserId: SEAT }),
      error(401, 'control_token_required'),
    ),
    controlToken: 'none',
  },
  {
    ...control(
      'listing tokens with a wrong control token',
      'GET',
      '/__tccc/tokens',
      undefined,
      error(401, 'control_token_invalid'),
    ),
    controlToken: 'wrong',
  },
  {
    ...control(
      'a reset without the control token',
      'POST',
      '/__tccc/reset',
      undefined,
      error(401, 'control_token_required'),
    ),
    controlToken: 'none',
  },
  {
    name: 'control: a cross-site text/plain POST (what a web page can send)',
    method: 'POST',
    path: '/__tccc/tokens',
    headers: { 'content-type': 'text/plain;charset=UTF-8' },
    body: JSON.stringify({ seatUserId: SEAT }),
    controlToken: 'none',
    expect: error(401, 'control_token_required'),
  },
  {
    name: 'control: a text/plain body even with the token',
    method: 'POST',
    path: '/__tccc/tokens',
    headers: { 'content-type': 'text/plain' },
    body: JSON.stringify({ seatUserId: SEAT }),
    expect: error(415, 'unsupported_media_type'),
  },
  {
    name: 'control: a form body with the token',
    method: 'POST',
    path: '/__tccc/seed',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'apps=1',
    expect: error(415, 'unsupported_media_type'),
  },
];

/** The whole corpus, by family. */
export const HOSTILE_REQUESTS: Record<string, HostileRequest[]> = {
  'broken and deeply nested JSON': BROKEN_AND_NESTED_JSON,
  'wrong types': WRONG_TYPES,
  'huge input': HUGE,
  'wrong content types and methods': CONTENT_TYPES_AND_METHODS,
  'header injection': HEADER_INJECTION,
  'path traversal': PATH_TRAVERSAL,
  unicode: UNICODE,
  'prototype pollution': PROTOTYPE_POLLUTION,
  'malformed authorization': MALFORMED_AUTHORIZATION,
  'control-plane door': CONTROL_PLANE_DOOR,
};
