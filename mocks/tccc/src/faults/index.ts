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
import { createFaultStore, type FaultRule, type FaultStore } from './rules.js';

export type { HeldRequests, RenderFaultError } from './effects.js';
export {
  type FaultEffect,
  type FaultKind,
  type FaultRule,
  FaultRuleError,
  type FaultRuleInput,
  type FaultStore,
  MAX_DELAY_MS,
  parseFaultRule,
  targetMatches,
} from './rules.js';

export interface MockFaults {
  /** The first live rule for `target` (consuming one use), or undefined. */
  take(target: string): FaultRule | undefined;
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
    take: (target) => store.take(target),
    apply: (rule, request, renderError) =>
      performFault(rule, { held, signal: request.signal, renderError }),
    store,
    held,
  };
}
