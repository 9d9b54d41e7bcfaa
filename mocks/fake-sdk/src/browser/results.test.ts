import { describe, expect, it } from 'vitest';
import { failure, guarded, success } from './results.js';

describe('SDK results', () => {
  it('resolves with the CommonSDKResponse success shape', async () => {
    expect(success()).toEqual({ status: 'success' });
    expect(await guarded(async () => success(true))).toEqual({ status: 'success', data: true });
  });

  it('turns a thrown Error into a rejected {status: error, errorMsg}', async () => {
    await expect(
      guarded(async () => {
        throw new Error('Cannot reach the TCCC SDK host.');
      }),
    ).rejects.toEqual({ status: 'error', errorMsg: 'Cannot reach the TCCC SDK host.' });
  });

  it('passes an SDK failure through unchanged', async () => {
    await expect(
      guarded(async () => {
        throw failure('wait for ready');
      }),
    ).rejects.toEqual({ status: 'error', errorMsg: 'wait for ready' });
  });
});
