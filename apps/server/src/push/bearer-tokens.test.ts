import { describe, expect, it } from 'vitest';
import { createBearerTokens } from './bearer-tokens.js';

const base = { clientId: 'tccc', clientSecret: 'a-long-client-secret-0123456789', ttlSeconds: 600 };

describe('createBearerTokens', () => {
  it('verifies its own tokens until they expire', () => {
    let now = Date.UTC(2026, 10, 30);
    const tokens = createBearerTokens({ ...base, now: () => now });
    const { token, expiresIn } = tokens.issue();
    expect(expiresIn).toBe(600);
    expect(tokens.verify(token)).toEqual({ ok: true });
    now += 599_000;
    expect(tokens.verify(token)).toEqual({ ok: true });
    now += 1_000;
    expect(tokens.verify(token)).toEqual({ ok: false, reason: 'expired' });
  });

  it('accepts a token issued by another instance with the same secret (no shared state)', () => {
    const token = createBearerTokens(base).issue().token;
    expect(createBearerTokens(base).verify(token)).toEqual({ ok: true });
  });

  it('refuses tokens of another secret or client, and anything malformed', () => {
    const token = createBearerTokens(base).issue().token;
    const rotated = createBearerTokens({ ...base, clientSecret: `${base.clientSecret}!` });
    const otherClient = createBearerTokens({ ...base, clientId: 'other' });
    expect(rotated.verify(token)).toEqual({ ok: false, reason: 'invalid' });
    expect(otherClient.verify(token)).toEqual({ ok: false, reason: 'invalid' });
    const tokens = createBearerTokens(base);
    for (const bad of ['', 'abc', 'a.b.c', `${token}.x`, token.replace('.', ''), 'x'.repeat(600)]) {
      expect(tokens.verify(bad)).toEqual({ ok: false, reason: 'invalid' });
    }
  });

  it('never puts the secret into a token', () => {
    const { token } = createBearerTokens(base).issue();
    const [payload = ''] = token.split('.');
    expect(Buffer.from(payload, 'base64url').toString()).not.toContain(base.clientSecret);
    expect(token).not.toContain(base.clientSecret);
  });
});
