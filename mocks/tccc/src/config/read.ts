/**
 * Small readers for validating untrusted configuration: each pushes a problem naming the
 * field (`staff[2].skillGroups[0].priority must be …`) and carries on, so one error lists
 * every bad field. Values are quoted at most 64 characters; secret fields are never quoted.
 */
import { excerpt, quote } from '../quote.js';

export type Problems = string[];

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export function checkKeys(
  value: Record<string, unknown>,
  allowed: readonly string[],
  at: string,
  problems: Problems,
): void {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) {
      problems.push(
        `${at}${excerpt(key)} is not a known field (expected one of: ${allowed.join(', ')})`,
      );
    }
  }
}

/** A string without surrounding spaces, or undefined (with a problem) when it is not one. */
export function trimmedString(
  value: unknown,
  at: string,
  problems: Problems,
  { allowEmpty = false, max = 256 } = {},
): string | undefined {
  if (
    typeof value !== 'string' ||
    value !== value.trim() ||
    (!allowEmpty && value === '') ||
    value.length > max
  ) {
    const what = `a ${allowEmpty ? '' : 'non-empty '}string of at most ${max} characters without surrounding spaces`;
    problems.push(
      value === undefined
        ? `${at} is required: ${what}`
        : `${at} must be ${what} (got ${quote(value)})`,
    );
    return undefined;
  }
  return value;
}

/** An integer in [min, max], or undefined (with a problem). */
export function integer(
  value: unknown,
  at: string,
  problems: Problems,
  bounds: { min?: number; max?: number; what?: string } = {},
): number | undefined {
  const { min = 0, max = Number.MAX_SAFE_INTEGER } = bounds;
  const what = bounds.what ?? `an integer from ${min}`;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > max) {
    problems.push(
      value === undefined
        ? `${at} is required: ${what}`
        : `${at} must be ${what} (got ${quote(value)})`,
    );
    return undefined;
  }
  return value;
}

export function boolean(value: unknown, at: string, problems: Problems): boolean | undefined {
  if (typeof value !== 'boolean') {
    problems.push(`${at} must be true or false (got ${quote(value)})`);
    return undefined;
  }
  return value;
}

/** An array, or undefined (with a problem naming what its items should be). */
export function array(
  value: unknown,
  at: string,
  problems: Problems,
  items: string,
): unknown[] | undefined {
  if (!Array.isArray(value)) {
    problems.push(`${at} must be an array of ${items}`);
    return undefined;
  }
  return value;
}
