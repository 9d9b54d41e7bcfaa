/**
 * @tccc-kit/http-refusals: what a Node HTTP server should refuse before the application
 * runs, answered in the server's own error shape, and connections closed without losing
 * the answer. See README.md.
 */
export {
  answerAndClose,
  DEFAULT_LINGER,
  type LingerOptions,
  lingerThenClose,
  rawAnswer,
} from './answer.js';
export { answerClientErrors, type ClientErrorOptions } from './client-errors.js';
export { type ConnectOptions, refuseConnect } from './connect.js';
export { type DrainOptions, drainUnreadBodies } from './drain.js';
export { answerExpectations, continueOnRead, type ExpectationOptions } from './expectations.js';
export { answerMalformedHttp, type MalformedHttpOptions } from './install.js';
export {
  adviceFor,
  malformedAdvice,
  type ParserRefusal,
  type Refusal,
  type RefusalBody,
  type Render,
  type RequestRefusal,
} from './refusals.js';
export {
  answerRefusal,
  DEFAULT_ALLOW,
  guardRequests,
  type RequestGuardOptions,
  requestRefusal,
} from './request-guard.js';
