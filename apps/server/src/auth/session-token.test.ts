import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createSessionTokens } from './session-token.js';

const SECRET = 'unit-test-session-secret-unit-test-0123456789';

function tokens(start = 1_700_000_000_000) {
  let now = start;
  const codec = createSessionTokens({ secret: SECRET, ttlSeconds: 60, now: () => now });
  return { codec, advance: (ms: number) => (now += ms) };
}

describe('session tokens', () => {
  it('round-trips the user, a random session id, issue time and expiry', () => {
    const { codec } = tokens();
    const claims = codec.verify(codec.issue('agent@example.com'));
    expect(claims).toEqual({
      sub: 'agent@example.com',
      sid: expect.stringMatching(/^[\w-]{22}$/),
      iat: 1_700_000_000,
      exp: 1_700_000_060,
    });
    expect(codec.verify(codec.issue('agent@example.com'))?.sid).not.toBe(claims?.sid);
  });

  it('rejects a validly signed token without a session id (issued before sign-out revoked by id)', () => {
    const secret = Buffer.from(SECRET);
    const payload = Buffer.from(JSON.stringify({ sub: 'agent@example.com', exp: 9e9 })).toString(
      'base64url',
    );
    const signature = createHmac('sha256', secret).update(payload).digest('base64url');
    expect(tokens().codec.verify(`${payload}.${signature}`)).toBeUndefined();
  });

  it('expires after the TTL even if the browser keeps the cookie', () => {
    const { codec, advance } = tokens();
    const token = codec.issue('agent@example.com');
    advance(59_999);
    expect(codec.verify(token)).toBeDefined();
    advance(1);
    expect(codec.verify(token)).toBeUndefined();
  });

  it('rejects a payload edited to another user', () => {
    const { codec } = tokens();
    const [, signature] = codec.issue('agent@example.com').split('.');
    const forged = Buffer.from(
      JSON.stringify({
        sub: 'agent2@example.com',
        sid: 'x',
        iat: 1_700_000_000,
        exp: 1_700_000_060,
      }),
    ).toString('base64url');
    expect(codec.verify(`${forged}.${signature}`)).toBeUndefined();
  });

  it('rejects a token signed with another secret', () => {
    const other = createSessionTokens({
      secret: `${SECRET}-rotated`,
      ttlSeconds: 60,
      now: () => 1_700_000_000_000,
    });
    expect(tokens().codec.verify(other.issue('agent@example.com'))).toBeUndefined();
  });

  it('rejects garbage without throwing', () => {
    const { codec } = tokens();
    for (const junk of [
      undefined,
      '',
      'abc',
      'a.b.c',
      '.',
      'x'.repeat(5000),
      `${'e30'}.${'A'.repeat(43)}`,
    ]) {
      expect(codec.verify(junk)).toBeUndefined();
    }
  });
});
