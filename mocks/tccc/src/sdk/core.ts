/**
 * What the parts of the SDK runtime share: the mock's context and settings, and the few
 * operations every part needs (pushing events, ending a call, offering queued calls, arming
 * the deadline sweeper). `SdkRuntime` builds one; the parts (lifecycle.ts, routing.ts,
 * outbound.ts, call-actions.ts, session-life.ts) are functions of it.
 */
import type { ServerEvent } from '@tccc-kit/fake-sdk';
import type { SdkSettings } from '../config/index.js';
import type { MockContext } from '../context.js';
import type { CallRecord } from '../state/calls.js';
import type { MockStore } from '../state/store.js';
import type { Ending } from './end-status.js';

export interface RuntimeCore {
  readonly ctx: MockContext;
  readonly store: MockStore;
  readonly settings: Readonly<SdkSettings>;
  /** Mock time, epoch ms. */
  now(): number;
  newId(): string;
  /** Push an event to the page that has the call's current leg (if it is still logged in). */
  toCall(call: CallRecord, event: ServerEvent): void;
  /** End a call once: legs, the seat's status, the CDR, then `sessionEnded` to its page. */
  end(call: CallRecord, ending: Ending): void;
  /** Offer calls waiting in queues to seats that are free now. */
  dispatch(): void;
  /** Arm the deadline sweeper when anything waits on the mock clock. */
  schedule(): void;
}

export function pushToCall(store: MockStore, call: CallRecord, event: ServerEvent): void {
  const session = store.sessions.get(call.sdkSessionId);
  if (session) store.sessions.push(session, event);
}
