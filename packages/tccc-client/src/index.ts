export { backoffDelay } from './backoff.js';
export { type Clock, systemClock, type TimerHandle } from './clock.js';
export { DEFAULT_ENDPOINT, DEFAULTS, type TokenClientConfig } from './config.js';
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
} from './rate-limiter.js';
export {
  type CreateSdkUrlRequest,
  createTokenClient,
  type SdkUrl,
  type TokenClient,
} from './token-client.js';
