/**
 * Redaction for everything that goes to the logs.
 *
 * Logs are read by more people, and kept longer, than the secrets they could leak. So
 * every log line passes through `redact()`, which removes, wherever they appear:
 * - values under sensitive keys (secret, password, token, cookie, authorization, sdkUrl,
 *   signature, credential, set-cookie, ...);
 * - the exact values of the secrets the server knows (SecretKey, SecretId, session
 *   secret, demo password), even inside longer strings such as error messages;
 * - the path and query of any URL (SDK URLs carry their one-time credential there), the
 *   value of `name=value` pairs whose name is sensitive, Authorization schemes (Bearer,
 *   TC3-HMAC-SHA256), Tencent SecretIds (AKID...), and long hex or base64 runs (tokens).
 */

export const REDACTED = '[redacted]';

const SENSITIVE_KEY =
  /secret|passw(or)?d|token|cookie|authorization|sdk_?url|signature|credential|session_?secret|api_?key/i;

const URL_PATTERN = /\b(https?|wss?):\/\/[^\s/?#"'<>]+([/?#][^\s"'<>]*)?/gi;
const SENSITIVE_PAIR =
  /\b([\w.-]*(?:secret|passw(?:or)?d|token|session|signature|credential|sdkurl|key)[\w.-]*)=([^;&\s"',]+)/gi;
const AUTH_SCHEME = /\b(Bearer|Basic|TC3-HMAC-SHA256)\s+[^\s"',]+(?:,\s*[\w]+=[^\s"',]+)*/g;
const SECRET_ID = /\bAKID[A-Za-z0-9]{8,}\b/g;
const LONG_HEX = /\b[A-Fa-f0-9]{32,}\b/g;
const LONG_BASE64 = /[A-Za-z0-9+/_]{40,}={0,2}/g;
/**
 * A long run with a slash and no capital letter is a file path in a stack trace
 * (`/work/app/node_modules/hono/dist/compose`), not base64: random base64 of 40 characters
 * has a capital letter all but once in a billion. Kept, so stacks stay readable.
 */
const looksLikePath = (run: string) => run.includes('/') && !/[A-Z]/.test(run);

export interface Redactor {
  /** A deep copy of `value` with secrets removed; safe to serialise into a log line. */
  redact(value: unknown): unknown;
  /** `text` with secrets removed. */
  scrub(text: string): string;
}

export interface RedactorOptions {
  /** Exact secret values to remove anywhere they appear (values shorter than 4 chars are ignored). */
  secrets?: readonly (string | undefined)[];
}

export function createRedactor(options: RedactorOptions = {}): Redactor {
  const secrets = [
    ...new Set((options.secrets ?? []).filter((s): s is string => !!s && s.length >= 4)),
  ].sort((a, b) => b.length - a.length);

  function scrub(text: string): string {
    let out = text;
    for (const secret of secrets) out = out.split(secret).join(REDACTED);
    return out
      .replace(URL_PATTERN, (match: string, _scheme: string, rest: string | undefined) => {
        if (!rest || rest === '/') return match;
        return `${match.slice(0, match.length - rest.length)}/${REDACTED}`;
      })
      .replace(AUTH_SCHEME, (_match, scheme: string) => `${scheme} ${REDACTED}`)
      .replace(SENSITIVE_PAIR, (_match, name: string) => `${name}=${REDACTED}`)
      .replace(SECRET_ID, REDACTED)
      .replace(LONG_HEX, REDACTED)
      .replace(LONG_BASE64, (run) => (looksLikePath(run) ? run : REDACTED));
  }

  function redact(value: unknown, seen = new WeakSet<object>()): unknown {
    if (typeof value === 'string') return scrub(value);
    if (value === null || typeof value !== 'object') return value;
    if (seen.has(value)) return '[circular]';
    seen.add(value);
    if (value instanceof Error) return redactError(value, seen);
    if (value instanceof Date) return value.toISOString();
    if (Array.isArray(value)) return value.map((item) => redact(item, seen));
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      out[key] = SENSITIVE_KEY.test(key) && item != null ? REDACTED : redact(item, seen);
    }
    return out;
  }

  function redactError(error: Error, seen: WeakSet<object>): Record<string, unknown> {
    const out: Record<string, unknown> = { name: error.name, message: scrub(error.message) };
    for (const key of ['code', 'requestId', 'traceId', 'retryable', 'httpStatus', 'attempts']) {
      const item = (error as unknown as Record<string, unknown>)[key];
      if (item !== undefined) out[key] = redact(item, seen);
    }
    if (error.stack) out.stack = scrub(error.stack);
    return out;
  }

  return { redact: (value) => redact(value), scrub };
}
