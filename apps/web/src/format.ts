/** Pure text formatting for the page: clock times, event payloads, statuses, calls. */
import type { Call, Status } from './state.js';

/** `14:03:07` in the agent's local time. */
export function formatTime(at: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(at.getHours())}:${pad(at.getMinutes())}:${pad(at.getSeconds())}`;
}

/** A one-line, length-capped rendering of an event payload (`''` when there is none). */
export function formatPayload(payload: unknown, maxLength = 300): string {
  if (payload === undefined) return '';
  let text: string;
  try {
    text = JSON.stringify(payload) ?? String(payload);
  } catch {
    text = String(payload);
  }
  return text.length > maxLength ? `${text.slice(0, maxLength - 1)}…` : text;
}

export const statusText: Record<Status, string> = {
  checking: 'Checking your session…',
  'signed-out': 'Signed out',
  'signed-in': 'Signed in, not connected',
  connecting: 'Connecting to TCCC…',
  ready: 'Ready',
  error: 'Error',
};

const agentStatusLabels: Record<string, string> = {
  free: 'Free',
  busy: 'Busy (in a call)',
  rest: 'On a break',
  arrange: 'After-call work',
  notReady: 'Not ready',
  offline: 'Offline',
};

/** Human label of an agent status; unknown values (a newer SDK) are shown as they are. */
export function formatAgentStatus(status: string | null): string {
  if (status === null) return 'Unknown';
  return agentStatusLabels[status] ?? status;
}

/** One sentence describing the call panel, e.g. "Incoming call from +8613800000000". */
export function describeCall(call: Call | null): string {
  if (call === null) return 'No call';
  switch (call.stage) {
    case 'ringing':
      return `Incoming call from ${call.peer}`;
    case 'dialing':
      return `Calling ${call.peer}…`;
    case 'talking':
      return `${call.direction === 'inbound' ? 'In call with' : 'Connected to'} ${call.peer}${
        call.muted ? ' (muted)' : ''
      }`;
  }
}

/**
 * Checks a number typed into the dial pad. Returns an error message, or null when it is fine.
 * TCCC accepts national and E.164 forms, so only the obvious mistakes are caught here.
 */
export function phoneNumberProblem(input: string): string | null {
  const number = input.trim();
  if (number === '') return 'Type a phone number to call.';
  if (!/^\+?[0-9][0-9 -]*$/.test(number)) {
    return 'A phone number has digits only (spaces, dashes and a leading + are allowed).';
  }
  const digits = number.replace(/\D/g, '').length;
  if (digits < 3 || digits > 20) return 'A phone number has between 3 and 20 digits.';
  return null;
}

/** The number as TCCC wants it: no spaces or dashes. */
export function normalizePhoneNumber(input: string): string {
  return input.trim().replace(/[\s-]/g, '');
}
