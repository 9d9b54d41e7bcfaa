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

  it('names TCCC outages, keeping status and code as a line for support', () => {
    const outage = load('sdk-url', { status: 503, code: 'tccc_unavailable' });
    expect(outage).toMatchObject({
      reason: 'tccc-unavailable',
      action: 'retry',
      support: 'HTTP 503 · tccc_unavailable',
    });
    expect(outage?.detail).not.toContain('tccc_unavailable');
    expect(load('sdk-url', { status: 504, code: 'tccc_timeout' })?.reason).toBe('tccc-unavailable');
    expect(load('sdk-url', { status: 429 })?.detail).toMatch(/Wait a minute/);
    expect(load('sdk-url', { status: 403 })?.reason).toBe('forbidden');
    expect(load('sdk-url', { status: 400 })).toMatchObject({
      reason: 'sdk-url',
      support: 'HTTP 400',
    });
  });

  it('words a missing seat as something only a supervisor can fix, not "reload"', () => {
    const failure = load('sdk-url', { status: 403, code: 'no_seat' });
    expect(failure).toMatchObject({
      reason: 'no-seat',
      action: 'contact-admin',
      title: 'Your account has no agent seat',
    });
    expect(failure?.detail).toMatch(/Ask your supervisor/);
    expect(failure?.detail).not.toMatch(/^Reload/);
    expect(load('sdk-url', { status: 502, code: 'tccc_seat_not_found' })?.action).toBe(
      'contact-admin',
    );
    expect(load('sdk-url', { status: 502, code: 'tccc_config_error' })?.reason).toBe('tccc-config');
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
