/** Small HTTP helpers of the push sender: bounded answers, failures said in words. */

/** The most of a receiver's answer the sender reads (an ErrCode answer is a few bytes). */
export const MAX_ANSWER_BYTES = 64 * 1024;

/** The answer's text, at most `max` bytes (the rest is not read; the stream is cancelled). */
export async function readBounded(response: Response, max = MAX_ANSWER_BYTES): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size <= max) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.byteLength;
    }
  } finally {
    if (size > max) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
  return Buffer.concat(chunks).subarray(0, max).toString('utf8');
}

/** Why a fetch failed, in words without anything the request carried. */
export function describeFetchError(error: unknown, timeoutMs: number): string {
  if (error instanceof Error) {
    if (error.name === 'TimeoutError') return `no answer within ${timeoutMs} ms`;
    if (error.name === 'AbortError') return 'stopped (the mock was reset or closed)';
    const cause = (error as Error & { cause?: { code?: unknown; message?: unknown } }).cause;
    const code = typeof cause?.code === 'string' ? cause.code : undefined;
    if (code) return `network error (${code})`;
    if (typeof cause?.message === 'string') return `network error (${cause.message.slice(0, 120)})`;
    return `network error (${error.message.slice(0, 120)})`;
  }
  return 'network error';
}

/** An attempt's own abort signal: aborted after `timeoutMs`, or by whoever holds `live`. */
export interface Deadline {
  readonly signal: AbortSignal;
  /** The exchange is over: stop the timer, forget the controller. */
  done(): void;
}

/**
 * A signal for one HTTP exchange, registered in `live` (reset/close abort everything in it)
 * and aborted with a TimeoutError after `timeoutMs`. Not `AbortSignal.any([long-lived,
 * timeout])`: Node keeps a WeakRef per call in the long-lived signal, which grows without
 * bound over many pushes.
 */
export function deadline(live: Set<AbortController>, timeoutMs: number): Deadline {
  const controller = new AbortController();
  const timer = setTimeout(
    () => controller.abort(new DOMException(`no answer within ${timeoutMs} ms`, 'TimeoutError')),
    timeoutMs,
  );
  live.add(controller);
  return {
    signal: controller.signal,
    done() {
      clearTimeout(timer);
      live.delete(controller);
    },
  };
}
