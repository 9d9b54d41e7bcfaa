/**
 * How a call ended, in words: TCCC's `EndStatus` / `EndStatusString` (tccc-reference.md
 * §6.3; the TelCdrInfo.EndStatus table in tencentcloud-sdk-nodejs's ccc_models; Tencent doc
 * 1229/71847). One table, so the console and the API describe a code the same way.
 *
 * `answered` is true only for `ok`. Codes 225 to 233 (AI agent calls) are documented
 * without names; they, and any code TCCC adds later, are described by their number.
 */

export interface EndStatusInfo {
  /** TCCC's EndStatusString, e.g. `ringingGiveUp`. */
  name: string;
  /** TCCC's EndStatus number. */
  code: number;
  /** Plain words for an agent's call history. */
  text: string;
  answered: boolean;
}

/** [code, EndStatusString, words], in TCCC's order. */
const TABLE: ReadonlyArray<readonly [number, string, string]> = [
  [1, 'ok', 'Answered'],
  [17, 'seatGiveUp', 'Not answered by the agent'],
  [100, 'blackList', 'Caller blocked (blacklist)'],
  [102, 'ivrGiveUp', 'Caller hung up in the IVR'],
  [103, 'waitingGiveUp', 'Caller hung up while queued'],
  [104, 'ringingGiveUp', 'Caller hung up while ringing'],
  [105, 'noSeatOnline', 'No agent online'],
  [106, 'notWorkTime', 'Outside working hours'],
  [107, 'ivrEnd', 'Handled by the IVR alone'],
  [108, 'restrictedCallee', 'Blocked: risky callee number'],
  [109, 'tooManyRequest', 'Blocked: outbound call rate limit'],
  [110, 'restrictedArea', 'Blocked: callee area restricted'],
  [111, 'restrictedTime', 'Blocked: outside allowed calling hours'],
  [202, 'notAnswer', 'No answer'],
  [203, 'userReject', 'Rejected by the callee'],
  [204, 'powerOff', "Callee's phone is off"],
  [205, 'numberNotExist', 'Number does not exist'],
  [206, 'busy', 'Busy'],
  [207, 'outOfCredit', 'Callee is out of credit'],
  [208, 'operatorError', 'Carrier line error'],
  [209, 'callerCancel', 'Cancelled by the caller'],
  [210, 'notInService', 'Callee out of service area'],
  [211, 'clientError', "Agent's device or network failed"],
  [212, 'carrierBlocked', 'Blocked by the carrier'],
  [213, 'callReminder', 'Call reminder played'],
  [215, 'numberInvalid', 'Invalid number'],
  [216, 'callRestricted', 'Calling restricted'],
  [217, 'calleeRestricted', 'Callee on a blocklist'],
  [218, 'areaRestricted', 'Callee area restricted'],
  [219, 'promptCallForwarding', 'Call forwarding prompt'],
  [220, 'callerCancelWhileRing', 'Cancelled by the caller while ringing'],
  [221, 'callerCancelWithoutRing', 'Callee number error (never rang)'],
  [222, 'voiceMailReached', 'Reached voicemail'],
  [501, 'callConflict', 'VoIP call conflict'],
  [502, 'clientTimeout', "VoIP caller's app timed out"],
  [503, 'voipClientError', "VoIP caller's app failed"],
];

export const END_STATUSES: readonly EndStatusInfo[] = TABLE.map(([code, name, text]) => ({
  code,
  name,
  text,
  answered: name === 'ok',
}));

const BY_NAME = new Map(END_STATUSES.map((status) => [status.name, status]));
const BY_CODE = new Map(END_STATUSES.map((status) => [status.code, status]));

/** AI agent calls end with these codes; TCCC names none of them. */
const AI_AGENT_CODES = { from: 225, to: 233 };

/**
 * Describes how a call ended from its EndStatusString and/or EndStatus; `undefined` when
 * the record has neither.
 */
export function describeEndStatus(
  name: string | null | undefined,
  code: number | null | undefined,
): EndStatusInfo | undefined {
  const known =
    (name ? BY_NAME.get(name) : undefined) ?? (code != null ? BY_CODE.get(code) : undefined);
  if (known) return known;
  if (!name && code == null) return undefined;
  const number = code ?? -1;
  const ai = number >= AI_AGENT_CODES.from && number <= AI_AGENT_CODES.to;
  const label = name ? `${name}${code != null ? `, ${code}` : ''}` : String(code);
  return {
    name: name ?? '',
    code: number,
    text: ai ? `Ended in the AI agent call (${label})` : `Ended (${label})`,
    answered: false,
  };
}
