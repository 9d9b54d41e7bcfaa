/**
 * What route modules receive: the mock's configuration, clock, store, faults and push sender.
 * `createMockTccc` builds exactly one per mock; the cloud API, the control plane and the SDK
 * host all read and write the same store through it.
 */
import type { ResolvedMockTcccConfig } from './config/index.js';
import type { MockFaults } from './faults/index.js';
import type { PushSender } from './push/sender.js';
import type { MockClock } from './state/clock.js';
import type { MockStore } from './state/store.js';

export interface MockContext {
  readonly options: ResolvedMockTcccConfig;
  readonly clock: MockClock;
  /** All of the mock's state. */
  readonly store: MockStore;
  readonly faults: MockFaults;
  /** The Data Push sender: the SDK runtime tells it when a call's CDR is stored. */
  readonly push: PushSender;
  /** A fresh unique id (a UUID), for RequestIds, rule ids, session ids. */
  newId(): string;
}
