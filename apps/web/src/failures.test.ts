import { TcccLoadError } from '@tccc-kit/web-loader';
import { describe, expect, it } from 'vitest';
import { describeFailure } from './failures.js';

const load = (
  reason: TcccLoadError['reason'],
  details?: ConstructorParameters<typeof TcccLoadError>[2],
) => describeFailure(new TcccLoadError(reason, 'loader message', details), 30_000);

describe('describeFailure', () => {
  it('shows nothing for a load the console cancelled itself', () => {
    expect(load('aborted')).toBeNull();
  });

  it('sends the agent back to sign-in when the session is gone (401)', () => {
    expect(load('sdk-url', { status: 401, code: 'unauthenticated' })).toMatchObject({
      reason: 'signed-out',
      action: 'sign-in',
    });
  });

  it('tells an unreachable server from one that answered badly', () => {
    const unreachable = load('sdk-url', { cause: new TypeError('Failed to fetch') });
    expect(unreachable).toMatchObject({ reason: 'server-unreachable', action: 'retry' });
    expect(unreachable?.detail).toMatch(/server is running/);
    expect(load('sdk-url')).toMatchObject({ reason: 'sdk-url-invalid', action: 'retry' });
  });

  it('names TCCC outages with the status and code, and rate limits with a wait', () => {
    const outage = load('sdk-url', { status: 503, code: 'tccc_rate_limited' });
    expect(outage).toMatchObject({ reason: 'tccc-unavailable', action: 'retry' });
    expect(outage?.detail).toContain('HTTP 503 (code tccc_rate_limited)');
    expect(load('sdk-url', { status: 429 })?.detail).toMatch(/Wait a minute/);
    expect(load('sdk-url', { status: 403 })?.reason).toBe('forbidden');
    expect(load('sdk-url', { status: 400 })?.reason).toBe('sdk-url');
  });

  it('explains an expired SDK URL and promises a fresh one on Retry', () => {
    const failure = load('token-expired');
    expect(failure).toMatchObject({ reason: 'token-expired', action: 'retry' });
    expect(failure?.detail).toMatch(/Retry fetches a fresh one/);
  });

  it('covers every other loader step with a reason of its own', () => {
    expect(load('script')?.reason).toBe('script');
    expect(load('no-global')?.reason).toBe('no-global');
    expect(load('render-dom')?.reason).toBe('render-dom');
    const timeout = load('timeout');
    expect(timeout?.reason).toBe('timeout');
    expect(timeout?.detail).toContain('within 30 s');
  });

  it('still says something useful about errors that are not TcccLoadErrors', () => {
    const failure = describeFailure(new Error('tccc.on is not a function.'), 30_000);
    expect(failure).toMatchObject({ reason: 'unexpected', action: 'retry' });
    expect(failure?.detail).toBe(
      'tccc.on is not a function. Retry; if it keeps happening, reload the page and report it.',
    );
  });
});
