/**
 * How a call ends, in TCCC's terms: the CDR's `EndStatus` / `EndStatusString` (codes from
 * Tencent's end-status page, 679/123938 and 1229/71847, and the `TelCdrInfo.EndStatus`
 * comment of tencentcloud-sdk-nodejs), its `HungUpSide`, and the page's
 * `sessionEnded.closeBy`. One table, so every ending of the emulator is decided here.
 *
 * Which ending applies when is the emulator's choice where the docs are silent
 * ([unconfirmed] rows are marked); the codes and names themselves are Tencent's.
 */
import type { CloseBy } from '@tccc-kit/fake-sdk';
import type { CallEnding } from '../state/calls.js';

/** TCCC's end statuses the emulator produces, code and name. */
export const END_STATUS = {
  ok: 1,
  seatGiveUp: 17,
  ivrGiveUp: 102,
  waitingGiveUp: 103,
  ringingGiveUp: 104,
  noSeatOnline: 105,
  notAnswer: 202,
  userReject: 203,
  powerOff: 204,
  numberNotExist: 205,
  busy: 206,
  outOfCredit: 207,
  operatorError: 208,
  callerCancel: 209,
  notInService: 210,
  clientError: 211,
} as const;

export type EndStatusString = keyof typeof END_STATUS;

/** Outbound failures the control plane can make a callee produce (`POST /calls/:id/fail`). */
export const CALLEE_FAILURES = [
  'notAnswer',
  'userReject',
  'powerOff',
  'numberNotExist',
  'busy',
  'outOfCredit',
  'operatorError',
  'notInService',
] as const satisfies readonly EndStatusString[];
export type CalleeFailure = (typeof CALLEE_FAILURES)[number];

/**
 * Why the emulator ends a call, by who did what at which stage:
 *
 * | ending            | when                                                      | EndStatus           | HungUpSide | closeBy |
 * | ----------------- | --------------------------------------------------------- | ------------------- | ---------- | ------- |
 * | `talked`          | a connected call is hung up by `by`                       | 1 ok                | by         | by      |
 * | `ivrGiveUp`       | the caller hangs up in the IVR                            | 102 ivrGiveUp       | user       | client  |
 * | `waitingGiveUp`   | the caller hangs up in the queue, or waits too long       | 103 waitingGiveUp   | user       | client  |
 * | `ringingGiveUp`   | the caller hangs up while an agent's phone rings          | 104 ringingGiveUp   | user       | client  |
 * | `noSeatOnline`    | nobody of the queue is logged in (or all are on `rest`)   | 105 noSeatOnline    | system     | timer   |
 * | `seatGiveUp`      | the offer timed out and no other agent is free [unc.]     | 17 seatGiveUp       | system     | timer   |
 * | `callerCancel`    | the agent hangs up an outbound call before it is answered | 209 callerCancel    | seat       | seat    |
 * | callee failure    | busy, no answer, rejected, powered off, ... (outbound)    | 206, 202, 203, ...  | user/system| client/timer |
 * | `clientError`     | the agent's SDK session expired or logged out mid-call    | 211 clientError     | system     | timer   |
 * | `admin`           | HangUpCall; connected: ok, else as the stage's give-up    | 1 / 102-104 / 209   | system     | admin   |
 */
export type Ending =
  | { kind: 'talked'; by: 'user' | 'seat' }
  | { kind: 'ivrGiveUp' | 'waitingGiveUp' | 'ringingGiveUp' }
  | { kind: 'noSeatOnline' | 'seatGiveUp' | 'callerCancel' | 'clientError' }
  | { kind: 'callee'; failure: CalleeFailure }
  | {
      kind: 'admin';
      /** The stage's status had the caller given up there (ok when connected). */
      status: EndStatusString;
      mainReason?: string;
      subReason?: string;
    };

function ending(
  status: EndStatusString,
  hungUpSide: CallEnding['hungUpSide'],
  closeBy: CloseBy,
): CallEnding {
  return { endStatus: END_STATUS[status], endStatusString: status, hungUpSide, closeBy };
}

/** The CDR fields and `closeBy` of an ending. */
export function resolveEnding(end: Ending): CallEnding {
  switch (end.kind) {
    case 'talked':
      return ending('ok', end.by, end.by === 'user' ? 'client' : 'seat');
    case 'ivrGiveUp':
    case 'waitingGiveUp':
    case 'ringingGiveUp':
      return ending(end.kind, 'user', 'client');
    case 'noSeatOnline':
    case 'seatGiveUp':
    case 'clientError':
      return ending(end.kind, 'system', 'timer');
    case 'callerCancel':
      return ending('callerCancel', 'seat', 'seat');
    case 'callee':
      // The callee's network ends a call that rings out; the callee ends every other attempt.
      return end.failure === 'notAnswer'
        ? ending('notAnswer', 'system', 'timer')
        : ending(end.failure, 'user', 'client');
    case 'admin':
      return {
        ...ending(end.status, 'system', 'admin'),
        ...(end.mainReason === undefined ? {} : { mainReason: end.mainReason }),
        ...(end.subReason === undefined ? {} : { subReason: end.subReason }),
      };
  }
}
