import { describe, expect, it } from 'vitest';
import { createLogger } from './logger.js';
import { createRedactor, REDACTED } from './redact.js';

const SECRET_KEY = 'mocktcccsecretkey000000000000000';
const redactor = createRedactor({ secrets: [SECRET_KEY, 'hunter2hunter2'] });

describe('redact', () => {
  it('drops values under sensitive keys at any depth', () => {
    expect(
      redactor.redact({
        secretKey: 'abc',
        nested: {
          sdkUrl: 'http://x/y',
          Authorization: 'TC3 ...',
          cookie: 'a=b',
          password: 'p',
          token: 't',
        },
        list: [{ sessionSecret: 's' }],
        requestId: 'req-1',
        status: 200,
      }),
    ).toEqual({
      secretKey: REDACTED,
      nested: {
        sdkUrl: REDACTED,
        Authorization: REDACTED,
        cookie: REDACTED,
        password: REDACTED,
        token: REDACTED,
      },
      list: [{ sessionSecret: REDACTED }],
      requestId: 'req-1',
      status: 200,
    });
  });

  it('removes known secrets and one-time URLs from free text', () => {
    const text = `signing with ${SECRET_KEY} failed for http://127.0.0.1:4000/sdk/tccc.js?token=f6cf9eb4882e588753f874385e359bad`;
    const scrubbed = redactor.scrub(text);
    expect(scrubbed).toBe(`signing with ${REDACTED} failed for http://127.0.0.1:4000/${REDACTED}`);
  });

  it('keeps bare origins, request ids and ordinary words', () => {
    const text =
      'TCCC at http://127.0.0.1:4000 answered 6bb56a09-2787-40bc-80c5-dc6dab783eff in 12 ms';
    expect(redactor.scrub(text)).toBe(text);
  });

  it('removes cookies, authorization headers, SecretIds and long tokens', () => {
    expect(redactor.scrub('Cookie: tccc_session=eyJzdWIiOiJhIn0.c2lnbmF0dXJl; other=1')).toBe(
      `Cookie: tccc_session=${REDACTED}; other=1`,
    );
    expect(redactor.scrub('Authorization: Bearer abc.def.ghi')).toBe(
      `Authorization: Bearer ${REDACTED}`,
    );
    expect(
      redactor.scrub(
        'Authorization: TC3-HMAC-SHA256 Credential=AKIDx/2026-01-01/ccc/tc3_request, SignedHeaders=content-type;host, Signature=abc',
      ),
    ).not.toMatch(/AKIDx|Signature=abc/);
    expect(redactor.scrub('key AKIDmocktccc000000000000000000000000 used')).toBe(
      `key ${REDACTED} used`,
    );
    expect(redactor.scrub('token 6bb56a09278740bc80c5dc6dab783eff')).toBe(`token ${REDACTED}`);
  });

  it('keeps file paths in stack traces readable but still removes base64 runs', () => {
    const stack = [
      'at async file:///work/main/apps/server/dist/tccc/routes.js:31:22',
      'at dispatch (file:///work/main/node_modules/.pnpm/hono@4.13.19/node_modules/hono/dist/middleware/method-not-allowed/index.js:45:3)',
    ].join('\n');
    expect(redactor.scrub(stack)).toBe(stack);
    // Standard base64 (with slashes) and base64url runs of 40+ characters are tokens.
    const base64 = 'q83vEjRWeJq8/3sT9uYw2a+Fk0Lr/M1xZbN4Yc7d+PQ=';
    const base64url = 'eyJzdWIiOiJhZ2VudEBleGFtcGxlLmNvbSIsImV4cCI6MTc2NDAwMDAwMH0';
    expect(redactor.scrub(`a ${base64} b`)).toBe(`a ${REDACTED} b`);
    expect(redactor.scrub(`a ${base64url} b`)).toBe(`a ${REDACTED} b`);
  });

  it('serialises errors without leaking secrets from their message or stack', () => {
    const error = Object.assign(new Error(`bad key ${SECRET_KEY}`), {
      code: 'AuthFailure.SignatureFailure',
    });
    const out = redactor.redact({ err: error }) as { err: Record<string, unknown> };
    expect(out.err.name).toBe('Error');
    expect(out.err.code).toBe('AuthFailure.SignatureFailure');
    expect(out.err.message).toBe(`bad key ${REDACTED}`);
    expect(String(out.err.stack)).not.toContain(SECRET_KEY);
  });

  it('survives circular structures', () => {
    const a: Record<string, unknown> = { name: 'a' };
    a.self = a;
    expect(redactor.redact(a)).toEqual({ name: 'a', self: '[circular]' });
  });
});

describe('createLogger', () => {
  it('writes one redacted JSON object per line, filtered by level', () => {
    const lines: string[] = [];
    const logger = createLogger({
      level: 'info',
      redactor,
      write: (line) => lines.push(line),
      now: () => new Date('2026-01-01T00:00:00Z'),
    });
    logger.debug({ detail: 1 }, 'hidden');
    logger
      .child({ component: 'test' })
      .warn(
        { password: 'hunter2hunter2', seat: 'agent@example.com' },
        'password hunter2hunter2 rejected',
      );
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] ?? '')).toEqual({
      time: '2026-01-01T00:00:00.000Z',
      level: 'warn',
      msg: `password ${REDACTED} rejected`,
      component: 'test',
      password: REDACTED,
      seat: 'agent@example.com',
    });
  });

  it('does not let a failing sink break the caller', () => {
    const logger = createLogger({
      level: 'debug',
      redactor,
      write: () => {
        throw new Error('disk full');
      },
    });
    expect(() => logger.error({}, 'x')).not.toThrow();
  });
});
