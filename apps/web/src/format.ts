/** Pure text formatting for the page: clock times, durations, payloads, statuses, numbers. */
import type { AgentStatus } from '@tccc-kit/web-loader';

/** `14:03:07` in the agent's local time. */
export function formatTime(at: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(at.getHours())}:${pad(at.getMinutes())}:${pad(at.getSeconds())}`;
}

/** A timer: `0:07`, `12:34`, `1:02:03`. Negative and fractional seconds are floored to 0 / whole. */
export function formatDuration(seconds: number): string {
  const total = Math.max(0, Math.floor(seconds));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** A timer for screen readers: `1 minute 2 seconds`. */
export function spokenDuration(seconds: number): string {
  const total = Math.max(0, Math.floor(seconds));
  const parts: string[] = [];
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const unit = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  if (h) parts.push(unit(h, 'hour'));
  if (m) parts.push(unit(m, 'minute'));
  if (s || parts.length === 0) parts.push(unit(s, 'second'));
  return parts.join(' ');
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

const agentStatusLabels: Record<AgentStatus, string> = {
  free: 'Free',
  busy: 'Busy',
  rest: 'On a break',
  arrange: 'After-call work',
  notReady: 'Not ready',
};

/** Human label of an agent status; unknown values (a newer SDK) are shown as they are. */
export function formatAgentStatus(status: string | null): string {
  if (status === null) return 'Unknown';
  return agentStatusLabels[status as AgentStatus] ?? status;
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
