/**
 * Runs one SDK method and reduces its outcome to "ok" or a sentence for the agent.
 *
 * TCCC documents `CommonSDKResponse = {status: 'success' | 'error', errorMsg?}`; its guide
 * checks `res.status !== 'success'` on resolve AND catches `err.errorMsg` on reject
 * [unconfirmed which one the SDK uses for which failure], so both are handled here.
 */
export async function runSdkAction(
  what: string,
  action: () => unknown,
): Promise<{ ok: true } | { ok: false; message: string }> {
  try {
    const result = await action();
    if (isErrorResponse(result)) return { ok: false, message: failed(what, result.errorMsg) };
    return { ok: true };
  } catch (error) {
    const text = isErrorResponse(error)
      ? error.errorMsg
      : error instanceof Error
        ? error.message
        : undefined;
    return { ok: false, message: failed(what, text) };
  }
}

function isErrorResponse(value: unknown): value is { status: 'error'; errorMsg?: string } {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { status?: unknown }).status === 'error'
  );
}

function failed(what: string, reason: string | undefined): string {
  return reason ? `Could not ${what}: ${reason}` : `Could not ${what}. Try again.`;
}
