/**
 * A seat as the SDK half sees it: its status (on its staff record), the calls in progress on
 * it, the page it is logged in on, and the rules of its statuses. Functions of the store,
 * shared by the runtime's parts and by the cloud API (SetStaffStatus goes through
 * `SdkRuntime.setSeatStatus`, which applies these rules).
 *
 * | status     | offered inbound calls | may dial out | how it is reached                               |
 * | ---------- | --------------------- | ------------ | ----------------------------------------------- |
 * | `offline`  | no                    | no           | no SDK session (never logged in, logged out)    |
 * | `free`     | yes                   | yes          | login, setStatus free / stopNotReady, online()  |
 * | `busy`     | no                    | no           | a call is connected or being dialled            |
 * | `notReady` | no                    | yes          | setStatus notReady                              |
 * | `rest`     | no                    | no [unc.]    | setStatus rest (with a reason)                  |
 * | `arrange`  | no                    | yes [unc.]   | setStatus arrange, or after a call (sdk settings)|
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

/** Calls in progress on the seat (ringing, dialling or connected), whichever page has them. */
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

/** The seat's live SDK session in its app (with an open event stream), if any. */
export function liveSessionOfSeat(store: MockStore, seat: SeatRef): SdkSession | undefined {
  return store.sessions
    .ofSeat(seat.sdkAppId, seat.seatUserId)
    .filter((session) => session.sinks.size > 0)
    .at(-1);
}

/** May the seat be offered an inbound call now? Free, listening, and with no call. */
export function takesInbound(store: MockStore, seat: SeatRef): boolean {
  return (
    statusOf(store, seat) === 'free' &&
    liveSessionOfSeat(store, seat) !== undefined &&
    seatCalls(store, seat).length === 0
  );
}

/** Statuses from which an agent may dial out ([unconfirmed] for arrange). */
export const DIAL_OUT_STATUSES: readonly StaffStatus[] = ['free', 'notReady', 'arrange'];

/** Is the seat logged in and available to a skill group's queue (not offline, not on rest)? */
export function isOnline(store: MockStore, seat: SeatRef): boolean {
  const status = statusOf(store, seat);
  return status !== 'offline' && status !== 'rest';
}

/**
 * Set the seat's status and tell its pages (`statusChanged`) when it changed. The low-level
 * change, without rules; `SdkRuntime.setSeatStatus` is the one with them.
 */
export function changeStatus(
  store: MockStore,
  seat: SeatRef,
  status: WireAgentStatus,
  restReason?: string,
): void {
  const before = statusOf(store, seat);
  store.staff.setStatus(seat.sdkAppId, seat.seatUserId, status, restReason);
  for (const session of store.sessions.ofSeat(seat.sdkAppId, seat.seatUserId)) {
    // A status chosen by hand ends the after-call work timer.
    delete session.afterCallWork;
    if (before !== status) {
      store.sessions.push(session, { name: 'statusChanged', payload: { status } });
    }
  }
}
