import { describe, expect, it } from 'vitest';
import { completeObject } from './complete.js';
import { answerProblems, conformProblems } from './conform.js';

const seatUser = {
  Name: 'Ana',
  Mail: 'ana@example.com',
  StaffNumber: '7',
  Phone: '',
  Nick: 'Ana',
  UserId: 'ana@example.com',
  SkillGroupNameList: [],
};

describe('checking values against the spec', () => {
  it('accepts a value that fits, including members TCCC may send as null', () => {
    const cdr = completeObject('TelCdrInfo', { SessionId: 's', StartTimestamp: 1, Uui: null });
    expect(conformProblems('TelCdrInfo', cdr, { mode: 'output' })).toEqual([]);
  });

  it('lists each problem with its path', () => {
    const cdr = completeObject('TelCdrInfo', { SessionId: 's', StartTimestamp: 1 }) as Record<
      string,
      unknown
    >;
    const problems = conformProblems(
      'TelCdrInfo',
      {
        ...cdr,
        Direction: '1',
        Duration: 1.5,
        Caller: null,
        Extra: true,
        SeatUser: { ...seatUser, Mail: 5 },
        ServeParticipants: [{}],
      },
      { mode: 'output' },
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        'Extra: TelCdrInfo has no member of this name',
        'Direction: expected Integer, got a string',
        'Duration: expected Integer, got a number',
        'Caller: null is not allowed here',
        'SeatUser.Mail: expected String, got an integer',
        'ServeParticipants.0.Mail: required in ServeParticipant, missing',
      ]),
    );
  });

  it('requires output_required members in output mode, only the named ones in input mode', () => {
    expect(
      conformProblems('TelCdrInfo', { SessionId: 's' }, { mode: 'output' }).length,
    ).toBeGreaterThan(10);
    expect(
      conformProblems(
        'TelCdrInfo',
        { SessionId: 's' },
        { mode: 'input', required: ['SessionId', 'StartTimestamp'] },
      ),
    ).toEqual(['StartTimestamp: required in TelCdrInfo, missing']);
    expect(
      conformProblems(
        'TelCdrInfo',
        { SessionId: 's', StartTimestamp: -1, SeatUser: {} },
        { mode: 'input' },
      ),
    ).toEqual([]);
  });

  it('checks whole answers: the success members, or exactly an Error of Code and Message', () => {
    expect(answerProblems('HangUpCall', { Response: { RequestId: 'r' } })).toEqual([]);
    expect(answerProblems('HangUpCall', { Response: { RequestId: 'r', Extra: 1 } })).toEqual([
      'Response.Extra: HangUpCallResponse has no member of this name',
    ]);
    expect(
      answerProblems('DescribeTelCdr', { Response: { RequestId: 'r', TotalCount: 0 } }),
    ).toEqual(['Response.TelCdrList: required in DescribeTelCdrResponse, missing']);
    expect(
      answerProblems('HangUpCall', {
        Response: { RequestId: 'r', Error: { Code: 'X', Message: 'm' } },
      }),
    ).toEqual([]);
    expect(
      answerProblems('HangUpCall', { Response: { RequestId: 'r', Error: { Code: 'X' } } }),
    ).toEqual(['Response.Error: expected exactly {Code, Message}, non-empty Strings']);
    expect(answerProblems('HangUpCall', { Response: {} })).toEqual([
      'Response.RequestId: expected a non-empty String',
    ]);
    expect(answerProblems('HangUpCall', { Response: { RequestId: 'r' }, More: 1 })).toHaveLength(1);
  });

  it('stops after maxProblems', () => {
    expect(conformProblems('TelCdrInfo', {}, { mode: 'output', maxProblems: 3 })).toHaveLength(3);
  });
});

describe('completing answers', () => {
  it('adds every output-required member TCCC always sends, empty, nested objects too', () => {
    const cdr = completeObject('TelCdrInfo', { SessionId: 's', StartTimestamp: 9 }) as Record<
      string,
      unknown
    >;
    expect(cdr).toMatchObject({
      SessionId: 's',
      StartTimestamp: 9,
      Caller: '',
      Duration: 0,
      ServeParticipants: [],
      VoicemailRecordURL: [],
      SeatUser: {
        Name: '',
        Mail: '',
        StaffNumber: '',
        Phone: '',
        Nick: '',
        UserId: '',
        SkillGroupNameList: [],
      },
    });
    // Deprecated and optional members are not invented.
    expect(cdr).not.toHaveProperty('Uui');
    expect(cdr).not.toHaveProperty('CallType');
  });

  it('keeps what the record has, completes objects inside lists, and drops unknown members', () => {
    const cdr = completeObject('TelCdrInfo', {
      SessionId: 's',
      StartTimestamp: 9,
      CallType: 1,
      Uui: 'u',
      ServeParticipants: [{ Mail: 'a@b.c' }],
      notAMember: 1,
    } as never) as Record<string, unknown>;
    expect(cdr).toMatchObject({ CallType: 1, Uui: 'u' });
    expect(cdr).not.toHaveProperty('notAMember');
    expect((cdr.ServeParticipants as Record<string, unknown>[])[0]).toMatchObject({
      Mail: 'a@b.c',
      Phone: '',
      Sequence: 0,
    });
  });
});
