export {
  type AddedCdrs,
  type ControlClientOptions,
  createControlClient,
  type GenerateCdrsRequest,
  type IssuedSdkToken,
  type IssueTokenRequest,
  MockControlError,
  type MockTcccControl,
  type MockTcccEndpoint,
  type WaitForPushesOptions,
} from './control-client.js';
export { type RawAnswer, rawRequest } from './raw-http.js';
export { type StartedMockTccc, startMockTccc } from './start.js';
