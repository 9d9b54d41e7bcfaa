export { backoffDelay } from './backoff.js';
export type {
  CccAction,
  CccActions,
  DescribeTelCdrResponse,
  IVRKeyPressedElement,
  SeatUserInfo,
  ServeParticipant,
  SkillGroupInfoItem,
  StaffInfo,
  TelCdrInfo,
} from './ccc-sdk.js';
export { type Clock, systemClock, type TimerHandle } from './clock.js';
export { DEFAULT_ENDPOINT, DEFAULTS, type TcccClientConfig } from './config.js';
export { DIRECTORY_LIMITS, type ListDirectoryRequest } from './directory.js';
export {
  type ConfigIssue,
  isTcccApiError,
  LOCAL_ERROR_CODES,
  type LocalErrorCode,
  TcccApiError,
  TcccConfigError,
  type TcccErrorCode,
} from './errors.js';
export { isRetryableHttpStatus, isRetryableTcccCode } from './hints.js';
export { LOG_EVENTS, type Logger, type LogLevel, type LogMethod } from './logger.js';
export {
  type AcquireRequest,
  createLocalRateLimiter,
  type LocalRateLimiter,
  type LocalRateLimiterOptions,
  type RateLimiter,
  rateLimitKey,
} from './rate-limiter.js';
export type { CreateSdkUrlRequest, SdkUrl } from './sdk-url.js';
export { createTcccClient, type TcccClient } from './tccc-client.js';
export { type DescribeTelCdrRequest, TEL_CDR_LIMITS, type TelCdrPage } from './tel-cdr.js';
