/**
 * Checking a request's parameters against the action's request object in Tencent's
 * structure, the way TCCC does, before the action looks at any value:
 *
 * - a parameter the object does not have: `UnknownParameter`, naming it and the parameters
 *   that object takes (checked first at each level, so `SeatUserID` fails as itself rather
 *   than as the `SeatUserId` it was meant to be);
 * - a required parameter absent (or null): `MissingParameter`;
 * - a value of the wrong type: `InvalidParameter` (`Integer`, a non-negative one for
 *   uint64, `Float`, `String`, `Boolean`, a list, an object).
 *
 * Nested objects and lists are checked the same way, each named by its flattened path
 * (`Staffs.0.Mail`), the form GET requests use. JSON (POST) values must have their JSON type;
 * GET values are query text, so integers, floats and booleans are parsed from it there.
 * What comes back is a fresh object with only the spec's members, values typed.
 */
import { CloudApiError, messages, TcccErrorCode } from '../errors.js';
import {
  isScalar,
  requestObjectName,
  type SpecMember,
  type SpecScalar,
  specObject,
} from './load.js';

export type CheckedParams = Record<string, unknown>;

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const join = (path: string, name: string | number) => (path ? `${path}.${name}` : String(name));

/** What a JSON value is, for "expected X, got Y". */
function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'number') return Number.isInteger(value) ? 'an integer' : 'a number';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value === 'boolean' ? 'boolean' : typeof value}`;
}

const SCALAR_NAMES: Record<SpecScalar, string> = {
  int64: 'Integer',
  uint64: 'Integer (>= 0)',
  float: 'Float',
  string: 'String',
  bool: 'Boolean',
};

function typeName(member: string): string {
  return isScalar(member) ? SCALAR_NAMES[member] : `Object (${member})`;
}

function expectedOf(member: SpecMember): string {
  if (member.type === 'list') return `a list of ${typeName(member.member)}`;
  return typeName(member.member);
}

const typeError = (path: string, expected: string, got: string) =>
  new CloudApiError(
    TcccErrorCode.InvalidParameter,
    messages.typeError(path, `${expected}, got ${got}`),
  );

const INTEGER_TEXT = /^-?\d{1,16}$/;
const FLOAT_TEXT = /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/;

function checkScalar(kind: SpecScalar, value: unknown, path: string, fromQuery: boolean): unknown {
  const text = fromQuery && typeof value === 'string' ? value : undefined;
  switch (kind) {
    case 'int64':
    case 'uint64': {
      const number = text !== undefined && INTEGER_TEXT.test(text) ? Number(text) : value;
      if (typeof number !== 'number' || !Number.isSafeInteger(number)) {
        throw typeError(path, SCALAR_NAMES[kind], text !== undefined ? 'text' : kindOf(value));
      }
      if (kind === 'uint64' && number < 0) throw typeError(path, SCALAR_NAMES[kind], 'a negative');
      return number;
    }
    case 'float': {
      const number = text !== undefined && FLOAT_TEXT.test(text) ? Number(text) : value;
      if (typeof number !== 'number' || !Number.isFinite(number)) {
        throw typeError(path, 'Float', text !== undefined ? 'text' : kindOf(value));
      }
      return number;
    }
    case 'bool': {
      if (text === 'true' || text === 'false') return text === 'true';
      if (typeof value !== 'boolean') {
        throw typeError(path, 'Boolean', text !== undefined ? 'text' : kindOf(value));
      }
      return value;
    }
    case 'string':
      if (typeof value !== 'string') throw typeError(path, 'String', kindOf(value));
      return value;
  }
}

interface Walk {
  fromQuery: boolean;
  /** Who takes the top-level parameters, for UnknownParameter (the action name). */
  action: string;
}

function checkElement(member: string, value: unknown, path: string, walk: Walk): unknown {
  if (isScalar(member)) {
    if (value === null) throw typeError(path, typeName(member), 'null');
    return checkScalar(member, value, path, walk.fromQuery);
  }
  if (!isPlainObject(value)) throw typeError(path, typeName(member), kindOf(value));
  return checkObject(member, value, path, walk);
}

function checkMember(member: SpecMember, value: unknown, path: string, walk: Walk): unknown {
  if (member.type === 'list') {
    if (!Array.isArray(value)) throw typeError(path, expectedOf(member), kindOf(value));
    return value.map((element, i) => checkElement(member.member, element, join(path, i), walk));
  }
  return checkElement(member.member, value, path, walk);
}

function checkObject(
  objectName: string,
  value: Readonly<Record<string, unknown>>,
  path: string,
  walk: Walk,
): CheckedParams {
  const { members } = specObject(objectName);
  const names = new Set(members.map((member) => member.name));
  for (const key of Object.keys(value)) {
    if (!names.has(key)) {
      throw new CloudApiError(
        TcccErrorCode.UnknownParameter,
        messages.unknownParameter(
          join(path, key),
          path ? `\`${path}\` (${objectName})` : walk.action,
          members.filter((member) => !member.disabled).map((member) => member.name),
          members.filter((member) => member.disabled).map((member) => member.name),
        ),
      );
    }
  }
  const checked: CheckedParams = {};
  for (const member of members) {
    const given = Object.hasOwn(value, member.name) ? value[member.name] : undefined;
    const at = join(path, member.name);
    if (given === undefined || given === null) {
      if (member.required) {
        throw new CloudApiError(TcccErrorCode.MissingParameter, messages.missingParameter(at));
      }
      continue;
    }
    checked[member.name] = checkMember(member, given, at, walk);
  }
  return checked;
}

/**
 * The action's parameters, checked against its request object; throws CloudApiError with
 * TCCC's code otherwise. `params` is the JSON body (POST) or the unflattened query (GET,
 * see query.ts), whose scalars are text.
 */
export function checkRequest(
  action: string,
  params: Readonly<Record<string, unknown>>,
  fromQuery: boolean,
): CheckedParams {
  return checkObject(requestObjectName(action), params, '', { fromQuery, action });
}
