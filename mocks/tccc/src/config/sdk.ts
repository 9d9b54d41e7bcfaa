/**
 * `sdk`: how the SDK half of the mock behaves where TCCC documents nothing: session grace,
 * reconnect pacing, offer and queue timeouts, after-call work, and the pretend customers of
 * outbound calls. Every value here is [unconfirmed] fidelity, chosen to be plausible and
 * kept in this one place (options, `--config`), so a test or an integrator can change it.
 * Times are measured by the MOCK clock, except `reconnect*` (the browser's own timers).
 */
import { quote } from '../quote.js';
import { checkKeys, isRecord, type Problems } from './read.js';

export interface SdkSettings {
  /**
   * Seconds an offer rings at an agent before it times out (`callIn.timeout`), when the
   * control plane names none. 0 = never times out.
   */
  offerTimeoutSeconds: number;
  /** Seconds a caller waits in a skill group's queue before hanging up (waitingGiveUp, 103). */
  queueWaitSeconds: number;
  /**
   * Seconds of after-call work: when a call ends the agent goes `arrange`, then back to the
   * status it had before the call. 0 (default) = straight back.
   */
  afterCallWorkSeconds: number;
  /**
   * Seconds an SDK session survives with no open event stream (a lost connection) before
   * the host ends it: the seat goes offline, its calls end, the page later hears
   * `loggedOut {reason:'expired'}`.
   */
  sessionGraceSeconds: number;
  /** The fake SDK's first wait before reopening a lost event stream, in real ms. */
  reconnectInitialMs: number;
  /** Its longest wait between attempts (the wait doubles up to this), in real ms. */
  reconnectMaxMs: number;
  /** Outbound: ms after dialling before a callee answers (numbers not ending in 8 or 9). */
  answerAfterMs: number;
  /** Outbound: ms after dialling before a busy callee (number ending in 8) ends the attempt. */
  busyAfterMs: number;
  /** Outbound: ms a callee rings unanswered (number ending in 9) before notAnswer (202). */
  noAnswerAfterMs: number;
}

export const DEFAULT_SDK_SETTINGS: Readonly<SdkSettings> = Object.freeze({
  offerTimeoutSeconds: 30,
  queueWaitSeconds: 60,
  afterCallWorkSeconds: 0,
  sessionGraceSeconds: 60,
  reconnectInitialMs: 1_000,
  reconnectMaxMs: 5_000,
  answerAfterMs: 1_000,
  busyAfterMs: 500,
  noAnswerAfterMs: 30_000,
});

const DAY = 86_400;

const RULES: Record<keyof SdkSettings, { min: number; max: number; what: string }> = {
  offerTimeoutSeconds: { min: 0, max: 3_600, what: 'an integer of seconds from 0 to 3600' },
  queueWaitSeconds: { min: 1, max: DAY, what: 'an integer of seconds from 1 to 86400' },
  afterCallWorkSeconds: { min: 0, max: DAY, what: 'an integer of seconds from 0 to 86400' },
  sessionGraceSeconds: { min: 0, max: DAY, what: 'an integer of seconds from 0 to 86400' },
  reconnectInitialMs: { min: 10, max: 60_000, what: 'an integer of ms from 10 to 60000' },
  reconnectMaxMs: { min: 10, max: 600_000, what: 'an integer of ms from 10 to 600000' },
  answerAfterMs: { min: 0, max: 3_600_000, what: 'an integer of ms from 0 to 3600000' },
  busyAfterMs: { min: 0, max: 3_600_000, what: 'an integer of ms from 0 to 3600000' },
  noAnswerAfterMs: { min: 0, max: 3_600_000, what: 'an integer of ms from 0 to 3600000' },
};

export function readSdkSettings(value: unknown, problems: Problems): SdkSettings {
  const settings = { ...DEFAULT_SDK_SETTINGS };
  if (!isRecord(value)) {
    problems.push(`sdk must be an object with any of: ${Object.keys(RULES).join(', ')}`);
    return settings;
  }
  checkKeys(value, Object.keys(RULES), 'sdk.', problems);
  for (const [key, rule] of Object.entries(RULES) as [
    keyof SdkSettings,
    (typeof RULES)[keyof SdkSettings],
  ][]) {
    const v = value[key];
    if (v === undefined) continue;
    if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < rule.min || v > rule.max) {
      problems.push(`sdk.${key} must be ${rule.what} (got ${quote(v)})`);
    } else {
      settings[key] = v;
    }
  }
  if (settings.reconnectMaxMs < settings.reconnectInitialMs) {
    problems.push('sdk.reconnectMaxMs must be at least sdk.reconnectInitialMs');
  }
  return settings;
}
