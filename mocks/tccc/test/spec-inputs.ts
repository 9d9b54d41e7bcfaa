/**
 * Request parameters for an action, drawn from its request structure (test helper): values of
 * the right type that a test could send (many of them out of range, so the action's value
 * checks answer too), and mutations of a valid request that break the structure (a member
 * missing, null, of the wrong type, an unknown name, nested ones too).
 */
import { isScalar, requestObjectName, type SpecMember, specObject } from '../src/api/spec/load.js';

/** Seeded randomness, so a failing input can be found again (mulberry32). */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export interface InputContext {
  random: () => number;
  /** Values worth trying for a member name: the app id, live session ids, mails, statuses. */
  hints: (name: string) => readonly unknown[];
  nowSeconds: number;
}

const pick = <T>(random: () => number, list: readonly T[]): T =>
  list[Math.floor(random() * list.length)] as T;

function scalar(kind: string, name: string, context: InputContext): unknown {
  const { random, hints, nowSeconds } = context;
  const hinted = hints(name);
  if (hinted.length > 0 && random() < 0.7) return pick(random, hinted);
  switch (kind) {
    case 'int64':
    case 'uint64': {
      const values = /Time/i.test(name)
        ? [nowSeconds, nowSeconds - 3_600, nowSeconds - 86_400 * 200, nowSeconds * 1000, 0]
        : [0, 1, 2, 10, 25, 26, 100, 101, 9999, 10_000, 2 ** 40];
      const value = pick(random, values);
      return kind === 'int64' && random() < 0.1 ? -value - 1 : value;
    }
    case 'float':
      return pick(random, [0, 0.5, 1.5, 100]);
    case 'bool':
      return random() < 0.5;
    default:
      return pick(random, [
        '',
        'x',
        'agent@example.com',
        'free',
        'rest',
        'a'.repeat(300),
        '\u4e2d\u6587',
      ]);
  }
}

function value(member: SpecMember, context: InputContext, depth: number): unknown {
  const element = () =>
    isScalar(member.member)
      ? scalar(member.member, member.name, context)
      : objectOf(member.member, context, depth + 1);
  if (member.type !== 'list') return element();
  const length = pick(context.random, [0, 1, 1, 2, 3, 11, 26]);
  return Array.from({ length }, element);
}

/** A value of the object's type: required members always, optional ones half the time. */
export function objectOf(
  objectName: string,
  context: InputContext,
  depth = 0,
): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const member of specObject(objectName).members) {
    if (!member.required && (depth > 2 || context.random() < 0.5)) continue;
    result[member.name] = value(member, context, depth);
  }
  return result;
}

/** Random well-typed parameters for the action. */
export function randomParams(action: string, context: InputContext): Record<string, unknown> {
  return objectOf(requestObjectName(action), context);
}

const wrongValue = (member: SpecMember): unknown => {
  if (member.type === 'list') return 'not-a-list';
  if (member.type === 'object') return 42;
  return member.member === 'string' ? 42 : 'text';
};

/** `valid` broken one way at a time: every member missing, null, mistyped; unknown names. */
export function mutations(
  action: string,
  valid: Record<string, unknown>,
): Record<string, unknown>[] {
  const broken: Record<string, unknown>[] = [
    { ...valid, NotAParameter: 1 },
    { ...valid, sdkappid: 1 },
  ];
  for (const member of specObject(requestObjectName(action)).members) {
    const { [member.name]: _, ...without } = valid;
    broken.push(
      without,
      { ...valid, [member.name]: null },
      { ...valid, [member.name]: wrongValue(member) },
    );
    const given = valid[member.name];
    if (member.type === 'list' && Array.isArray(given) && given.length > 0) {
      const first = given[0];
      broken.push({ ...valid, [member.name]: [null] });
      if (typeof first === 'object' && first !== null) {
        broken.push({ ...valid, [member.name]: [{ ...first, Unknown: true }] });
        for (const key of Object.keys(first)) {
          const { [key]: _gone, ...less } = first as Record<string, unknown>;
          broken.push(
            { ...valid, [member.name]: [less] },
            { ...valid, [member.name]: [{ ...first, [key]: [] }] },
          );
        }
      } else {
        broken.push({ ...valid, [member.name]: [{}] });
      }
    }
  }
  return broken;
}
