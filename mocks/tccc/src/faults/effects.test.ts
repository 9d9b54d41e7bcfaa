import { afterEach, describe, expect, it, vi } from 'vitest';
import { createHeldRequests, performFault } from './effects.js';
import type { FaultRule } from './rules.js';

const rule = (r: Record<string, unknown>) =>
  ({ target: 'X', id: 'r', remaining: null, ...r }) as FaultRule;

afterEach(() => {
  vi.useRealTimers();
});

describe('performFault', () => {
  it('delay: waits the given ms, then lets the request through', async () => {
    vi.useFakeTimers();
    let settled = false;
    const result = performFault(rule({ kind: 'delay', ms: 1000 }), {
      held: createHeldRequests(),
    }).then((r) => {
      settled = true;
      return r;
    });
    await vi.advanceTimersByTimeAsync(999);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await result).toBeNull();
  });

  it('delay: a client that gives up ends the wait with a network error', async () => {
    const abort = new AbortController();
    const result = performFault(rule({ kind: 'delay', ms: 60_000 }), {
      held: createHeldRequests(),
      signal: abort.signal,
    });
    abort.abort();
    expect((await result)?.type).toBe('error');
  });

  it('drop: answers Response.error()', async () => {
    expect((await performFault(rule({ kind: 'drop' }), { held: createHeldRequests() }))?.type).toBe(
      'error',
    );
  });

  it('hang: holds the request until released', async () => {
    const held = createHeldRequests();
    const result = performFault(rule({ kind: 'hang' }), { held });
    expect(held.size).toBe(1);
    expect(held.releaseAll()).toBe(1);
    expect((await result)?.type).toBe('error');
    expect(held.size).toBe(0);
  });

  it('status: answers the status with the given body or a JSON explanation', async () => {
    const text = await performFault(rule({ kind: 'status', status: 502, body: 'upstream' }), {
      held: createHeldRequests(),
    });
    expect(text?.status).toBe(502);
    expect(await text?.text()).toBe('upstream');
    const json = await performFault(rule({ kind: 'status', status: 429 }), {
      held: createHeldRequests(),
    });
    expect(await json?.json()).toMatchObject({ error: { code: 'InjectedFault' } });
  });

  it('error: renders with the route renderer, or as HTTP 500 JSON by default', async () => {
    const custom = await performFault(rule({ kind: 'error', code: 'InternalError' }), {
      held: createHeldRequests(),
      renderError: (code, message) => Response.json({ code, message }),
    });
    expect(await custom?.json()).toEqual({
      code: 'InternalError',
      message: 'InternalError injected by a fault rule',
    });
    const fallback = await performFault(rule({ kind: 'error', code: 'Boom', message: 'no' }), {
      held: createHeldRequests(),
    });
    expect(fallback?.status).toBe(500);
    expect(await fallback?.json()).toEqual({ error: { code: 'Boom', message: 'no' } });
  });
});
