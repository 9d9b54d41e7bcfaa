import type { MockContext } from '../context.js';
import { errorResponse, SdkError } from './errors.js';

/**
 * Fault targets of the SDK host:
 * - `sdk.script`: GET /sdk/tccc.js (`status` → that status, so the script fails to load;
 *   `hang` → it never finishes loading; `delay`; `drop`).
 * - `sdk.login`: POST /sdk/session (`hang` → login never answers; `error`/`status`/`drop`
 *   → login fails and the fake reports `tokenExpired` with the reason).
 * - `sdk.ready`: any rule → the fake logs in and connects but never emits `ready`.
 * - `sdk.events`: GET /sdk/events (the event stream fails to open; the fake retries).
 */
export type SdkFaultTarget = 'sdk.script' | 'sdk.login' | 'sdk.ready' | 'sdk.events';

/**
 * Take and perform the next fault rule for `target`: resolves with the Response to answer
 * instead, or null to handle the request normally. `error` rules answer HTTP 500
 * `{"error": {"code": "InjectedFault"}}` (SDK routes have no TCCC envelope).
 */
export async function sdkFault(
  ctx: MockContext,
  target: SdkFaultTarget,
  request: Request,
): Promise<Response | null> {
  const rule = ctx.faults.take(target);
  if (!rule) return null;
  return ctx.faults.apply(rule, request, (code, message) =>
    errorResponse(new SdkError(500, 'InjectedFault', `Fault on ${target}: ${code}: ${message}`)),
  );
}
