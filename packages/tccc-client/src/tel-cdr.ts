/**
 * `describeTelCdr({ from, to, pageNumber })`: one page of call-detail records (CDRs) from
 * TCCC's `DescribeTelCdr`, the API to reconcile Data Push against.
 *
 * TCCC's rules, checked before sending so a bad call fails with a message instead of an
 * `InvalidParameterValue`: pages are 0-based, at most 100 records each; the window is under
 * 90 days and starts at most 180 days back. Timestamps are Unix seconds on the wire; here
 * they are Dates (the start is rounded down, the end up, to whole seconds).
 */
import type { Call, Operation } from './call.js';
import type { DescribeTelCdrResponse, TelCdrInfo } from './ccc-sdk.js';
import type { Clock } from './clock.js';
import { TcccApiError } from './errors.js';
import { LOG_EVENTS } from './logger.js';
import { checkPage } from './page.js';

export interface DescribeTelCdrRequest {
  /** Start of the window. */
  from: Date;
  /** End of the window; after `from`, less than 90 days later. */
  to: Date;
  /** 0-based page (default 0). */
  pageNumber?: number;
  /** Records per page, 1 to 100 (default 100). */
  pageSize?: number;
  /** Only calls with these phone numbers. */
  phones?: readonly string[];
  /** Only these sessions. */
  sessionIds?: readonly string[];
  /** Abort the call (queue wait, request and backoff); it then fails with code `Aborted`. */
  signal?: AbortSignal;
}

export interface TelCdrPage {
  /** Records in the whole window (all pages). */
  totalCount: number;
  /** This page's records, as TCCC sent them (TelCdrList). */
  cdrs: TelCdrInfo[];
  pageNumber: number;
  pageSize: number;
  requestId: string;
}

export const TEL_CDR_LIMITS = {
  maxPageSize: 100,
  /** The window must be shorter than this. */
  maxWindowMs: 90 * 24 * 3600_000,
  /** The window may start at most this long ago. */
  maxAgeMs: 180 * 24 * 3600_000,
} as const;

const TEL_CDR = (
  pageNumber: number,
  pageSize: number,
): Operation<'DescribeTelCdr', TelCdrPage> => ({
  action: 'DescribeTelCdr',
  noun: 'DescribeTelCdr request',
  busyAdvice: 'retry in a few seconds, or page with fewer requests in flight.',
  events: { ...LOG_EVENTS.telCdr, succeeded: LOG_EVENTS.telCdr.fetched },
  succeededMessage: 'TCCC call records fetched',
  parse: (response, { traceId }) => parseTelCdrPage(response, traceId, pageNumber, pageSize),
  describe: (page) => ({
    requestId: page.requestId,
    pageNumber: page.pageNumber,
    records: page.cdrs.length,
    totalCount: page.totalCount,
  }),
});

export function parseTelCdrPage(
  response: DescribeTelCdrResponse,
  traceId: string,
  pageNumber: number,
  pageSize: number,
): TelCdrPage {
  const { TotalCount, TelCdrList, TelCdrs, RequestId } = response ?? {};
  // TelCdrs is the deprecated name of TelCdrList; an answer with only the old one is read too.
  const page = checkPage<TelCdrInfo>({
    action: 'DescribeTelCdr',
    listName: 'TelCdrList',
    noun: 'records',
    list: TelCdrList ?? TelCdrs ?? [],
    totalCount: TotalCount,
    requestId: RequestId,
    pageSize,
    traceId,
  });
  return {
    totalCount: page.totalCount,
    cdrs: page.items,
    pageNumber,
    pageSize,
    requestId: page.requestId,
  };
}

const isStringList = (value: unknown) =>
  Array.isArray(value) && value.every((item) => typeof item === 'string' && item !== '');

function checkRequest(request: DescribeTelCdrRequest, now: number): string | undefined {
  if (typeof request !== 'object' || request === null) return 'pass an object { from, to }';
  const { from, to, pageNumber = 0, pageSize = 100, phones, sessionIds, signal } = request;
  if (!(from instanceof Date) || Number.isNaN(from.getTime())) return 'from must be a valid Date';
  if (!(to instanceof Date) || Number.isNaN(to.getTime())) return 'to must be a valid Date';
  const windowMs = to.getTime() - from.getTime();
  if (windowMs <= 0) return 'to must be after from';
  if (windowMs >= TEL_CDR_LIMITS.maxWindowMs) {
    return 'the window from..to must be shorter than 90 days (TCCC refuses longer ones); split it';
  }
  if (from.getTime() < now - TEL_CDR_LIMITS.maxAgeMs) {
    return 'from is more than 180 days ago; TCCC keeps call records queryable for 180 days';
  }
  if (!(Number.isSafeInteger(pageNumber) && pageNumber >= 0)) {
    return 'pageNumber must be a whole number >= 0 (pages are 0-based)';
  }
  if (!(Number.isInteger(pageSize) && pageSize >= 1 && pageSize <= TEL_CDR_LIMITS.maxPageSize)) {
    return `pageSize must be a whole number from 1 to ${TEL_CDR_LIMITS.maxPageSize}`;
  }
  if (phones !== undefined && !isStringList(phones)) return 'phones must be a list of strings';
  if (sessionIds !== undefined && !isStringList(sessionIds)) {
    return 'sessionIds must be a list of strings';
  }
  if (signal !== undefined && !(signal instanceof AbortSignal)) {
    return 'signal must be an AbortSignal';
  }
  return undefined;
}

export function describeTelCdrMethod(call: Call, sdkAppId: number, clock: Clock) {
  return async function describeTelCdr(request: DescribeTelCdrRequest): Promise<TelCdrPage> {
    const problem = checkRequest(request, clock.now());
    if (problem) {
      throw new TcccApiError({
        code: 'InvalidArgument',
        retryable: false,
        action: 'DescribeTelCdr',
        message: `describeTelCdr: ${problem}.`,
      });
    }
    const { from, to, pageNumber = 0, pageSize = 100, phones, sessionIds, signal } = request;
    return call(
      TEL_CDR(pageNumber, pageSize),
      {
        SdkAppId: sdkAppId,
        StartTimeStamp: Math.floor(from.getTime() / 1000),
        EndTimeStamp: Math.ceil(to.getTime() / 1000),
        PageSize: pageSize,
        PageNumber: pageNumber,
        ...(phones ? { Phones: [...phones] } : {}),
        ...(sessionIds ? { SessionIds: [...sessionIds] } : {}),
      },
      { signal },
    );
  };
}
