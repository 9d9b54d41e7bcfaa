/**
 * Tencent's published structure of the `ccc` cloud API (../../../spec/ccc-2020-02-10.json,
 * where it came from is in spec/README.md): every action's request and response object and
 * every object's members. The mock checks requests against it (request.ts), completes and
 * tests its answers against it (complete.ts, conform.ts), and generates its coverage table
 * from it (../coverage.ts). Read once, on first use; the file sits beside src/ and dist/ alike.
 */
import { readFileSync } from 'node:fs';

/** `type` of a member: a scalar, a list of `member`, or an object of type `member`. */
export type SpecType = 'int' | 'float' | 'string' | 'bool' | 'list' | 'object';
/** `member` of a scalar (or of a list of scalars); anything else names an object. */
export type SpecScalar = 'int64' | 'uint64' | 'float' | 'string' | 'bool';

export interface SpecMember {
  readonly name: string;
  readonly type: SpecType;
  /** The element type of a list, the object type of an object, or the scalar itself. */
  readonly member: string;
  /** Requests: the caller must send it. */
  readonly required?: boolean;
  /** Answers: TCCC always sends it. */
  readonly output_required?: boolean;
  /** Answers: it may be null. */
  readonly value_allowed_null?: boolean;
  /** Deprecated (still accepted in requests, still sent in some answers). */
  readonly disabled?: boolean;
  readonly example?: string;
}

export interface SpecObject {
  readonly members: readonly SpecMember[];
}

export interface SpecAction {
  readonly input: string;
  readonly output: string;
  readonly status: string;
}

export interface CccSpec {
  readonly service: string;
  readonly source: string;
  readonly actions: Readonly<Record<string, SpecAction>>;
  readonly objects: Readonly<Record<string, SpecObject>>;
}

/** The copy of Tencent's structure the mock ships (package root, `spec/`). */
export const SPEC_FILE = new URL('../../../spec/ccc-2020-02-10.json', import.meta.url);

const SCALARS: ReadonlySet<string> = new Set(['int64', 'uint64', 'float', 'string', 'bool']);

export function isScalar(member: string): member is SpecScalar {
  return SCALARS.has(member);
}

let loaded: CccSpec | undefined;

/** The spec, read and checked once. */
export function cccSpec(): CccSpec {
  loaded ??= checkSpec(JSON.parse(readFileSync(SPEC_FILE, 'utf8')));
  return loaded;
}

/** Whether TCCC has the action (own names only: `constructor` is not an action). */
export function specHasAction(name: string): boolean {
  return Object.hasOwn(cccSpec().actions, name);
}

/** Every action name of the spec, sorted. */
export function specActionNames(): string[] {
  return Object.keys(cccSpec().actions).sort();
}

export function specObject(name: string): SpecObject {
  const spec = cccSpec();
  const object = Object.hasOwn(spec.objects, name) ? spec.objects[name] : undefined;
  if (!object) throw new Error(`the TCCC spec has no object ${name}`);
  return object;
}

/** `<Action>Request`, the object an action's parameters must fit. */
export function requestObjectName(action: string): string {
  return specActionOf(action).input;
}

/** `<Action>Response`, the object an action's answers must fit. */
export function responseObjectName(action: string): string {
  return specActionOf(action).output;
}

function specActionOf(action: string): SpecAction {
  const spec = cccSpec();
  const entry = Object.hasOwn(spec.actions, action) ? spec.actions[action] : undefined;
  if (!entry) throw new Error(`the TCCC spec has no action ${action}`);
  return entry;
}

/** Fails loudly if the file is not the structure this code reads (a bad copy, a new format). */
function checkSpec(value: unknown): CccSpec {
  const spec = value as CccSpec;
  const fail = (what: string) => {
    throw new Error(`${SPEC_FILE.pathname} is not a TCCC API structure: ${what}`);
  };
  if (typeof spec !== 'object' || spec === null) fail('not an object');
  if (spec.service !== 'ccc') fail('service is not "ccc"');
  if (typeof spec.actions !== 'object' || typeof spec.objects !== 'object') {
    fail('actions or objects missing');
  }
  for (const [name, action] of Object.entries(spec.actions)) {
    for (const side of [action.input, action.output]) {
      if (!Object.hasOwn(spec.objects, side)) fail(`action ${name} names unknown object ${side}`);
    }
  }
  for (const [name, object] of Object.entries(spec.objects)) {
    for (const member of object.members) {
      if (!isScalar(member.member) && !Object.hasOwn(spec.objects, member.member)) {
        fail(`${name}.${member.name} names unknown type ${member.member}`);
      }
    }
  }
  return spec;
}
