/**
 * The call-record queries, answered from `store.cdrs`:
 *
 * - DescribeTelCdr: a 0-based page (PageSize <= 100) of the app's CDRs whose StartTimestamp
 *   is in [StartTimeStamp, EndTimeStamp] (window under 90 days, at most 180 days back),
 *   newest first [unconfirmed order], optionally only `SessionIds` and/or records whose
 *   Caller or Callee is one of `Phones`; TotalCount counts every page.
 * - DescribeSessionDetail: one call's detail, found by SessionId within the window
 *   (`InvalidParameterValue.RecordNotExist` otherwise; a call has a record once it ended).
 */
import { excerpt } from '../../quote.js';
import { CloudApiError, TcccErrorCode } from '../errors.js';
import { type ActionCall, paramsOf } from './call.js';
import { sessionDetailAnswer, telCdrAnswer } from './cdr-shapes.js';
import { checkCount, nonEmpty, pageWindow, recordWindow, requireApp } from './checks.js';
import { API_LIMITS } from './limits.js';

interface DescribeTelCdrParams {
  StartTimeStamp: number;
  EndTimeStamp: number;
  SdkAppId: number;
  PageSize: number;
  PageNumber: number;
  /** Deprecated: accepted and ignored [unconfirmed]. */
  InstanceId?: number;
  Limit?: number;
  Offset?: number;
  Phones?: string[];
  SessionIds?: string[];
}

export function describeTelCdr(call: ActionCall) {
  const params = paramsOf<DescribeTelCdrParams>(call);
  const window = recordWindow(
    ['StartTimeStamp', 'EndTimeStamp'],
    params.StartTimeStamp,
    params.EndTimeStamp,
    call.ctx.clock.now(),
  );
  const page = pageWindow({
    pageNumber: params.PageNumber,
    pageSize: params.PageSize,
    maxPageSize: API_LIMITS.telCdrPageSize,
  });
  if (params.Phones) checkCount('Phones', params.Phones, API_LIMITS.telCdrFilterItems);
  if (params.SessionIds) {
    checkCount('SessionIds', params.SessionIds, API_LIMITS.telCdrFilterItems);
  }
  requireApp(call.ctx, params.SdkAppId);
  const { total, records } = call.ctx.store.cdrs.query({
    sdkAppId: params.SdkAppId,
    ...window,
    order: 'newest',
    ...page,
    ...(params.Phones?.length ? { phones: params.Phones } : {}),
    ...(params.SessionIds?.length ? { sessionIds: params.SessionIds } : {}),
  });
  return { TotalCount: total, TelCdrList: records.map(telCdrAnswer) };
}

interface DescribeSessionDetailParams {
  SdkAppId: number;
  SessionId: string;
  StartTimestamp: number;
  EndTimestamp: number;
}

export function describeSessionDetail(call: ActionCall) {
  const params = paramsOf<DescribeSessionDetailParams>(call);
  nonEmpty('SessionId', params.SessionId);
  const { from, to } = recordWindow(
    ['StartTimestamp', 'EndTimestamp'],
    params.StartTimestamp,
    params.EndTimestamp,
    call.ctx.clock.now(),
  );
  requireApp(call.ctx, params.SdkAppId);
  const cdr = call.ctx.store.cdrs.get(params.SdkAppId, params.SessionId);
  if (!cdr || cdr.StartTimestamp < from || cdr.StartTimestamp > to) {
    const live = call.ctx.store.calls.get(params.SessionId);
    throw new CloudApiError(
      TcccErrorCode.RecordNotExist,
      live && live.sdkAppId === params.SdkAppId && live.state !== 'ended'
        ? `Session \`${excerpt(params.SessionId)}\` is still in progress; its detail exists once the call has ended (DescribeTelSession shows a live call).`
        : cdr
          ? `Session \`${excerpt(params.SessionId)}\` started at ${cdr.StartTimestamp}, outside the window from ${from} to ${to}; widen \`StartTimestamp\`/\`EndTimestamp\`.`
          : `No call record with SessionId \`${excerpt(params.SessionId)}\` in SDKAppID \`${params.SdkAppId}\`.`,
    );
  }
  const ended = call.ctx.store.calls.get(params.SessionId);
  const events =
    ended && ended.sdkAppId === params.SdkAppId
      ? ended.events.map((event) => ({
          Timestamp: Math.floor(event.at / 1000),
          EventType: event.type,
          StaffEventDetail: {
            Staffs: [
              {
                Mail: event.seatUserId,
                StaffNumber:
                  call.ctx.store.staff.get(params.SdkAppId, event.seatUserId)?.staffNumber ?? '',
              },
            ],
          },
        }))
      : [];
  return sessionDetailAnswer(cdr, events);
}
