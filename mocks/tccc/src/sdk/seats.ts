/**
 * A seat as the SDK half sees it: its status (on its staff record), the calls in progress on
 * it, and the page it is logged in on. Functions of the store, shared by the runtime's parts.
 */
import type { WireAgentStatus } from '@tccc-kit/fake-sdk';
import type { CallRecord } from '../state/calls.js';
import type { SdkSession } from '../state/sessions.js';
import type { StaffStatus } from '../state/staff.js';
import type { MockStore } from '../state/store.js';

/** What names a seat: its app and its SeatUserId. */
export interface SeatRef {
  readonly sdkAppId: number;
  readonly seatUserId: string;
}

/** The seat's status, from its staff record (`offline` for a seat the store does not have). */
export function statusOf(store: MockStore, seat: SeatRef): StaffStatus {
  return store.staff.get(seat.sdkAppId, seat.seatUserId)?.status ?? 'offline';
}

/** Calls in progress on the seat, whichever of its pages placed them. */
export function seatCalls(store: MockStore, seat: SeatRef): CallRecord[] {
  return store.calls
    .active()
    .filter((call) => call.sdkAppId === seat.sdkAppId && call.seatUserId === seat.seatUserId);
}

/** The newest session of a seat that has a live event stream, in any app. */
export function liveSessionOf(store: MockStore, seatUserId: string): SdkSession | undefined {
  let newest: SdkSession | undefined;
  for (const session of store.sessions.list()) {
    if (session.seatUserId !== seatUserId || session.sinks.size === 0) continue;
    if (!newest || session.createdAt >= newest.createdAt) newest = session;
  }
  return newest;
}

/** Set the seat's status and tell its pages (`statusChanged`) when it changed. */
export function changeStatus(
  store: MockStore,
  seat: SeatRef,
  status: WireAgentStatus,
  restReason?: string,
): void {
  const before = statusOf(store, seat);
  store.staff.setStatus(seat.sdkAppId, seat.seatUserId, status, restReason);
  if (before === status) return;
  for (const session of store.sessions.ofSeat(seat.sdkAppId, seat.seatUserId)) {
    store.sessions.push(session, { name: 'statusChanged', payload: { status } });
  }
}
