/**
 * Synthetic call history for paging and load tests: `count` plausible CDRs (TelCdrInfo) of an
 * app, their StartTimestamps spread over [from, to], drawn from a seeded generator so the
 * same request gives the same records. Inbound and outbound in equal measure; most answered,
 * the rest ending as TCCC's common failures (inbound: ringingGiveUp 104, seatGiveUp 17;
 * outbound: notAnswer 202, busy 206, userReject 203); each served by one of the app's
 * agents (one ServeParticipant leg), or by nobody when the app has no staff.
 */
import { toSeatUserInfo } from '../state/shapes.js';
import type { StaffRecord } from '../state/staff.js';
import type { MockStore } from '../state/store.js';
import type { ServeParticipant, TelCdrInfo } from '../state/tencent-types.js';

export interface CdrHistoryRequest {
  sdkAppId: number;
  count: number;
  /** Window of StartTimestamps, Unix seconds, inclusive. */
  from: number;
  to: number;
  seed: number;
}

/** mulberry32: small, fast, seeded; plenty for test data. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

interface Outcome {
  weight: number;
  status: number;
  text: string;
  hungUpSide: string;
}

const OUTCOMES: Record<'inbound' | 'outbound', readonly [Outcome, ...Outcome[]]> = {
  inbound: [
    { weight: 0.8, status: 1, text: 'ok', hungUpSide: 'user' },
    { weight: 0.12, status: 104, text: 'ringingGiveUp', hungUpSide: 'user' },
    { weight: 0.08, status: 17, text: 'seatGiveUp', hungUpSide: 'seat' },
  ],
  outbound: [
    { weight: 0.7, status: 1, text: 'ok', hungUpSide: 'seat' },
    { weight: 0.15, status: 202, text: 'notAnswer', hungUpSide: 'system' },
    { weight: 0.1, status: 206, text: 'busy', hungUpSide: 'system' },
    { weight: 0.05, status: 203, text: 'userReject', hungUpSide: 'user' },
  ],
};

/** The entry whose cumulative weight first passes `draw` (0..1). */
function pickWeighted<T extends { weight: number }>(
  entries: readonly [T, ...T[]],
  draw: number,
): T {
  let left = draw;
  for (const entry of entries) {
    left -= entry.weight;
    if (left < 0) return entry;
  }
  return entries[0];
}

const SERVING_NUMBER = '008675586013388';

export function generateCdrHistory(store: MockStore, request: CdrHistoryRequest): TelCdrInfo[] {
  const random = generator(request.seed);
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const word = () =>
    Math.floor(random() * 4_294_967_296)
      .toString(16)
      .padStart(8, '0');
  const uuid = () => {
    const [a, b, c, d] = [word(), word(), word(), word()];
    return `${a}-${b.slice(0, 4)}-4${b.slice(5)}-a${c.slice(1, 4)}-${c.slice(4)}${d}`;
  };
  const staff: StaffRecord[] = store.staff.list(request.sdkAppId);
  const seatUsers = new Map(
    staff.map((member) => [member, toSeatUserInfo(member, store.skillGroups)]),
  );
  const records: TelCdrInfo[] = [];
  for (let i = 0; i < request.count; i++) {
    const inbound = random() < 0.5;
    const outcomes = inbound ? OUTCOMES.inbound : OUTCOMES.outbound;
    const outcome = pickWeighted(outcomes, random());
    const answered = outcome.status === 1;
    const agent = staff.length > 0 ? staff[int(0, staff.length - 1)] : undefined;
    const group = agent?.skillGroups[0]
      ? store.skillGroups.get(request.sdkAppId, agent.skillGroups[0].skillGroupId)
      : undefined;
    const customer = `00861${int(30, 99)}${String(int(0, 99_999_999)).padStart(8, '0')}`;
    const start = int(request.from, request.to);
    const ivr = inbound ? int(0, 20) : 0;
    const ring = start + ivr;
    const accept = answered ? ring + int(2, 15) : 0;
    const ended = answered ? accept + int(10, 600) : ring + int(5, 30);
    const sessionId = uuid();
    const recordId = answered ? uuid() : '';
    const leg: ServeParticipant | undefined = agent && {
      Mail: agent.mail,
      Phone: '',
      RingTimestamp: ring,
      AcceptTimestamp: accept,
      EndedTimestamp: ended,
      RecordId: recordId,
      RecordURL: '',
      Type: 'staffSeat',
      TransferFrom: '',
      TransferFromType: '',
      TransferTo: '',
      TransferToType: '',
      SkillGroupId: group?.skillGroupId ?? 0,
      EndStatusString: outcome.text,
      Sequence: 0,
      StartTimestamp: start,
      SkillGroupName: group?.name ?? '',
      CustomRecordURL: '',
    };
    records.push({
      SessionId: sessionId,
      StartTimestamp: start,
      Caller: inbound ? customer : SERVING_NUMBER,
      Callee: inbound ? SERVING_NUMBER : customer,
      Time: start,
      Direction: inbound ? 0 : 1,
      CallType: inbound ? 2 : 1,
      Duration: answered ? ended - accept : 0,
      RecordId: recordId,
      ...(agent ? { SeatUser: seatUsers.get(agent) } : {}),
      EndStatus: outcome.status,
      EndStatusString: outcome.text,
      SkillGroup: group?.name ?? '',
      SkillGroupId: group?.skillGroupId ?? 0,
      IVRDuration: ivr,
      RingTimestamp: ring,
      AcceptTimestamp: accept,
      EndedTimestamp: ended,
      QueuedTimestamp: inbound ? ring : 0,
      QueuedSkillGroupId: inbound ? (group?.skillGroupId ?? 0) : 0,
      QueuedSkillGroupName: inbound ? (group?.name ?? '') : '',
      HungUpSide: outcome.hungUpSide,
      ServeParticipants: leg ? [leg] : [],
      UUI: '',
    });
  }
  return records;
}
