/**
 * @tccc-kit/mock-tccc: an offline emulator of Tencent Cloud Contact Center, one Hono app
 * served in-process, through msw (`@tccc-kit/mock-tccc/msw`) or as a loopback server, with
 * all of its state in one store.
 */

export { telCdrAnswer } from './api/actions/cdr-shapes.js';
export {
  API_LIMITS,
  implementedActionNames,
  type SdkControl,
} from './api/actions/index.js';
export { coverageRows, coverageTable } from './api/coverage.js';
export { CloudApiError, TcccErrorCode } from './api/errors.js';
export { sdkUrlFor } from './api/issue-token.js';
export {
  signTc3,
  type Tc3Signature,
  type Tc3SignInput,
  tc3Authorization,
} from './api/signature.js';
export { answerProblems, type ConformOptions, conformProblems } from './api/spec/conform.js';
export { specActionNames } from './api/spec/load.js';
export { createMockApp, type MockAppParts } from './app.js';
export {
  DEFAULT_LIMITS,
  DEFAULT_SDK_APP_ID,
  DEFAULT_SDK_SETTINGS,
  DEFAULT_SEATS,
  DEFAULT_SECRET_ID,
  DEFAULT_SECRET_KEY,
  loadConfigFile,
  type MockAccount,
  type MockAppConfig,
  MockConfigError,
  type MockLimits,
  type MockSeedConfig,
  type MockSkillGroupConfig,
  type MockStaffConfig,
  type MockTcccConfig,
  type ResolvedMockTcccConfig,
  resolveMockConfig,
  resolveMockSeed,
  type SdkSettings,
} from './config/index.js';
export type { MockContext } from './context.js';
export {
  type ClockView,
  CONTROL_TOKEN_HEADER,
  MAX_CONTROL_BODY_BYTES,
  type MockTcccState,
} from './control/index.js';
export {
  type FaultKind,
  type FaultRule,
  FaultRuleError,
  type FaultRuleInput,
  type MockFaults,
  PUSH_FAULT_KINDS,
  PUSH_TARGETS,
  parseFaultRule,
  REQUEST_FAULT_KINDS,
  type RenderFaultError,
  targetMatches,
} from './faults/index.js';
export {
  createMockTccc,
  type IssuedToken,
  type IssueTokenOptions,
  type MockTccc,
  type MockTcccOptions,
} from './mock.js';
export {
  type CdrPushBody,
  DATA_PUSH_ACTIONS,
  type DataPushAction,
  type DataPushAuth,
  type DataPushConfig,
  DataPushConfigError,
  DEFAULT_PUSH_SETTINGS,
  PUSH_CONTENT_TYPE,
  PUSH_UUID_HEADER,
  type PushSender,
  type PushSettings,
  parseDataPushConfig,
  type RecordPushBody,
  type RedactedDataPush,
  redactDataPush,
} from './push/index.js';
export {
  type AdminHangUp,
  buildCdr,
  CALLEE_FAILURES,
  type CalleeFailure,
  END_STATUS,
  type EndStatusString,
  type InboundCallRequest,
  SdkError,
  SdkRuntime,
} from './sdk/index.js';
export {
  type MockTcccServer,
  type MockTcccServerOptions,
  startMockTcccServer,
} from './serve/server.js';
export * from './state/index.js';
