/**
 * A phone session (a call) as the cloud API shows it: `PSTNSession` (DescribeTelSession) and
 * `PSTNSessionInfo` (DescribePSTNActiveSessionList), from the live call in `store.calls`, or
 * from its CDR once the call has left that table.
 *
 * SessionStatus from the call's state ([unconfirmed] mapping of TCCC's four values): an
 * outbound call `dialing` is `ringing` (the customer's phone rings), an inbound call in the
 * IVR, `queued` for a free agent or `offered` to one is `seatJoining` (waiting for an
 * agent), `talking` is `inProgress`, `ended` is `finished`. RoomID and the number-protection and transfer-out
 * fields are empty: the mock has no RTC rooms, number masking or external transfers.
 */
import type { CallRecord } from '../../state/calls.js';
import type { MockStore } from '../../state/store.js';
import type { TelCdrInfo } from '../../state/tencent-types.js';

export type SessionStatus = 'ringing' | 'seatJoining' | 'inProgress' | 'finished';

export function sessionStatusOf(call: CallRecord): SessionStatus {
  switch (call.state) {
    case 'dialing':
      return 'ringing';
    case 'ivr':
    case 'queued':
    case 'offered':
      return 'seatJoining';
    case 'talking':
      return 'inProgress';
    case 'ended':
      return 'finished';
  }
}

const seconds = (ms: number | undefined) => (ms === undefined ? 0 : Math.floor(ms / 1000));

/** TCCC's PSTNSession members (all required), for a call or a CDR. */
export interface PstnSession {
  SessionID: string;
  RoomID: string;
  Caller: string;
  Callee: string;
  StartTimestamp: number;
  RingTimestamp: number;
  AcceptTimestamp: number;
  StaffEmail: string;
  StaffNumber: string;
  SessionStatus: string;
  Direction: number;
  OutBoundCaller: string;
  OutBoundCallee: string;
  ProtectedCaller: string;
  ProtectedCallee: string;
}

export function sessionOfCall(store: MockStore, call: CallRecord): PstnSession {
  const staff = store.staff.get(call.sdkAppId, call.seatUserId);
  return {
    SessionID: call.sessionId,
    RoomID: '',
    Caller: call.callerPhoneNumber,
    Callee: call.calleePhoneNumber,
    StartTimestamp: seconds(call.createdAt),
    // The agent's phone rings from the offer (inbound); the customer's from the dial (outbound).
    RingTimestamp: seconds(call.createdAt),
    AcceptTimestamp: seconds(call.talkStartedAt),
    StaffEmail: call.seatUserId,
    StaffNumber: staff?.staffNumber ?? '',
    SessionStatus: sessionStatusOf(call),
    Direction: call.direction === 'outbound' ? 1 : 0,
    OutBoundCaller: '',
    OutBoundCallee: '',
    ProtectedCaller: '',
    ProtectedCallee: '',
  };
}

export function sessionOfCdr(cdr: TelCdrInfo): PstnSession {
  return {
    SessionID: cdr.SessionId,
    RoomID: '',
    Caller: cdr.Caller ?? '',
    Callee: cdr.Callee ?? '',
    StartTimestamp: cdr.StartTimestamp,
    RingTimestamp: cdr.RingTimestamp ?? 0,
    AcceptTimestamp: cdr.AcceptTimestamp ?? 0,
    StaffEmail: cdr.SeatUser?.Mail ?? '',
    StaffNumber: cdr.SeatUser?.StaffNumber ?? '',
    SessionStatus: 'finished',
    Direction: cdr.Direction ?? 0,
    OutBoundCaller: '',
    OutBoundCallee: '',
    ProtectedCaller: cdr.ProtectedCaller ?? '',
    ProtectedCallee: cdr.ProtectedCallee ?? '',
  };
}

/** PSTNSessionInfo: the same, with Start/AcceptTimestamp as text (as TCCC's structure has them). */
export function sessionInfoOfCall(store: MockStore, call: CallRecord) {
  const {
    OutBoundCaller: _caller,
    OutBoundCallee: _callee,
    ...session
  } = sessionOfCall(store, call);
  return {
    ...session,
    StartTimestamp: String(session.StartTimestamp),
    AcceptTimestamp: String(session.AcceptTimestamp),
  };
}
