export type { TcccLoadErrorDetails, TcccLoadErrorReason } from './errors.js';
export { TcccLoadError } from './errors.js';
export type { LoadTcccOptions } from './load.js';
export { loadTccc, unloadTccc } from './load.js';
export type { FetchSdkUrlOptions } from './sdk-url.js';
export { assertSdkUrl, fetchSdkUrl } from './sdk-url.js';
export type * from './types.js';
