/**
 * How a call ended, in words an agent uses ("Busy", "No answer", "The customer hung up",
 * "Missed"), from what the SDK tells: the stage the call had reached and `sessionEnded`'s
 * `closeBy`, or that it was transferred. The `kind` is stable (tests, styling, analytics);
 * the text may change.
 *
 * [unconfirmed] TCCC's `closeBy` on an unanswered outbound call: the mock sends `client` for
 * busy and `timer` for no answer, which is read here as the real SDK most plausibly does.
 */
import type { SessionCloser } from '@tccc-kit/web-loader';
import type { Call } from './desk-state.js';

export type OutcomeKind =
  | 'completed'
  | 'customer-hung-up'
  | 'agent-hung-up'
  | 'declined'
  | 'missed'
  | 'caller-gave-up'
  | 'busy'
  | 'no-answer'
  | 'cancelled'
  | 'transferred'
  | 'ended-by-admin'
  | 'ended-by-system';

export interface CallOutcome {
  kind: OutcomeKind;
  text: string;
  /** False when the agent should look again: a missed call, a busy line, no answer. */
  answered: boolean;
}

export interface HowItEnded {
  closeBy?: SessionCloser | undefined;
  /** `mainReason` of an admin close. */
  reason?: string | undefined;
  autoTransfer?: boolean;
  /** A `transfer` event: the call went to a colleague or a skill group. */
  transferred?: boolean;
  transferredTo?: string | undefined;
}

export function outcomeOf(
  call: Pick<Call, 'direction' | 'stage' | 'declined'>,
  how: HowItEnded,
): CallOutcome {
  const talked = call.stage === 'talking';
  if (call.declined && !talked && call.direction === 'inbound') {
    return how.autoTransfer
      ? { kind: 'declined', text: 'You declined the call; it went to a colleague', answered: false }
      : { kind: 'declined', text: 'You declined the call', answered: false };
  }
  if (how.transferred) {
    return {
      kind: 'transferred',
      text: `Transferred to ${how.transferredTo ?? 'a colleague'}`,
      answered: true,
    };
  }
  if (how.autoTransfer) {
    return {
      kind: 'missed',
      text: 'Missed: not answered in time, offered to another agent',
      answered: false,
    };
  }
  switch (how.closeBy) {
    case 'admin':
      return {
        kind: 'ended-by-admin',
        text: how.reason ? `Ended by a supervisor (${how.reason})` : 'Ended by a supervisor',
        answered: talked,
      };
    case 'timer':
      if (talked) {
        return {
          kind: 'ended-by-system',
          text: 'Ended by the system (time limit)',
          answered: true,
        };
      }
      return call.direction === 'outbound'
        ? { kind: 'no-answer', text: 'No answer', answered: false }
        : { kind: 'missed', text: 'Missed: not answered in time', answered: false };
    case 'seat':
      if (talked) return { kind: 'agent-hung-up', text: 'You ended the call', answered: true };
      return call.direction === 'outbound'
        ? {
            kind: 'cancelled',
            text: 'You cancelled the call before it was answered',
            answered: false,
          }
        : { kind: 'declined', text: 'You declined the call', answered: false };
    default:
      if (talked) return { kind: 'customer-hung-up', text: 'The customer hung up', answered: true };
      return call.direction === 'outbound'
        ? { kind: 'busy', text: 'Busy: the number did not take the call', answered: false }
        : {
            kind: 'caller-gave-up',
            text: 'Missed: the caller hung up before you answered',
            answered: false,
          };
  }
}
