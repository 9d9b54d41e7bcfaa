/**
 * Untrusted input quoted in an error message, bounded: a message says what was wrong
 * without sending back whatever the caller sent (500 KB in must not mean 500 KB out).
 */

/** How many characters of a caller's value an error message repeats. */
export const MAX_QUOTED_CHARS = 64;

/** `text` itself when short; else its first `max` characters and "…". */
export function excerpt(text: string, max = MAX_QUOTED_CHARS): string {
  if (text.length <= max) return text;
  let end = max;
  // Never cut a surrogate pair in half: the message must stay well-formed UTF-16.
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}…`;
}

/** Any value as bounded JSON, e.g. `"abc"`, `42`, `{"a":1}`, `"aaaa…` when cut. */
export function quote(value: unknown, max = MAX_QUOTED_CHARS): string {
  // Strings are cut before stringifying, so a huge one is never copied whole.
  if (typeof value === 'string') return JSON.stringify(excerpt(value, max));
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch {
    json = undefined; // a cycle or a BigInt: not from JSON, but say something useful
  }
  return excerpt(json ?? String(value), max);
}
