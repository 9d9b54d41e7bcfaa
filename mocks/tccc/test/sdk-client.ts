/** The real tencentcloud-sdk-nodejs CCC client, pointed at a mock. Test helper. */
import { ccc } from 'tencentcloud-sdk-nodejs/tencentcloud/services/ccc/index.js';
import { DEFAULT_SECRET_ID, DEFAULT_SECRET_KEY } from '../src/config/index.js';

export interface ClientOptions {
  /** host[:port]; the SDK default (ccc.tencentcloudapi.com) when absent. */
  endpoint?: string;
  protocol?: 'http://' | 'https://';
  secretId?: string;
  secretKey?: string;
  reqMethod?: 'GET' | 'POST';
  signMethod?: 'TC3-HMAC-SHA256' | 'HmacSHA256' | 'HmacSHA1';
  reqTimeoutSeconds?: number;
}

export function cccClient(options: ClientOptions = {}) {
  return new ccc.v20200210.Client({
    credential: {
      secretId: options.secretId ?? DEFAULT_SECRET_ID,
      secretKey: options.secretKey ?? DEFAULT_SECRET_KEY,
    },
    region: '',
    profile: {
      signMethod: options.signMethod ?? 'TC3-HMAC-SHA256',
      httpProfile: {
        ...(options.endpoint ? { endpoint: options.endpoint } : {}),
        protocol: options.protocol ?? 'https://',
        reqMethod: options.reqMethod ?? 'POST',
        reqTimeout: options.reqTimeoutSeconds ?? 10,
      },
    },
  });
}

/** The rejection of a promise, for asserting on SDK exceptions. */
export async function rejection(promise: Promise<unknown>): Promise<{
  code?: string;
  message: string;
  requestId?: string;
  traceId?: string;
  httpCode?: number;
}> {
  try {
    await promise;
  } catch (error) {
    return error as { code?: string; message: string };
  }
  throw new Error('expected the call to fail, but it succeeded');
}
