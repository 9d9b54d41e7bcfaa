import { describe, expect, it } from 'vitest';
import { TcccLoadError } from './index.js';

describe('TcccLoadError', () => {
  it('is an Error named TcccLoadError carrying reason, status, code and cause', () => {
    const cause = new TypeError('fetch failed');
    const error = new TcccLoadError('sdk-url', 'POST /x: 401 Sign in first', {
      cause,
      status: 401,
      code: 'unauthenticated',
    });
    expect(error).toBeInstanceOf(Error);
    expect(error).toBeInstanceOf(TcccLoadError);
    expect(error.name).toBe('TcccLoadError');
    expect(error.reason).toBe('sdk-url');
    expect(error.status).toBe(401);
    expect(error.code).toBe('unauthenticated');
    expect(error.cause).toBe(cause);
    expect(String(error)).toBe('TcccLoadError: POST /x: 401 Sign in first');
  });

  it('leaves status, code and cause undefined when not given', () => {
    const error = new TcccLoadError('timeout', 'late');
    expect(error.status).toBeUndefined();
    expect(error.code).toBeUndefined();
    expect('cause' in error).toBe(false);
  });
});
