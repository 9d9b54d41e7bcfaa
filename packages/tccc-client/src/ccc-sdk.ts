/**
 * The one place that touches tencentcloud-sdk-nodejs.
 *
 * Imports only the CCC client module: the package root loads all 262 services (~0.5 s at
 * start-up). The package has no `exports` map, so the deep path with `.js` resolves under
 * NodeNext, and its `.d.ts` sits beside it.
 *
 * `CccActions` lists the actions the app uses, each typed by the SDK's own models. Adding
 * one (say `DescribeStaffInfoList`) is one entry here and one operation (see tel-cdr.ts).
 */
import { Client } from 'tencentcloud-sdk-nodejs/tencentcloud/services/ccc/v20200210/ccc_client.js';
import type {
  CreateSDKLoginTokenRequest,
  CreateSDKLoginTokenResponse,
  DescribeSkillGroupInfoListRequest,
  DescribeSkillGroupInfoListResponse,
  DescribeStaffInfoListRequest,
  DescribeStaffInfoListResponse,
  DescribeTelCdrRequest,
  DescribeTelCdrResponse,
} from 'tencentcloud-sdk-nodejs/tencentcloud/services/ccc/v20200210/ccc_models.js';
import type { ResolvedConfig } from './config.js';

export type {
  IVRKeyPressedElement,
  SeatUserInfo,
  ServeParticipant,
  SkillGroupInfoItem,
  StaffInfo,
  TelCdrInfo,
} from 'tencentcloud-sdk-nodejs/tencentcloud/services/ccc/v20200210/ccc_models.js';
export type {
  CreateSDKLoginTokenRequest,
  CreateSDKLoginTokenResponse,
  DescribeSkillGroupInfoListRequest,
  DescribeSkillGroupInfoListResponse,
  DescribeStaffInfoListRequest,
  DescribeStaffInfoListResponse,
  DescribeTelCdrRequest,
  DescribeTelCdrResponse,
};

/** The cloud API actions the client sends, with the SDK's request and response models. */
export interface CccActions {
  CreateSDKLoginToken: {
    request: CreateSDKLoginTokenRequest;
    response: CreateSDKLoginTokenResponse;
  };
  DescribeTelCdr: { request: DescribeTelCdrRequest; response: DescribeTelCdrResponse };
  DescribeSkillGroupInfoList: {
    request: DescribeSkillGroupInfoListRequest;
    response: DescribeSkillGroupInfoListResponse;
  };
  DescribeStaffInfoList: {
    request: DescribeStaffInfoListRequest;
    response: DescribeStaffInfoListResponse;
  };
}

export type CccAction = keyof CccActions;

export interface SendOptions {
  signal: AbortSignal;
  /** Sent as X-TC-TraceId, so the caller knows it even when no answer comes back. */
  traceId: string;
}

/** Sends one signed request of `action` and resolves to TCCC's `Response` object. */
export type SendCcc = <A extends CccAction>(
  action: A,
  request: CccActions[A]['request'],
  options: SendOptions,
) => Promise<CccActions[A]['response']>;

/** Builds the SDK client once; the returned function reuses it for every call. */
export function createCccApi(config: ResolvedConfig): SendCcc {
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
  return (action, request, { signal, traceId }) =>
    client.request(action, request, {
      signal,
      headers: { 'X-TC-TraceId': traceId },
    });
}
