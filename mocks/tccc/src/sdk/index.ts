/**
 * The SDK half of the mock TCCC: the fake Web SDK script, the routes it talks to, and the
 * runtime that places and offers calls (its control-plane routes are in ../control/calls.ts).
 * See ../../SDK.md.
 */
export { buildCdr } from './cdr.js';
export {
  CALLEE_FAILURES,
  type CalleeFailure,
  END_STATUS,
  type Ending,
  type EndStatusString,
  resolveEnding,
} from './end-status.js';
export { SdkError } from './errors.js';
export type { SdkFaultTarget } from './faults.js';
export { defaultNumbers, outboundOutcome } from './outcomes.js';
export { createSdkRoutes } from './routes.js';
export { type AdminHangUp, type InboundCallRequest, SdkRuntime } from './runtime.js';
