import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Cdr } from './cdr.js';
import { CDR_PUSH, RECORDING_PUSH, TEL_CDR_INFO, VOICEMAIL_PUSH } from './cdr-schema.js';
import { cdrFixture } from './testing/cdr-fixtures.js';
import { MAX_DEPTH, validateRecord } from './validate.js';

/** The CDR of Tencent's own DescribeTelCdr example answer. */
const examples = JSON.parse(
  readFileSync(
    join(import.meta.dirname, '../../../../../shared/tccc-spec/ccc-examples.json'),
    'utf8',
  ),
) as { examples: Record<string, { output: string }[]> };
const tencentExample = JSON.parse(examples.examples.DescribeTelCdr?.[0]?.output ?? '{}').Response
  .TelCdrList[0] as Record<string, unknown>;

const problemsOf = (value: unknown, schema = CDR_PUSH) => {
  const result = validateRecord(value, schema);
  return result.ok ? [] : result.problems;
};

describe('validateRecord', () => {
  it("accepts Tencent's example CDR as it is, knowing every member", () => {
    const result = validateRecord<Cdr>(tencentExample, TEL_CDR_INFO);
    expect(result).toEqual({ ok: true, value: tencentExample, unknownMembers: [] });
  });

  it('accepts a push body with the push-only members SdkAppId and UserRemark', () => {
    const push = { ...cdrFixture(), UserRemark: 'vip' };
    expect(validateRecord(push, CDR_PUSH)).toMatchObject({ ok: true, unknownMembers: [] });
    expect(problemsOf(push, TEL_CDR_INFO)).toEqual([]);
  });

  it.each([
    ['a string Direction', { Direction: '0' }, 'Direction: must be a whole number, got a string'],
    [
      'a fractional Duration',
      { Duration: 1.5 },
      'Duration: must be a whole number, got a fraction',
    ],
    [
      'milliseconds for seconds',
      { EndedTimestamp: 1_764_460_860_000 },
      'EndedTimestamp: 1764460860000 is not Unix seconds (milliseconds?)',
    ],
    [
      'a negative time',
      { StartTimestamp: -5 },
      'StartTimestamp: must be a whole number of seconds (Unix time), got an integer',
    ],
    [
      'a SeatUser without its Mail',
      { SeatUser: { Name: 'a', StaffNumber: '1' } },
      'SeatUser.Mail: required',
    ],
    [
      'IVR keys that are not strings',
      { IVRKeyPressed: ['1', 2] },
      'IVRKeyPressed[1]: must be a string, got an integer',
    ],
    [
      'ServeParticipants that is an object',
      { ServeParticipants: {} },
      'ServeParticipants: must be a list of ServeParticipant, got an object',
    ],
    ['a missing SessionId', { SessionId: undefined }, 'SessionId: required'],
    ['a null SessionId', { SessionId: null }, 'SessionId: required'],
    ['an empty SessionId', { SessionId: '' }, 'SessionId: must not be empty'],
    ['a SessionId with a newline', { SessionId: 'a\nb' }, 'SessionId: contains control characters'],
    [
      'a SessionId of 129 characters',
      { SessionId: 'x'.repeat(129) },
      'SessionId: longer than 128 characters',
    ],
  ])('refuses %s, naming the member', (_name, change, problem) => {
    expect(problemsOf({ ...cdrFixture(), ...change })).toEqual([problem]);
  });

  it("accepts RecordId '' (no recording) on the record and on its legs", () => {
    const cdr = cdrFixture({ legs: ['a@example.com', 'b@example.com'] });
    const unrecorded = {
      ...cdr,
      RecordId: '',
      RecordURL: '',
      ServeParticipants: cdr.ServeParticipants?.map((leg) => ({
        ...leg,
        RecordId: '',
        RecordURL: '',
      })),
    };
    expect(validateRecord(unrecorded, CDR_PUSH)).toEqual({
      ok: true,
      value: unrecorded,
      unknownMembers: [],
    });
    expect(problemsOf(unrecorded, TEL_CDR_INFO)).toEqual([]);
  });

  it('still checks a RecordId that is there: length and control characters, on legs too', () => {
    const cdr = cdrFixture({ legs: ['a@example.com'] });
    (cdr.ServeParticipants?.[0] as Record<string, unknown>).RecordId = 'r\u0000';
    expect(problemsOf({ ...cdr, RecordId: 'x'.repeat(129) })).toEqual([
      'RecordId: longer than 128 characters',
      'ServeParticipants[0].RecordId: contains control characters',
    ]);
  });

  it('refuses an empty RecordId in a recording push: the push is about that recording', () => {
    expect(problemsOf({ SessionId: 's', RecordId: '', Timestamp: 1 }, RECORDING_PUSH)).toEqual([
      'RecordId: must not be empty',
    ]);
    expect(problemsOf({ SessionId: '', RecordId: 'r', Timestamp: 1 }, RECORDING_PUSH)).toEqual([
      'SessionId: must not be empty',
    ]);
    expect(problemsOf({ SessionId: '', RecordURL: 'u' }, VOICEMAIL_PUSH)).toEqual([
      'SessionId: must not be empty',
    ]);
  });

  it('names the path of a bad member inside a leg', () => {
    const cdr = cdrFixture({ legs: ['a@example.com', 'b@example.com'] });
    (cdr.ServeParticipants?.[1] as Record<string, unknown>).RingTimestamp = '1764460815';
    expect(problemsOf(cdr)).toEqual([
      'ServeParticipants[1].RingTimestamp: must be a whole number of seconds (Unix time), got a string',
    ]);
  });

  it.each([
    ['an array', []],
    ['null', null],
    ['a string', 'cdr'],
  ])('refuses a body that is %s', (_name, body) => {
    expect(problemsOf(body)[0]).toMatch(/^the body: must be a JSON object \(CDR push\)/);
  });

  it('drops members that are null, as if absent', () => {
    const result = validateRecord<Cdr>({ ...cdrFixture(), Uui: null, Remark: null }, CDR_PUSH);
    expect(result.ok && 'Uui' in result.value).toBe(false);
    expect(result.ok && 'Remark' in result.value).toBe(false);
  });

  it('keeps members it does not know, and says which', () => {
    const cdr = {
      ...cdrFixture(),
      NewMember: { added: 'later' },
      SeatUser: { ...cdrFixture().SeatUser, Team: 'blue' },
    };
    const result = validateRecord<Record<string, unknown>>(cdr, CDR_PUSH);
    expect(result).toMatchObject({ ok: true, unknownMembers: ['SeatUser.Team', 'NewMember'] });
    expect(result.ok && result.value.NewMember).toEqual({ added: 'later' });
  });

  it('refuses an unknown member nested past the depth limit, without recursion', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(problemsOf({ ...cdrFixture(), Deep: deep })).toEqual([
      `Deep: nested deeper than ${MAX_DEPTH} levels`,
    ]);
  });

  it('keeps a __proto__ member as plain data, never as a prototype', () => {
    const body = JSON.parse(`{"SessionId":"s-1","__proto__":{"polluted":true}}`);
    const result = validateRecord<Record<string, unknown>>(body, CDR_PUSH);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(Object.getPrototypeOf(result.value)).toBe(Object.prototype);
    expect(Object.hasOwn(result.value, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(JSON.stringify(result.value)).toContain('"__proto__":{"polluted":true}');
  });

  it('lists at most ten problems and counts the rest', () => {
    const bad = Object.fromEntries(
      [
        'Caller',
        'Callee',
        'RecordURL',
        'RecordId',
        'SkillGroup',
        'CallerLocation',
        'HungUpSide',
        'EndStatusString',
        'Remark',
        'AsrUrl',
        'AsrStatus',
        'UUI',
      ].map((name) => [name, 7]),
    );
    const problems = problemsOf({ ...cdrFixture(), ...bad });
    expect(problems).toHaveLength(11);
    expect(problems.at(-1)).toBe('and 2 more');
  });

  it('checks recording and voicemail pushes by their own structure', () => {
    expect(problemsOf({ SessionId: 's', Timestamp: 1 }, RECORDING_PUSH)).toEqual([
      'RecordId: required',
    ]);
    expect(
      problemsOf(
        { SessionId: 's', RecordURL: 'https://x/v.mp3', EndpointUser: 8613912345678 },
        VOICEMAIL_PUSH,
      ),
    ).toEqual([]);
    expect(
      problemsOf({ SessionId: 's', RecordURL: 'u', EndpointUser: true }, VOICEMAIL_PUSH),
    ).toEqual(['EndpointUser: must be a string or a whole number, got a boolean']);
  });
});
