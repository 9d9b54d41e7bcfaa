/**
 * Live phone sessions, answered from `store.calls` (and the CDRs once a call has ended):
 *
 * - DescribeTelSession: one session by SessionId, its SessionStatus from the live call.
 * - DescribePSTNActiveSessionList: the app's calls not yet ended, oldest first, paged by
 *   Offset and Limit (<= 25); Total counts them all.
 * - HangUpCall: ends a live call through the SDK half, so the agent's page gets
 *   `sessionEnded` with closeBy `admin` and the call gets its CDR, as when TCCC's admin
 *   hangs up.
 *
 * An unknown session, one of another app, or (HangUpCall) one already ended answers
 * `FailedOperation.SessionNotExists` [unconfirmed code for these actions; it is TCCC's
 * "session does not exist"].
 */
import { excerpt } from '../../quote.js';
import type { CallRecord } from '../../state/calls.js';
import { CloudApiError, TcccErrorCode } from '../errors.js';
import { type ActionCall, paramsOf } from './call.js';
import { nonEmpty, offsetWindow, requireApp } from './checks.js';
import { API_LIMITS } from './limits.js';
import { sessionInfoOfCall, sessionOfCall, sessionOfCdr } from './session-shapes.js';

interface SessionParams {
  SdkAppId: number;
  SessionId: string;
}

const notExists = (sessionId: string, sdkAppId: number) =>
  new CloudApiError(
    TcccErrorCode.SessionNotExists,
    `Session \`${excerpt(sessionId)}\` does not exist in SDKAppID \`${sdkAppId}\`.`,
  );

function callOfApp(call: ActionCall, params: SessionParams): CallRecord | undefined {
  const found = call.ctx.store.calls.get(params.SessionId);
  return found && found.sdkAppId === params.SdkAppId ? found : undefined;
}

export function describeTelSession(call: ActionCall) {
  const params = paramsOf<SessionParams>(call);
  nonEmpty('SessionId', params.SessionId);
  requireApp(call.ctx, params.SdkAppId);
  const live = callOfApp(call, params);
  if (live) return { Session: sessionOfCall(call.ctx.store, live) };
  const cdr = call.ctx.store.cdrs.get(params.SdkAppId, params.SessionId);
  if (cdr) return { Session: sessionOfCdr(cdr) };
  throw notExists(params.SessionId, params.SdkAppId);
}

interface ActiveSessionListParams {
  SdkAppId: number;
  Offset: number;
  Limit: number;
}

export function describePstnActiveSessionList(call: ActionCall) {
  const params = paramsOf<ActiveSessionListParams>(call);
  const { offset, limit } = offsetWindow(
    params.Offset,
    params.Limit,
    API_LIMITS.activeSessionLimit,
  );
  requireApp(call.ctx, params.SdkAppId);
  const active = call.ctx.store.calls.active().filter((live) => live.sdkAppId === params.SdkAppId);
  return {
    Total: active.length,
    Sessions: active
      .slice(offset, offset + limit)
      .map((live) => sessionInfoOfCall(call.ctx.store, live)),
  };
}

export function hangUpCall(call: ActionCall) {
  const params = paramsOf<SessionParams>(call);
  nonEmpty('SessionId', params.SessionId);
  requireApp(call.ctx, params.SdkAppId);
  const live = callOfApp(call, params);
  if (!live) throw notExists(params.SessionId, params.SdkAppId);
  if (live.state === 'ended') {
    throw new CloudApiError(
      TcccErrorCode.SessionNotExists,
      `Session \`${excerpt(params.SessionId)}\` has already ended; only a call in progress can be hung up.`,
    );
  }
  call.calls.hangUpByAdmin(params.SdkAppId, live.sessionId);
  return {};
}
