/**
 * Delay before retry number `retry` (1 for the first retry): "full jitter" exponential
 * backoff, a random delay in [0, min(maxMs, baseMs * 2^(retry-1))]. Randomness spreads the
 * retries of many agents who failed together, so they do not fail together again.
 */
export interface BackoffOptions {
  baseMs: number;
  maxMs: number;
}

export function backoffDelay(retry: number, options: BackoffOptions, random: () => number) {
  const ceiling = Math.min(options.maxMs, options.baseMs * 2 ** (retry - 1));
  return Math.round(ceiling * Math.min(Math.max(random(), 0), 1));
}
