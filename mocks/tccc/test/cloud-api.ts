/**
 * Signed cloud API calls answered in-process by a mock (test helper): POST with a JSON body,
 * or GET with the parameters flattened into the query the way tencentcloud-sdk-nodejs does
 * it (`Phones.0=…`). Signed with the mock's own TC3 signer at the mock clock's time.
 */
import { signTc3, tc3Authorization } from '../src/api/signature.js';
import { DEFAULT_SECRET_ID, DEFAULT_SECRET_KEY } from '../src/config/index.js';
import type { MockTccc } from '../src/mock.js';

export const API_ORIGIN = 'https://ccc.tencentcloudapi.com';

/** A cloud API answer's `Response`. */
export type ApiResponse = Record<string, unknown> & {
  RequestId: string;
  Error?: { Code: string; Message: string };
};

/** `{a: {b: [1]}}` → `{"a.b.0": "1"}`, nulls left out (the SDK's mergeData). */
export function flattenParams(value: unknown, prefix = ''): Record<string, string> {
  const flat: Record<string, string> = {};
  if (value === null || value === undefined) return flat;
  if (typeof value === 'object') {
    for (const [key, member] of Object.entries(value)) {
      Object.assign(flat, flattenParams(member, `${prefix}${key}.`));
    }
    return flat;
  }
  flat[prefix.slice(0, -1)] = String(value);
  return flat;
}

export interface CallOptions {
  method?: 'GET' | 'POST';
  /** A raw body instead of JSON.stringify(params) (POST). */
  rawBody?: string;
  /** A raw query instead of the flattened params (GET). */
  rawQuery?: string;
}

export function apiRequest(
  mock: MockTccc,
  action: string,
  params: unknown,
  options: CallOptions = {},
): Request {
  const method = options.method ?? 'POST';
  const timestamp = Math.floor(mock.clock.now() / 1000);
  const query =
    method === 'GET'
      ? (options.rawQuery ??
        new URLSearchParams(flattenParams(params)).toString().replaceAll('+', '%20'))
      : '';
  const payload = method === 'POST' ? (options.rawBody ?? JSON.stringify(params)) : '';
  const contentType = method === 'POST' ? 'application/json' : 'application/x-www-form-urlencoded';
  const signed = signTc3({
    secretKey: DEFAULT_SECRET_KEY,
    service: 'ccc',
    timestamp,
    method,
    query,
    headers: { 'content-type': contentType, host: new URL(API_ORIGIN).hostname },
    payload,
  });
  return new Request(`${API_ORIGIN}/${query ? `?${query}` : ''}`, {
    method,
    headers: {
      'content-type': contentType,
      'x-tc-action': action,
      'x-tc-version': '2020-02-10',
      'x-tc-timestamp': String(timestamp),
      authorization: tc3Authorization(DEFAULT_SECRET_ID, signed),
    },
    ...(method === 'POST' ? { body: payload } : {}),
  });
}

/** The whole answer body (`{"Response": …}`), for structure checks. */
export async function callApiBody(
  mock: MockTccc,
  action: string,
  params: unknown,
  options?: CallOptions,
): Promise<unknown> {
  const response = await mock.fetch(apiRequest(mock, action, params, options));
  if (response.status !== 200) throw new Error(`HTTP ${response.status} from the cloud API`);
  return response.json();
}

/** The answer's `Response`. */
export async function callApi(
  mock: MockTccc,
  action: string,
  params: unknown,
  options?: CallOptions,
): Promise<ApiResponse> {
  return ((await callApiBody(mock, action, params, options)) as { Response: ApiResponse }).Response;
}

/** The Error of a failed call; throws if the call succeeded. */
export async function apiError(
  mock: MockTccc,
  action: string,
  params: unknown,
  options?: CallOptions,
): Promise<{ Code: string; Message: string }> {
  const response = await callApi(mock, action, params, options);
  if (!response.Error) {
    throw new Error(`expected ${action} to fail, got ${JSON.stringify(response).slice(0, 300)}`);
  }
  return response.Error;
}
