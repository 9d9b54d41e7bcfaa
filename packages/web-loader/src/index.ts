export type { TcccLoadErrorDetails, TcccLoadErrorReason } from './errors.js';
export { TcccLoadError } from './errors.js';
export type { LoadTcccOptions, UnloadTcccOptions } from './load.js';
export { loadTccc, unloadTccc } from './load.js';
export { offlineOnPageHide } from './page-hide.js';
export type { FetchSdkUrlOptions } from './sdk-url.js';
export { assertSdkUrl, fetchSdkUrl } from './sdk-url.js';
export type * from './types.js';
