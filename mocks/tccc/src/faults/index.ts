/**
 * Fault injection, as the rest of the mock uses it: the rule store (rules.ts) and how a rule
 * is performed (effects.ts), bundled as one `MockFaults` per mock.
 */
import {
  createHeldRequests,
  type HeldRequests,
  performFault,
  type RenderFaultError,
} from './effects.js';
import { createFaultStore, type FaultKind, type FaultRule, type FaultStore } from './rules.js';

export type { HeldRequests, RenderFaultError } from './effects.js';
export {
  type FaultEffect,
  type FaultKind,
  type FaultRule,
  FaultRuleError,
  type FaultRuleInput,
  type FaultStore,
  MAX_DELAY_MS,
  PUSH_FAULT_KINDS,
  PUSH_TARGETS,
  parseFaultRule,
  REQUEST_FAULT_KINDS,
  targetMatches,
} from './rules.js';

export interface MockFaults {
  /** The first live rule for `target` (of one of `kinds`, when given; consuming one use). */
  take(target: string, kinds?: readonly FaultKind[]): FaultRule | undefined;
  /**
   * Perform a rule on a route: resolves with the Response to answer, or null to carry on
   * normally (after a delay). `drop` answers Response.error(), which every transport turns
   * into a network error; `hang` holds the request until the client leaves or the mock
   * resets/closes.
   */
  apply(
    rule: FaultRule,
    request: Request,
    renderError?: RenderFaultError,
  ): Promise<Response | null>;
  /** The whole rule store (add/remove/clear/list), as the control plane uses it. */
  readonly store: FaultStore;
  /** Requests held by `hang` rules. */
  readonly held: HeldRequests;
}

export function createMockFaults(newId: () => string, random?: () => number): MockFaults {
  const store = createFaultStore(newId, random);
  const held = createHeldRequests();
  return {
    take: (target, kinds) => store.take(target, kinds),
    apply: (rule, request, renderError) =>
      performFault(rule, { held, signal: request.signal, renderError }),
    store,
    held,
  };
}
