/**
 * Data Push: per-app configuration (config.ts), the mock-wide sender settings (settings.ts),
 * what a push carries (bodies.ts), OAuth tokens (oauth.ts) and the sender (sender.ts).
 */
export { type CdrPushBody, cdrPushBody, type RecordPushBody, recordPushBodies } from './bodies.js';
export {
  DATA_PUSH_ACTIONS,
  type DataPushAction,
  type DataPushAuth,
  type DataPushConfig,
  DataPushConfigError,
  parseDataPushConfig,
  pushUrl,
  REDACTED_SECRET,
  type RedactedDataPush,
  type ResolvedDataPush,
  redactDataPush,
} from './config.js';
export {
  createPushSender,
  PUSH_CONTENT_TYPE,
  PUSH_UUID_HEADER,
  type PushSender,
  type PushSenderOptions,
} from './sender.js';
export { DEFAULT_PUSH_SETTINGS, type PushSettings, retryDelay } from './settings.js';
