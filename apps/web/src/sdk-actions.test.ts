import { describe, expect, it } from 'vitest';
import { runSdkAction } from './sdk-actions.js';

describe('runSdkAction', () => {
  it('succeeds on a success response or a method that returns nothing', async () => {
    expect(await runSdkAction('mute', async () => ({ status: 'success' }))).toEqual({ ok: true });
    expect(await runSdkAction('mute', () => undefined)).toEqual({ ok: true });
  });

  it('reports an error response resolved by the SDK', async () => {
    const outcome = await runSdkAction('place the call', async () => ({
      status: 'error',
      errorMsg: 'agent is busy',
    }));
    expect(outcome).toEqual({
      ok: false,
      message: 'Could not place the call: agent is busy',
      reason: 'agent is busy',
    });
  });

  it('reports an error response rejected by the SDK, or a thrown error', async () => {
    const rejected = () => Promise.reject({ status: 'error', errorMsg: 'not ready' });
    expect(await runSdkAction('accept the call', rejected)).toEqual({
      ok: false,
      message: 'Could not accept the call: not ready',
      reason: 'not ready',
    });
    const thrown = () => {
      throw new Error('boom');
    };
    expect(await runSdkAction('hang up', thrown)).toEqual({
      ok: false,
      message: 'Could not hang up: boom',
      reason: 'boom',
    });
  });

  it('still says something when the SDK gives no reason', async () => {
    expect(await runSdkAction('hang up', () => Promise.reject('x'))).toEqual({
      ok: false,
      message: 'Could not hang up. Try again.',
    });
  });
});
