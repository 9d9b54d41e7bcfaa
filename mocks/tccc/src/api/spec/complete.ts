/**
 * TCCC's answers carry every member their structure marks `output_required`, with an empty
 * value where there is nothing to say (`"ProtectedCaller": ""`, `"VoicemailRecordURL": []`,
 * as Tencent's example answers show). The store keeps records as they were made or given;
 * `completeObject` fills in the members they lack, recursively, so every answer fits the
 * structure whatever a record left out.
 */
import { isScalar, type SpecMember, specObject } from './load.js';

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function emptyValue(member: SpecMember): unknown {
  if (member.type === 'list') return [];
  switch (member.member) {
    case 'int64':
    case 'uint64':
    case 'float':
      return 0;
    case 'string':
      return '';
    case 'bool':
      return false;
    default:
      return completeObject(member.member, {});
  }
}

function completeElement(member: string, value: unknown): unknown {
  return !isScalar(member) && isPlainObject(value) ? completeObject(member, value) : value;
}

/**
 * A copy of `value` with every non-deprecated `output_required` member of `objectName`
 * present (empty if it was absent), nested objects completed too. Members already present
 * (deprecated ones included) are kept as they are.
 */
export function completeObject<T extends object>(objectName: string, value: T): T {
  const source = value as Record<string, unknown>;
  const result: Record<string, unknown> = {};
  for (const member of specObject(objectName).members) {
    const given = Object.hasOwn(source, member.name) ? source[member.name] : undefined;
    if (given === undefined) {
      if (member.output_required && !member.disabled) result[member.name] = emptyValue(member);
      continue;
    }
    result[member.name] = Array.isArray(given)
      ? given.map((element) => completeElement(member.member, element))
      : completeElement(member.member, given);
  }
  return result as T;
}
