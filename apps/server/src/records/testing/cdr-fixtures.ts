/**
 * Call-detail records for tests, shaped like the CDR of TCCC's DescribeTelCdr example
 * (../shared/tccc-spec/ccc-examples.json) and the Data Push body (tccc-reference.md §6.2).
 */
import type { ServeParticipant } from '@tccc-kit/tccc-client';
import type { Cdr } from '../cdr.js';

export interface CdrFixtureOptions {
  sessionId?: string;
  /** The agent the call ended with (SeatUser). */
  seat?: string;
  /** Unix seconds. */
  start?: number;
  /** Seconds after start; the call ended then. */
  length?: number;
  /** Agents of the legs, in order (default: [seat]). */
  legs?: readonly string[];
  direction?: 0 | 1;
  endStatusString?: string;
}

let counter = 0;

/** A session id unique in this process: a UUID with a counter in it. */
export function sessionId(): string {
  counter += 1;
  return `c2b303a5-7814-42f4-ab7d-${String(counter).padStart(12, '0')}`;
}

export function cdrFixture(options: CdrFixtureOptions = {}): Cdr {
  const seat = options.seat ?? 'agent@example.com';
  const start = options.start ?? 1_764_460_800;
  const length = options.length ?? 60;
  const direction = options.direction ?? 0;
  const legs = options.legs ?? [seat];
  const participants: ServeParticipant[] = legs.map((mail, index) => ({
    Mail: mail,
    Phone: '',
    RingTimestamp: start + 15 + index,
    AcceptTimestamp: start + 16 + index,
    EndedTimestamp: start + length - (legs.length - 1 - index),
    RecordId: `rec-${index}`,
    RecordURL: '',
    Type: 'staffSeat',
    TransferFrom: index > 0 ? (legs[index - 1] ?? '') : '',
    TransferFromType: index > 0 ? 'staffSeat' : '',
    TransferTo: index < legs.length - 1 ? (legs[index + 1] ?? '') : '',
    TransferToType: index < legs.length - 1 ? 'staffSeat' : '',
    SkillGroupId: 2522,
    SkillGroupName: 'test-tel',
    EndStatusString: 'ok',
    Sequence: index,
    StartTimestamp: start + 15 + index,
    CustomRecordURL: '',
  }));
  return {
    SessionId: options.sessionId ?? sessionId(),
    SdkAppId: 1400000000,
    Caller: direction === 0 ? '008613912345678' : '0086075500000',
    Callee: direction === 0 ? '0086075500000' : '008613912345678',
    Direction: direction,
    CallType: direction === 0 ? 2 : 1,
    Duration: Math.max(0, length - 16),
    SeatUser: {
      Mail: seat,
      Name: seat.split('@')[0] ?? seat,
      StaffNumber: '20012',
      UserId: seat,
      Nick: 'nick',
      Phone: '',
      SkillGroupNameList: ['test-tel'],
      Role: 1,
      ExtensionNumber: '1003',
    },
    CallerLocation: 'Shenzhen',
    IVRDuration: 15,
    StartTimestamp: start,
    RingTimestamp: start + 15,
    AcceptTimestamp: start + 16,
    EndedTimestamp: start + length,
    QueuedTimestamp: start + 14,
    IVRKeyPressed: ['1'],
    IVRKeyPressedEx: [{ Key: '1', Label: 'sales' }],
    HungUpSide: 'seat',
    ServeParticipants: participants,
    EndStatusString: options.endStatusString ?? 'ok',
    QueuedSkillGroupName: 'test-tel',
    QueuedSkillGroupId: 2522,
    RecordId: 'e9fdbff5-2e35-4480-83f7-81917e723fa5',
  };
}
