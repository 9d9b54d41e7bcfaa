import type { SdkSettings } from '../config/index.js';

/**
 * How the mock's pretend customers answer outbound calls when nobody tells them otherwise.
 * Everything here is [unconfirmed] fidelity: the real TCCC dials real phones.
 *
 * Outbound calls (`Call.startOutboundCall`) are decided by the LAST DIGIT of the number:
 * - `8`: busy. After `sdk.busyAfterMs` (0.5 s) the attempt ends: EndStatus 206 busy,
 *   `sessionEnded closeBy 'client'`.
 * - `9`: nobody answers. After `sdk.noAnswerAfterMs` (30 s) it ends: 202 notAnswer,
 *   `closeBy 'timer'`.
 * - anything else: the callee answers after `sdk.answerAfterMs` (1 s, `calloutAccepted`)
 *   and stays on the line until someone hangs up.
 *
 * The control plane can decide first (answer, reject, busy, any other callee failure: see
 * SDK.md). All delays are measured by the MOCK clock: pause it, and a call rings until a
 * test says what happens.
 */
export type OutboundOutcome =
  | { kind: 'answer'; afterMs: number }
  | { kind: 'fail'; afterMs: number; failure: 'busy' | 'notAnswer' };

export function outboundOutcome(
  phoneNumber: string,
  settings: Pick<SdkSettings, 'answerAfterMs' | 'busyAfterMs' | 'noAnswerAfterMs'>,
): OutboundOutcome {
  const lastDigit = phoneNumber.replace(/\D/g, '').slice(-1);
  if (lastDigit === '8') return { kind: 'fail', afterMs: settings.busyAfterMs, failure: 'busy' };
  if (lastDigit === '9') {
    return { kind: 'fail', afterMs: settings.noAnswerAfterMs, failure: 'notAnswer' };
  }
  return { kind: 'answer', afterMs: settings.answerAfterMs };
}

/** Numbers the mock uses when a test does not name them. */
export const defaultNumbers = {
  /** The app's serving number: callee of inbound calls, caller of outbound ones. */
  servingNumber: '008675586013388',
  /** The customer calling in. */
  inboundCaller: '008613800138000',
} as const;
