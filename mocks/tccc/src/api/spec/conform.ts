/**
 * Does a value fit an object of Tencent's structure? Lists every problem, each with its path
 * (`TelCdrList.3.SeatUser.Mail: expected String, got a number`). Used by the tests on every
 * answer the mock gives (`answerProblems`), and by the control plane on CDRs added in bulk.
 *
 * - member names: only the object's members (deprecated ones included);
 * - types: Integer (a safe integer; >= 0 for uint64), Float, String, Boolean, lists of them,
 *   nested objects, recursively;
 * - null: only where `value_allowed_null` says so;
 * - required: in `output` mode every member with `output_required` that is not deprecated
 *   (TCCC's answers always carry those); in `input` mode only the names in `required`.
 */
import {
  isScalar,
  responseObjectName,
  type SpecMember,
  specHasAction,
  specObject,
} from './load.js';

export interface ConformOptions {
  /** `output`: answers (output_required members must be there). `input`: only `required`. */
  mode: 'output' | 'input';
  /** input mode: member names that must be present at the top level. */
  required?: readonly string[];
  /** Stop after this many problems (default 20). */
  maxProblems?: number;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'number') return Number.isInteger(value) ? 'an integer' : 'a number';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

function scalarProblem(member: string, value: unknown): string | undefined {
  switch (member) {
    case 'int64':
    case 'uint64':
      if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
        return `expected Integer, got ${kindOf(value)}`;
      }
      return member === 'uint64' && value < 0 ? 'expected Integer >= 0, got a negative' : undefined;
    case 'float':
      return typeof value === 'number' && Number.isFinite(value)
        ? undefined
        : `expected Float, got ${kindOf(value)}`;
    case 'string':
      return typeof value === 'string' ? undefined : `expected String, got ${kindOf(value)}`;
    case 'bool':
      return typeof value === 'boolean' ? undefined : `expected Boolean, got ${kindOf(value)}`;
    default:
      return `unknown scalar type ${member}`;
  }
}

class Collector {
  readonly problems: string[] = [];
  constructor(private readonly max: number) {}
  add(path: string, problem: string) {
    if (this.problems.length < this.max) this.problems.push(`${path || '(top)'}: ${problem}`);
  }
  get full() {
    return this.problems.length >= this.max;
  }
}

function checkElement(member: string, value: unknown, path: string, out: Collector, mode: string) {
  if (isScalar(member)) {
    const problem = scalarProblem(member, value);
    if (problem) out.add(path, problem);
    return;
  }
  if (!isPlainObject(value)) {
    out.add(path, `expected Object (${member}), got ${kindOf(value)}`);
    return;
  }
  checkObject(member, value, path, out, mode === 'output' ? 'output' : 'nested-input', []);
}

function checkMember(
  member: SpecMember,
  value: unknown,
  path: string,
  out: Collector,
  mode: string,
) {
  if (value === null) {
    if (!member.value_allowed_null) out.add(path, 'null is not allowed here');
    return;
  }
  if (member.type === 'list') {
    if (!Array.isArray(value)) {
      out.add(path, `expected a list, got ${kindOf(value)}`);
      return;
    }
    value.forEach((element, i) => {
      if (!out.full) checkElement(member.member, element, `${path}.${i}`, out, mode);
    });
    return;
  }
  checkElement(member.member, value, path, out, mode);
}

function checkObject(
  objectName: string,
  value: Record<string, unknown>,
  path: string,
  out: Collector,
  mode: 'output' | 'input' | 'nested-input',
  required: readonly string[],
) {
  const { members } = specObject(objectName);
  const byName = new Map(members.map((member) => [member.name, member]));
  const at = (name: string) => (path ? `${path}.${name}` : name);
  for (const key of Object.keys(value)) {
    if (!byName.has(key)) out.add(at(key), `${objectName} has no member of this name`);
  }
  for (const member of members) {
    if (out.full) return;
    if (!Object.hasOwn(value, member.name) || value[member.name] === undefined) {
      const mustHave =
        mode === 'output'
          ? member.output_required === true && !member.disabled
          : required.includes(member.name);
      if (mustHave) out.add(at(member.name), `required in ${objectName}, missing`);
      continue;
    }
    checkMember(member, value[member.name], at(member.name), out, mode);
  }
}

/** Problems of `value` as an object `objectName`; empty when it fits. */
export function conformProblems(
  objectName: string,
  value: unknown,
  options: ConformOptions,
): string[] {
  const out = new Collector(options.maxProblems ?? 20);
  if (!isPlainObject(value)) {
    out.add('', `expected Object (${objectName}), got ${kindOf(value)}`);
    return out.problems;
  }
  checkObject(objectName, value, '', out, options.mode, options.required ?? []);
  return out.problems;
}

/**
 * Problems of a whole cloud API answer body: `{"Response": {...}}` with a string RequestId,
 * and either an `Error` of exactly `{Code, Message}` strings and nothing else, or the
 * action's response members.
 */
export function answerProblems(action: string, body: unknown): string[] {
  if (!isPlainObject(body) || Object.keys(body).join() !== 'Response') {
    return ['(top): expected exactly {"Response": {...}}'];
  }
  const response = body.Response;
  if (!isPlainObject(response)) return ['Response: expected an object'];
  const problems: string[] = [];
  if (typeof response.RequestId !== 'string' || response.RequestId === '') {
    problems.push('Response.RequestId: expected a non-empty String');
  }
  if (Object.hasOwn(response, 'Error')) {
    const error = response.Error;
    const extra = Object.keys(response).filter((key) => key !== 'Error' && key !== 'RequestId');
    if (extra.length > 0) problems.push(`Response: an error answer also has ${extra.join(', ')}`);
    if (
      !isPlainObject(error) ||
      Object.keys(error).sort().join() !== 'Code,Message' ||
      typeof error.Code !== 'string' ||
      error.Code === '' ||
      typeof error.Message !== 'string' ||
      error.Message === ''
    ) {
      problems.push('Response.Error: expected exactly {Code, Message}, non-empty Strings');
    }
    return problems;
  }
  if (!specHasAction(action)) return [...problems, `(top): TCCC has no action ${action}`];
  return [
    ...problems,
    ...conformProblems(responseObjectName(action), response, { mode: 'output' }).map(
      (problem) => `Response.${problem}`,
    ),
  ];
}
