/**
 * Fault injection: rules that make the next matching request fail in a chosen way.
 *
 * A rule names a target: a cloud API action (`CreateSDKLoginToken`), `*` for every cloud
 * API action, a name the SDK host uses (`sdk.script`, `sdk.login`, ...), a Data Push
 * (`push.cdr`, `push.record`), or a prefix wildcard such as `sdk.*` or `push.*`.
 * `take(target)` returns the first live rule that matches and consumes one of its `times`.
 *
 * Requests (cloud API, SDK host) take `error`, `status`, `drop`, `delay` and `hang`. Pushes
 * (src/push/) take `drop` (never sent), `duplicate` (sent twice, same UUID), `reorder` (held
 * until the app's next push went out), `delay` (ms of MOCK time) and `unreachable` (attempts
 * fail as if the receiver were down; its `times` counts attempts, the others' count pushes).
 *
 * One mechanism serves every transport: a fault is performed by answering a Response.
 * `drop` and released `hang`s answer `Response.error()` (a network error in Fetch terms);
 * msw passes that on as a network error and the standalone server destroys the socket.
 */
import { excerpt, quote } from '../quote.js';

export type FaultEffect =
  | { kind: 'error'; code: string; message?: string }
  | { kind: 'status'; status: number; body?: string | Record<string, unknown> | unknown[] }
  | { kind: 'drop' }
  | { kind: 'delay'; ms: number }
  | { kind: 'hang' }
  | { kind: 'duplicate' }
  | { kind: 'reorder' }
  | { kind: 'unreachable' };

export type FaultKind = FaultEffect['kind'];

interface FaultCommon {
  /** Non-empty: an action name, `*`, or a `prefix.*` wildcard. */
  target: string;
  /** Apply to the next N matching requests, then retire. Unlimited when absent. */
  times?: number;
  /** Chance (0..1) that a matching request is affected; 1 when absent. */
  probability?: number;
}

/** A rule as callers add it. */
export type FaultRuleInput = FaultCommon & FaultEffect;

/** A rule the mock holds: the input plus its id and how many uses remain. */
export type FaultRule = FaultRuleInput & { id: string; remaining: number | null };

export const MAX_DELAY_MS = 10 * 60 * 1000;

export class FaultRuleError extends Error {
  override readonly name = 'FaultRuleError';
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const EXTRA_FIELDS: Record<FaultKind, readonly string[]> = {
  error: ['code', 'message'],
  status: ['status', 'body'],
  drop: [],
  delay: ['ms'],
  hang: [],
  duplicate: [],
  reorder: [],
  unreachable: [],
};

/** Data Push targets: rules on them shape pushes, not requests. */
export const PUSH_TARGETS = ['push.cdr', 'push.record', 'push.*'] as const;
/** Kinds a request (cloud API, SDK host) rule may have. */
export const REQUEST_FAULT_KINDS: readonly FaultKind[] = [
  'error',
  'status',
  'drop',
  'delay',
  'hang',
];
/** Kinds a push rule may have. */
export const PUSH_FAULT_KINDS: readonly FaultKind[] = [
  'drop',
  'duplicate',
  'reorder',
  'delay',
  'unreachable',
];

const isPushTarget = (target: string) => target === 'push' || target.startsWith('push.');

/** Validate an untrusted rule (JSON from the control plane, or code); throws FaultRuleError. */
export function parseFaultRule(input: unknown): FaultRuleInput {
  if (!isRecord(input)) throw new FaultRuleError('a fault rule must be a JSON object');
  const { target, kind, times, probability } = input;
  if (typeof target !== 'string' || target.trim() === '') {
    throw new FaultRuleError(
      'target must be a non-empty string: an action such as "CreateSDKLoginToken", "*", or an SDK target such as "sdk.login"',
    );
  }
  if (typeof kind !== 'string' || !Object.hasOwn(EXTRA_FIELDS, kind)) {
    throw new FaultRuleError(
      `kind must be one of ${Object.keys(EXTRA_FIELDS).join(', ')} (got ${quote(kind)})`,
    );
  }
  if (isPushTarget(target)) {
    if (!(PUSH_TARGETS as readonly string[]).includes(target)) {
      throw new FaultRuleError(
        `a push target is one of ${PUSH_TARGETS.join(', ')} (got ${quote(target)})`,
      );
    }
    if (!PUSH_FAULT_KINDS.includes(kind as FaultKind)) {
      throw new FaultRuleError(
        `a "${kind}" rule does not apply to pushes; a push rule's kind is one of ${PUSH_FAULT_KINDS.join(', ')}`,
      );
    }
  } else if (!REQUEST_FAULT_KINDS.includes(kind as FaultKind)) {
    throw new FaultRuleError(
      `a "${kind}" rule applies only to Data Pushes (target ${PUSH_TARGETS.join(', ')}); a request rule's kind is one of ${REQUEST_FAULT_KINDS.join(', ')}`,
    );
  }
  const allowed = ['target', 'kind', 'times', 'probability', ...EXTRA_FIELDS[kind as FaultKind]];
  for (const key of Object.keys(input)) {
    if (!allowed.includes(key)) {
      throw new FaultRuleError(
        `${excerpt(key)} is not a field of a "${kind}" rule (allowed: ${allowed.join(', ')})`,
      );
    }
  }
  const common: FaultCommon = { target };
  if (times !== undefined) {
    if (typeof times !== 'number' || !Number.isSafeInteger(times) || times < 1) {
      throw new FaultRuleError(
        'times must be an integer >= 1 (omit it for a rule that never retires)',
      );
    }
    common.times = times;
  }
  if (probability !== undefined) {
    if (typeof probability !== 'number' || !(probability >= 0 && probability <= 1)) {
      throw new FaultRuleError('probability must be a number from 0 to 1');
    }
    common.probability = probability;
  }
  switch (kind as FaultKind) {
    case 'error': {
      const { code, message } = input;
      if (typeof code !== 'string' || !/^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z0-9]+)*$/.test(code)) {
        throw new FaultRuleError(
          'an "error" rule needs code, a TCCC error code such as "InternalError"',
        );
      }
      if (message !== undefined && typeof message !== 'string') {
        throw new FaultRuleError('message must be a string');
      }
      return message === undefined
        ? { ...common, kind: 'error', code }
        : { ...common, kind: 'error', code, message };
    }
    case 'status': {
      const { status, body } = input;
      if (typeof status !== 'number' || !Number.isInteger(status) || status < 400 || status > 599) {
        throw new FaultRuleError('a "status" rule needs status, an HTTP status from 400 to 599');
      }
      if (body !== undefined && typeof body !== 'string' && typeof body !== 'object') {
        throw new FaultRuleError('body must be a string or a JSON object/array');
      }
      return body === undefined || body === null
        ? { ...common, kind: 'status', status }
        : { ...common, kind: 'status', status, body: body as string | Record<string, unknown> };
    }
    case 'delay': {
      const { ms } = input;
      if (typeof ms !== 'number' || !Number.isInteger(ms) || ms < 0 || ms > MAX_DELAY_MS) {
        throw new FaultRuleError(`a "delay" rule needs ms, an integer from 0 to ${MAX_DELAY_MS}`);
      }
      return { ...common, kind: 'delay', ms };
    }
    case 'drop':
      return { ...common, kind: 'drop' };
    case 'hang':
      return { ...common, kind: 'hang' };
    case 'duplicate':
      return { ...common, kind: 'duplicate' };
    case 'reorder':
      return { ...common, kind: 'reorder' };
    case 'unreachable':
      return { ...common, kind: 'unreachable' };
  }
}

/** Whether a rule's target pattern covers a request target. */
export function targetMatches(pattern: string, target: string): boolean {
  if (pattern === target) return true;
  // "*" means every cloud API action; those are dot-free names like CreateSDKLoginToken.
  if (pattern === '*') return !target.includes('.');
  if (pattern.endsWith('.*')) return target.startsWith(pattern.slice(0, -1));
  return false;
}

export interface FaultStore {
  add(input: unknown): FaultRule;
  remove(id: string): boolean;
  clear(): number;
  list(): FaultRule[];
  /**
   * The first live rule matching `target` (and of one of `kinds`, when given), consuming one
   * use; undefined when none applies.
   */
  take(target: string, kinds?: readonly FaultKind[]): FaultRule | undefined;
}

export function createFaultStore(
  newId: () => string,
  random: () => number = Math.random,
): FaultStore {
  let rules: FaultRule[] = [];
  return {
    add(input) {
      const parsed = parseFaultRule(input);
      const rule: FaultRule = { ...parsed, id: newId(), remaining: parsed.times ?? null };
      rules.push(rule);
      return { ...rule };
    },
    remove(id) {
      const before = rules.length;
      rules = rules.filter((rule) => rule.id !== id);
      return rules.length !== before;
    },
    clear() {
      const count = rules.length;
      rules = [];
      return count;
    },
    list: () => rules.map((rule) => ({ ...rule })),
    take(target, kinds) {
      for (const rule of rules) {
        if (!targetMatches(rule.target, target)) continue;
        if (kinds && !kinds.includes(rule.kind)) continue;
        if (rule.probability !== undefined && random() >= rule.probability) continue;
        if (rule.remaining !== null) {
          rule.remaining -= 1;
          if (rule.remaining <= 0) rules = rules.filter((r) => r !== rule);
        }
        return { ...rule };
      }
      return undefined;
    },
  };
}
