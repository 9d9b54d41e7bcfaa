/**
 * The one place that touches tencentcloud-sdk-nodejs.
 *
 * Imports only the CCC client module: the package root loads all 262 services (~0.5 s at
 * start-up). The package has no `exports` map, so the deep path with `.js` resolves under
 * NodeNext, and its `.d.ts` sits beside it.
 */
import { Client } from 'tencentcloud-sdk-nodejs/tencentcloud/services/ccc/v20200210/ccc_client.js';
import type {
  CreateSDKLoginTokenRequest,
  CreateSDKLoginTokenResponse,
} from 'tencentcloud-sdk-nodejs/tencentcloud/services/ccc/v20200210/ccc_models.js';
import type { ResolvedConfig } from './config.js';

export type { CreateSDKLoginTokenRequest, CreateSDKLoginTokenResponse };

export interface SendOptions {
  signal: AbortSignal;
  /** Sent as X-TC-TraceId, so the caller knows it even when no answer comes back. */
  traceId: string;
}

export type CreateSdkLoginToken = (
  request: CreateSDKLoginTokenRequest,
  options: SendOptions,
) => Promise<CreateSDKLoginTokenResponse>;

/** Builds the SDK client once; the returned function reuses it for every call. */
export function createCccApi(config: ResolvedConfig): CreateSdkLoginToken {
  const client = new Client({
    credential: { secretId: config.secretId, secretKey: config.secretKey },
    region: config.region ?? '',
    profile: {
      signMethod: 'TC3-HMAC-SHA256',
      httpProfile: {
        reqMethod: 'POST',
        protocol: config.protocol,
        endpoint: config.host,
        // The client aborts at timeoutMs through the signal; the SDK's own timer (whole
        // seconds) is only a backstop should an injected clock never fire.
        reqTimeout: Math.ceil(config.timeoutMs / 1000) + 1,
      },
    },
  });
  // `request` is the SDK's generic entry point and the only one that accepts a signal.
  return (request, { signal, traceId }) =>
    client.request('CreateSDKLoginToken', request, {
      signal,
      headers: { 'X-TC-TraceId': traceId },
    }) as Promise<CreateSDKLoginTokenResponse>;
}
