/**
 * EVERY answer the mock gives to its emulated actions fits Tencent's response structure
 * (member names, types, required members, null only where allowed), success and error alike:
 * hand-picked requests in a state with live, ended and historical calls, then each request
 * broken one way at a time, then seeded random requests of the right types, each sent as
 * POST (JSON) and as GET (flattened query). Plus the envelope-level answers every action
 * shares (authentication, version, action, rate limit, fault rules).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { implementedActionNames } from '../src/api/actions/index.js';
import { answerProblems } from '../src/api/spec/conform.js';
import { createMockTccc } from '../src/mock.js';
import type { SdkSession } from '../src/state/sessions.js';
import { apiRequest, callApiBody } from './cloud-api.js';
import { type SignedInSeat, signIn } from './sdk-host-helpers.js';
import { mutations, randomParams, seeded } from './spec-inputs.js';

const APP = 1400000000;
const NOW = Date.UTC(2030, 0, 15, 12);
const now = NOW / 1000;
const mock = createMockTccc({
  now: NOW,
  limits: { requestsPerSecond: 1_000_000 },
  skillGroups: [{ skillGroupId: 101, name: 'Sales' }],
  staff: [{ mail: 'ana@example.com', name: 'Ana', skillGroups: [101] }],
});

const seats: SignedInSeat[] = [];
const sessionIds: string[] = [];
let ended = '';

beforeAll(async () => {
  mock.pauseTime();
  const agent = await signIn(mock);
  const agent2 = await signIn(mock, 'agent2@example.com');
  seats.push(agent, agent2);
  const session = mock.store.sessions.byCredential(agent.credential) as SdkSession;
  const outbound = mock.sdk.startOutbound(session, { phoneNumber: '008613900000001', uui: 'u-1' });
  const inbound = mock.sdk.offerInbound({ seatUserId: 'agent2@example.com' });
  sessionIds.push(outbound.sessionId, inbound.sessionId);
  mock.advanceTime(2_000); // the outbound call is answered
  const agent3 = mock.store.sessions.byCredential(agent2.credential) as SdkSession;
  mock.sdk.act(agent3, inbound.sessionId, 'accept');
  mock.sdk.endByCustomer(inbound.sessionId);
  ended = inbound.sessionId;
  mock.store.cdrs.insertMany(APP, [
    { SessionId: 'minimal', StartTimestamp: now - 60 },
    { SessionId: 'nullable-uui', StartTimestamp: now - 50, Uui: null as unknown as string },
  ]);
  const generated = await mock.fetch(
    new Request('http://mock.test/__tccc/cdrs', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-tccc-control-token': mock.controlToken },
      body: JSON.stringify({ generate: { count: 300, from: now - 86_400 * 3, to: now } }),
    }),
  );
  expect(generated.status).toBe(201);
  sessionIds.push('minimal', 'nullable-uui', mock.store.cdrs.list(APP)[5]?.SessionId ?? '');
});
afterAll(async () => {
  for (const seat of seats) await seat.events.cancel();
  mock.close();
});

/** Valid requests worth making, per action (closures: they read the state made above). */
const valid: Record<string, () => Record<string, unknown>[]> = {
  CreateSDKLoginToken: () => [
    { SdkAppId: APP, SeatUserId: 'agent@example.com' },
    { SdkAppId: APP, SeatUserId: 'ana@example.com', OnlyOnce: true },
  ],
  DescribeTelCdr: () => [
    {
      SdkAppId: APP,
      StartTimeStamp: now - 86_400 * 5,
      EndTimeStamp: now,
      PageSize: 100,
      PageNumber: 0,
    },
    {
      SdkAppId: APP,
      StartTimeStamp: now - 86_400 * 5,
      EndTimeStamp: now,
      PageSize: 7,
      PageNumber: 3,
    },
    {
      SdkAppId: APP,
      StartTimeStamp: now - 3_600,
      EndTimeStamp: now,
      PageSize: 10,
      PageNumber: 0,
      SessionIds: [...sessionIds],
    },
    {
      SdkAppId: APP,
      StartTimeStamp: now - 86_400,
      EndTimeStamp: now,
      PageSize: 10,
      PageNumber: 0,
      Phones: ['008613900000001', '008675586013388'],
    },
  ],
  DescribeSessionDetail: () =>
    sessionIds.map((SessionId) => ({
      SdkAppId: APP,
      SessionId,
      StartTimestamp: now - 86_400 * 5,
      EndTimestamp: now,
    })),
  DescribeTelSession: () =>
    [...sessionIds, ended].map((SessionId) => ({ SdkAppId: APP, SessionId })),
  DescribePSTNActiveSessionList: () => [
    { SdkAppId: APP, Offset: 0, Limit: 25 },
    { SdkAppId: APP, Offset: 1, Limit: 1 },
  ],
  HangUpCall: () => [
    { SdkAppId: APP, SessionId: sessionIds[0] ?? '' },
    { SdkAppId: APP, SessionId: ended },
  ],
  DescribeStaffInfoList: () => [
    { SdkAppId: APP, PageSize: 9999, PageNumber: 0 },
    {
      SdkAppId: APP,
      PageSize: 1,
      PageNumber: 2,
      SkillGroupId: 101,
      ModifiedTime: 0,
      StaffMail: 'ana@example.com',
    },
  ],
  CreateStaff: () => [
    {
      SdkAppId: APP,
      Staffs: [
        {
          Name: 'Cy',
          Mail: 'cy@example.com',
          StaffNumber: '9',
          Phone: '0086',
          Nick: 'C',
          UserId: 'cy@example.com',
          SkillGroupNameList: ['Sales'],
          Role: 1,
          ExtensionNumber: '1',
        },
        { Name: 'Ana', Mail: 'ana@example.com', StaffNumber: '3' },
      ],
      SendPassword: false,
    },
  ],
  DescribeSkillGroupInfoList: () => [
    { SdkAppId: APP, PageSize: 100, PageNumber: 0 },
    {
      SdkAppId: APP,
      PageSize: 100,
      PageNumber: 0,
      SkillGroupId: 101,
      ModifiedTime: 0,
      SkillGroupName: 'Sa',
    },
  ],
  DescribeStaffStatusMetrics: () => [
    { SdkAppId: APP },
    {
      SdkAppId: APP,
      StaffList: ['agent@example.com', 'ana@example.com'],
      GroupIdList: [101],
      StatusList: ['free', 'offline'],
    },
  ],
  SetStaffStatus: () => [
    {
      SdkAppId: APP,
      StaffStatusList: [
        { StaffUserId: 'agent2@example.com', Status: 'rest', Reason: 'lunch' },
        { StaffUserId: 'agent@example.com', Status: 'free' },
        { StaffUserId: 'ana@example.com', Status: 'notReady' },
        { StaffUserId: 'nobody@example.com', Status: 'free' },
      ],
    },
  ],
};

/** Values the random inputs draw on, by member name, so they reach past the app lookup. */
const hints = (name: string): readonly unknown[] => {
  if (name === 'SdkAppId') return [APP, APP, APP, 7];
  if (/SessionId/.test(name)) return [...sessionIds, ended, 'nope'];
  if (/Mail|StaffUserId|UserId|StaffList/.test(name))
    return ['agent@example.com', 'ana@example.com', 'nobody@example.com'];
  if (name === 'Status' || name === 'StatusList')
    return ['free', 'rest', 'notReady', 'busy', 'afterCallWork'];
  if (name === 'SkillGroupNameList' || name === 'SkillGroupName') return ['Sales', 'Nope'];
  if (name === 'SkillGroupId' || name === 'GroupIdList') return [101, 999];
  return [];
};

interface Tally {
  successes: number;
  errors: number;
  codes: Set<string>;
}
const tally = new Map<string, Tally>();
const failures: string[] = [];

async function check(action: string, params: unknown, method: 'GET' | 'POST') {
  const body = (await callApiBody(mock, action, params, { method })) as {
    Response: { Error?: { Code: string } };
  };
  const problems = answerProblems(action, body);
  if (problems.length > 0 && failures.length < 10) {
    failures.push(
      `${method} ${action} ${JSON.stringify(params).slice(0, 300)}\n  → ${problems.join('\n  → ')}`,
    );
  }
  const entry = tally.get(action) ?? { successes: 0, errors: 0, codes: new Set<string>() };
  if (body.Response.Error) {
    entry.errors += 1;
    entry.codes.add(body.Response.Error.Code);
  } else {
    entry.successes += 1;
  }
  tally.set(action, entry);
}

describe('every answer fits the response structure', () => {
  it('has hand-picked requests for every emulated action', () => {
    expect(Object.keys(valid).sort()).toEqual(implementedActionNames());
  });

  it.each(implementedActionNames())(
    '%s: valid, broken and random requests, POST and GET',
    async (action) => {
      const random = seeded(action.length * 7919);
      const context = { random, hints, nowSeconds: now };
      const requests = (valid[action] ?? (() => []))();
      const inputs = [
        ...requests,
        ...requests.flatMap((request) => mutations(action, request)),
        ...Array.from({ length: 80 }, () => randomParams(action, context)),
      ];
      for (const params of inputs) {
        for (const method of ['POST', 'GET'] as const) await check(action, params, method);
      }
      expect(failures, failures.join('\n')).toEqual([]);
      const seen = tally.get(action);
      expect(seen?.successes, `${action} never succeeded`).toBeGreaterThan(0);
      expect(seen?.codes.has('MissingParameter') || seen?.codes.has('InvalidParameter')).toBe(true);
      expect(seen?.codes.has('UnknownParameter')).toBe(true);
    },
  );

  it('reaches the action-specific errors too', () => {
    const codes = new Set([...tally.values()].flatMap((entry) => [...entry.codes]));
    for (const code of [
      'InvalidParameterValue',
      'InvalidParameterValue.InstanceNotExist',
      'InvalidParameterValue.AccountNotExist',
      'InvalidParameterValue.RecordNotExist',
      'FailedOperation.SessionNotExists',
    ]) {
      expect([...codes]).toContain(code);
    }
  });

  it('fits for the answers every action shares: auth, version, action, rate limit, faults', async () => {
    const answers: [string, unknown][] = [];
    const send = async (target: typeof mock, action: string, request: Request) =>
      answers.push([action, await (await target.fetch(request)).json()]);
    const good = () => apiRequest(mock, 'DescribeTelSession', { SdkAppId: APP, SessionId: 'x' });
    const changed = (headers: Record<string, string>) =>
      new Request(good(), { headers: { ...Object.fromEntries(good().headers), ...headers } });
    await send(mock, 'DescribeTelSession', changed({ authorization: 'nonsense' }));
    await send(mock, 'DescribeTelSession', changed({ 'x-tc-version': '2017-01-01' }));
    await send(
      mock,
      'DescribeTelSession',
      new Request(good(), { body: '{"SdkAppId":1,"SessionId":"y"}' }),
    );
    await send(mock, 'Nope', apiRequest(mock, 'Nope', {}));
    await send(
      mock,
      'DescribeCallInMetrics',
      apiRequest(mock, 'DescribeCallInMetrics', { SdkAppId: APP }),
    );
    mock.addFault({ target: 'DescribeTelCdr', kind: 'error', code: 'InternalError', times: 1 });
    await send(mock, 'DescribeTelCdr', apiRequest(mock, 'DescribeTelCdr', {}));
    const limited = createMockTccc({ now: NOW });
    limited.pauseTime();
    const query = { SdkAppId: APP, Offset: 0, Limit: 1 };
    for (let i = 0; i < 21; i++) {
      await send(
        limited,
        'DescribePSTNActiveSessionList',
        apiRequest(limited, 'DescribePSTNActiveSessionList', query),
      );
    }
    const codes = answers.map(
      ([, body]) => (body as { Response: { Error?: { Code: string } } }).Response.Error?.Code,
    );
    expect(codes.filter((code) => code !== undefined)).toEqual([
      'AuthFailure.InvalidAuthorization',
      'NoSuchVersion',
      'AuthFailure.SignatureFailure',
      'InvalidAction',
      'UnsupportedOperation',
      'InternalError',
      'RequestLimitExceeded',
    ]);
    for (const [action, body] of answers) expect(answerProblems(action, body)).toEqual([]);
  });
});
