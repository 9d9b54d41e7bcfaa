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
