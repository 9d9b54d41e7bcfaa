import { describe, expect, it } from 'vitest';
import { ApiError, problemToError } from './http.js';

describe('problemToError', () => {
  it("shows the problem's detail and keeps its status and code", () => {
    const error = problemToError(401, {
      type: 'about:blank',
      title: 'Unauthorized',
      status: 401,
      detail: 'The email or password is wrong.',
      code: 'invalid_credentials',
    });
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      message: 'The email or password is wrong.',
      status: 401,
      code: 'invalid_credentials',
    });
  });

  it('falls back to the title, then to a sentence about the status', () => {
    expect(problemToError(503, { title: 'TCCC unavailable' }).message).toBe('TCCC unavailable');
    expect(problemToError(500, '<html>').message).toBe('The server answered HTTP 500.');
    expect(problemToError(401, undefined).message).toBe('The email or password is not right.');
  });
});
