import { describe, expect, it } from 'vitest';
import type { LoadResult } from '../lib/load.js';
import { summariseCdrPages } from './cdr-pages.js';

const run = (p50: number, failed = 0): LoadResult => ({
  rps: 100,
  p50,
  p99: p50 * 2,
  ok: 100,
  failed,
});

describe('CDR page summary', () => {
  it('takes the median of the per-round page/token ratios, and counts failures', () => {
    const summary = summariseCdrPages({
      storedCdrs: 100_000,
      rounds: [
        { order: ['token', 'page'], token: run(1), page: run(3) },
        { order: ['page', 'token'], token: run(2), page: run(4, 1) },
        { order: ['token', 'page'], token: run(1), page: run(10) },
      ],
    });
    expect(summary.ratio.values).toEqual([3, 2, 10]);
    expect(summary.ratio.median).toBe(3);
    expect(summary.page.median).toBe(4);
    expect(summary.token.median).toBe(1);
    expect(summary.failed).toBe(1);
  });
});
