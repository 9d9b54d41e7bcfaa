/**
 * The SDK half of the mock TCCC: the fake Web SDK script, the routes it talks to, and the
 * control-plane routes that drive calls. See ../../SDK.md.
 */
export type { CallView, Direction } from './calls.js';
export { createSdkControlRoutes } from './control-routes.js';
export { SdkError } from './errors.js';
export type { SdkFaultTarget } from './faults.js';
export { outboundOutcome, timings as sdkTimings } from './outcomes.js';
export { createSdkRoutes } from './routes.js';
export { type InboundCallRequest, SdkRuntime, sdkRuntimeFor } from './runtime.js';
export type { SessionView } from './sessions.js';
