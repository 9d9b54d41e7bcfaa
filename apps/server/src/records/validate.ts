/**
 * Strict validation of pushed and fetched records against their structure (cdr-schema.ts).
 *
 * - Every known member must have its type; a wrong type is refused with the member's path
 *   (`ServeParticipants[2].RingTimestamp: must be a whole number of seconds, got a string`).
 * - `null` means "no value" (Tencent's SDK documents members that "may return null"): the
 *   member is dropped from the stored copy, unless it is required.
 * - Members the structure does not know are kept and stored as they came: TCCC adds members
 *   over time (the AI-agent ones are recent), and refusing a record for one would make TCCC
 *   retry it three times and then drop it. Their names are reported for the log; values
 *   nested deeper than `MAX_DEPTH` are refused (they are not a call record and could not be
 *   serialised safely).
 * - Identifiers (the members the structure marks `identifier`: SessionId, RecordId) are at
 *   most 128 printable characters; a SessionId, and the RecordId of a recording push, must
 *   not be empty, while a CDR's or a leg's RecordId is '' when nothing was recorded.
 */
import type { Field, FieldType, ObjectSchema } from './cdr-schema.js';

export type Validation<T> =
  | { ok: true; value: T; unknownMembers: string[] }
  | { ok: false; problems: string[] };

/** Deepest nesting accepted anywhere in a record (a CDR nests 3 levels). */
export const MAX_DEPTH = 16;
/** Problems listed in one answer; more are summarised. */
const MAX_PROBLEMS = 10;
const MAX_ID_LENGTH = 128;
/** 10^11 s is the year 5138: a larger "seconds" value is milliseconds sent by mistake. */
const MAX_SECONDS = 1e11;

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return 'a string';
  if (typeof value === 'number') return Number.isInteger(value) ? 'an integer' : 'a fraction';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** Nesting depth of `value`, walked without recursion (hostile input cannot blow the stack). */
function depthOf(value: unknown, limit: number): number {
  let deepest = 0;
  const stack: Array<[unknown, number]> = [[value, 1]];
  while (stack.length > 0) {
    const [item, depth] = stack.pop() as [unknown, number];
    if (item === null || typeof item !== 'object') continue;
    deepest = Math.max(deepest, depth);
    if (deepest > limit) return deepest;
    for (const child of Object.values(item)) stack.push([child, depth + 1]);
  }
  return deepest;
}

function checkIdentifier(
  path: string,
  value: string,
  rule: NonNullable<Field['identifier']>,
): string | undefined {
  if (value.length === 0) return rule === 'non-empty' ? `${path}: must not be empty` : undefined;
  if (value.length > MAX_ID_LENGTH) return `${path}: longer than ${MAX_ID_LENGTH} characters`;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
  if (/[\u0000-\u001f\u007f]/.test(value)) return `${path}: contains control characters`;
  return undefined;
}

interface Walk {
  problems: string[];
  unknown: string[];
}

function checkValue(type: FieldType, value: unknown, path: string, walk: Walk): unknown {
  const fail = (expected: string) => {
    walk.problems.push(`${path}: must be ${expected}, got ${describe(value)}`);
    return undefined;
  };
  if (type === 'string') return typeof value === 'string' ? value : fail('a string');
  if (type === 'integer') {
    return Number.isSafeInteger(value) ? value : fail('a whole number');
  }
  if (type === 'seconds') {
    if (!Number.isSafeInteger(value) || (value as number) < 0) {
      return fail('a whole number of seconds (Unix time)');
    }
    if ((value as number) >= MAX_SECONDS) {
      walk.problems.push(`${path}: ${value} is not Unix seconds (milliseconds?)`);
      return undefined;
    }
    return value;
  }
  if (type === 'string|integer') {
    return typeof value === 'string' || Number.isSafeInteger(value)
      ? value
      : fail('a string or a whole number');
  }
  if (type === 'string[]') {
    if (!Array.isArray(value)) return fail('a list of strings');
    value.forEach((item, index) => {
      if (typeof item !== 'string') {
        walk.problems.push(`${path}[${index}]: must be a string, got ${describe(item)}`);
      }
    });
    return value;
  }
  if ('object' in type) return checkObject(type.object, value, path, walk);
  if (!Array.isArray(value)) return fail(`a list of ${type.list.name}`);
  return value.map((item, index) => checkObject(type.list, item, `${path}[${index}]`, walk));
}

function checkObject(
  schema: ObjectSchema,
  value: unknown,
  path: string,
  walk: Walk,
): Record<string, unknown> | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    walk.problems.push(
      `${path || 'the body'}: must be a JSON object (${schema.name}), got ${describe(value)}`,
    );
    return undefined;
  }
  const out: Record<string, unknown> = {};
  const at = (name: string) => (path ? `${path}.${name}` : name);
  for (const [name, field] of Object.entries(schema.fields) as [string, Field][]) {
    const item = (value as Record<string, unknown>)[name];
    if (item === undefined || item === null) {
      if (field.required) walk.problems.push(`${at(name)}: required`);
      continue;
    }
    const checked = checkValue(field.type, item, at(name), walk);
    if (checked === undefined) continue;
    if (field.identifier && typeof checked === 'string') {
      const problem = checkIdentifier(at(name), checked, field.identifier);
      if (problem) walk.problems.push(problem);
    }
    out[name] = checked;
  }
  for (const [name, item] of Object.entries(value)) {
    if (Object.hasOwn(schema.fields, name)) continue;
    walk.unknown.push(at(name));
    if (depthOf(item, MAX_DEPTH) + path.split('.').length > MAX_DEPTH) {
      walk.problems.push(`${at(name)}: nested deeper than ${MAX_DEPTH} levels`);
      continue;
    }
    // `__proto__` from JSON.parse is an own property; keep it one (never the prototype).
    Object.defineProperty(out, name, {
      value: item,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}

/** Checks `value` against `schema`; on success a copy without null members. */
export function validateRecord<T>(value: unknown, schema: ObjectSchema): Validation<T> {
  const walk: Walk = { problems: [], unknown: [] };
  const checked = checkObject(schema, value, '', walk);
  if (walk.problems.length > 0 || checked === undefined) {
    const shown = walk.problems.slice(0, MAX_PROBLEMS);
    if (walk.problems.length > MAX_PROBLEMS) {
      shown.push(`and ${walk.problems.length - MAX_PROBLEMS} more`);
    }
    return { ok: false, problems: shown };
  }
  return { ok: true, value: checked as T, unknownMembers: walk.unknown };
}
