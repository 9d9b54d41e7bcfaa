/**
 * @tccc-kit/mock-tccc: an offline mock of Tencent Cloud Contact Center, one Hono app
 * served in-process, through msw (`@tccc-kit/mock-tccc/msw`) or as a loopback server.
 */
export { TcccApiError, TcccErrorCode } from './api/errors.js';
export { createApp } from './app.js';
export { type Clock, type ClockOptions, createClock } from './clock.js';
export {
  DEFAULT_LIMITS,
  DEFAULT_SDK_APP_ID,
  DEFAULT_SEATS,
  DEFAULT_SECRET_ID,
  DEFAULT_SECRET_KEY,
  loadConfigFile,
  type MockAccount,
  type MockApp,
  MockConfigError,
  type MockLimits,
  type MockTcccConfig,
  type ResolvedMockTcccConfig,
  resolveConfig,
} from './config.js';
export type { MockContext, MockFaults } from './context.js';
export type { RenderFaultError } from './fault-effects.js';
export {
  type FaultKind,
  type FaultRule,
  FaultRuleError,
  type FaultRuleInput,
  parseFaultRule,
  targetMatches,
} from './faults.js';
export { sdkUrlFor } from './issue-token.js';
export {
  createMockTccc,
  type IssuedToken,
  type IssueTokenOptions,
  type MockTccc,
  type MockTcccOptions,
} from './mock.js';
export {
  type MockTcccServer,
  type MockTcccServerOptions,
  startMockTcccServer,
} from './server.js';
export { signTc3, type Tc3Signature, type Tc3SignInput, tc3Authorization } from './signature.js';
export type { TokenJournal, TokenLookup, TokenRecord } from './state/tokens.js';
