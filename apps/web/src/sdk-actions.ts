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
): Promise<{ ok: true } | { ok: false; message: string; reason?: string }> {
  try {
    const result = await action();
    if (isErrorResponse(result)) return refused(what, result.errorMsg);
    return { ok: true };
  } catch (error) {
    const text = isErrorResponse(error)
      ? error.errorMsg
      : error instanceof Error
        ? error.message
        : undefined;
    return refused(what, text);
  }
}

/** The sentence, and TCCC's own reason apart (when it gave one) for views that word it. */
function refused(what: string, reason: string | undefined) {
  return {
    ok: false as const,
    message: failed(what, reason),
    ...(reason ? { reason } : {}),
  };
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
