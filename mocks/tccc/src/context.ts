/**
 * The state of one mock TCCC, as route modules see it. `createMockTccc` builds exactly one
 * per mock; the cloud API, the control plane and the SDK host (src/sdk/) all receive it.
 */
import type { Clock } from './clock.js';
import type { ResolvedMockTcccConfig } from './config.js';
import type { RenderFaultError } from './fault-effects.js';
import type { FaultRule, FaultStore } from './faults.js';
import type { TokenJournal } from './state/tokens.js';

export interface MockFaults {
  /** The first live rule for `target` (consuming one use), or undefined. */
  take(target: string): FaultRule | undefined;
  /**
   * Perform a rule on a non-API route: resolves with the Response to answer, or null to
   * carry on normally (after a delay). `drop` answers Response.error(), which every
   * transport turns into a network error; `hang` holds the request until the client
   * leaves or the mock resets/closes.
   */
  apply(
    rule: FaultRule,
    request: Request,
    renderError?: RenderFaultError,
  ): Promise<Response | null>;
  /** The whole rule store (add/remove/clear/list), as the control plane uses it. */
  readonly store: FaultStore;
}

export interface MockContext {
  readonly options: ResolvedMockTcccConfig;
  readonly clock: Clock;
  readonly tokens: TokenJournal;
  readonly faults: MockFaults;
  /** Register a callback run on every reset (after the built-in state is cleared). */
  onReset(fn: () => void): void;
  /** A fresh unique id (a UUID), for RequestIds, rule ids, session ids. */
  newId(): string;
}
