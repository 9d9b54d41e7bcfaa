/**
 * Last line of defence for text that leaves the client (error messages, log fields):
 * replaces every occurrence of a known secret with `[REDACTED]`. The client never puts a
 * secret into such text on purpose; this catches what a dependency might.
 */
export const REDACTED = '[REDACTED]';

export function createScrubber(secrets: readonly string[]): (text: string) => string {
  // Very short values would redact ordinary words; real keys are 30+ characters.
  const needles = [...new Set(secrets)].filter((secret) => secret.length >= 8);
  return (text) => {
    let result = text;
    for (const needle of needles) result = result.split(needle).join(REDACTED);
    return result;
  };
}
