/** What an action handler receives and returns. */
import type { MockContext } from '../../context.js';
import type { CheckedParams } from '../spec/request.js';

/** What the cloud API needs of the SDK half (the mock's SdkRuntime provides it). */
export interface CallControl {
  /**
   * End a live call as an administrator would: the agent's page gets `sessionEnded` with
   * closeBy `admin`, the seat's status comes back, the call's record is made.
   */
  hangUpByAdmin(sdkAppId: number, sessionId: string): unknown;
}

export interface ActionCall {
  ctx: MockContext;
  /** The parameters, already checked against the action's request structure (typed values). */
  params: CheckedParams;
  requestId: string;
  /** Origin of the request, for URLs the answer contains when no sdkOrigin is configured. */
  requestOrigin: string;
  calls: CallControl;
}

/** Returns the action's Response members (RequestId is added by the envelope). */
export type ActionHandler = (call: ActionCall) => Record<string, unknown>;

/** Reads the checked params as the action's own parameter type (request.ts guarantees it). */
export function paramsOf<T>(call: ActionCall): T {
  return call.params as T;
}
