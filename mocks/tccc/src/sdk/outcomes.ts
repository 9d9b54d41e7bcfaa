import type { CloseBy } from '@tccc-kit/fake-sdk';

/**
 * How the mock's pretend customers behave. Everything here is [unconfirmed] fidelity: the
 * real TCCC dials real phones. Kept in this one file so the rules are easy to find and change.
 *
 * Outbound calls (`Call.startOutboundCall`) are decided by the LAST DIGIT of the number:
 * - `8`: busy. After {@link timings.busyAfterMs} the session ends, `closeBy: 'client'`.
 * - `9`: nobody answers. After {@link timings.noAnswerAfterMs} it ends, `closeBy: 'timer'`.
 * - anything else: the callee answers after {@link timings.answerAfterMs}
 *   (`calloutAccepted`) and stays on the line until someone hangs up.
 *
 * All delays are measured by the MOCK clock, so a test can skip a ring with
 * `control.advanceClock(...)` instead of sleeping.
 */
export const timings = {
  answerAfterMs: 1_000,
  busyAfterMs: 500,
  noAnswerAfterMs: 30_000,
  /** Default offer timeout of an inbound call, in seconds (`callIn.timeout`). */
  inboundTimeoutSeconds: 30,
} as const;

export type OutboundOutcome =
  | { kind: 'answer'; afterMs: number }
  | { kind: 'end'; afterMs: number; closeBy: CloseBy };

export function outboundOutcome(phoneNumber: string): OutboundOutcome {
  const lastDigit = phoneNumber.replace(/\D/g, '').slice(-1);
  if (lastDigit === '8') return { kind: 'end', afterMs: timings.busyAfterMs, closeBy: 'client' };
  if (lastDigit === '9') {
    return { kind: 'end', afterMs: timings.noAnswerAfterMs, closeBy: 'timer' };
  }
  return { kind: 'answer', afterMs: timings.answerAfterMs };
}

/** Numbers the mock uses when a test does not name them. */
export const defaultNumbers = {
  /** The app's serving number: callee of inbound calls, caller of outbound ones. */
  servingNumber: '008675586013388',
  /** The customer calling in. */
  inboundCaller: '008613800138000',
} as const;
