/**
 * The result shapes of the TCCC Web SDK (`CommonSDKResponse`). Successful calls RESOLVE with
 * `{status:'success'}` (plus `data` where the method returns something); failures REJECT
 * with `{status:'error', errorMsg}` — a plain object, as the Tencent guide's sample catches
 * `err.errorMsg` [unconfirmed shape]. Kept here so the choice lives in one place.
 */
export interface SdkSuccess<T = undefined> {
  status: 'success';
  data: T;
}

export interface SdkFailure {
  status: 'error';
  errorMsg: string;
}

export function success(): { status: 'success' };
export function success<T>(data: T): SdkSuccess<T>;
export function success<T>(...args: [T?]): { status: 'success'; data?: T } {
  return args.length === 0 ? { status: 'success' } : { status: 'success', data: args[0] as T };
}

export function failure(errorMsg: string): SdkFailure {
  return { status: 'error', errorMsg };
}

/** Run an SDK method body; any thrown Error becomes a rejected `{status:'error', errorMsg}`. */
export async function guarded<T>(body: () => Promise<T>): Promise<T> {
  try {
    return await body();
  } catch (error) {
    if (isFailure(error)) throw error;
    throw failure(error instanceof Error ? error.message : String(error));
  }
}

function isFailure(value: unknown): value is SdkFailure {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { status?: unknown }).status === 'error' &&
    typeof (value as { errorMsg?: unknown }).errorMsg === 'string'
  );
}
