/**
 * The SDK half of the mock TCCC: the fake Web SDK script, the routes it talks to, and the
 * runtime that places and offers calls (its control-plane routes are in ../control/calls.ts).
 * See ../../SDK.md.
 */
export { SdkError } from './errors.js';
export type { SdkFaultTarget } from './faults.js';
export { outboundOutcome, timings as sdkTimings } from './outcomes.js';
export { createSdkRoutes } from './routes.js';
export { type InboundCallRequest, SdkRuntime } from './runtime.js';
