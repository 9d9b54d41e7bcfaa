/**
 * Data Push end to end in one process: calls end in the SDK runtime (paused mock clock), the
 * sender pushes to a real HTTP receiver on loopback. Retries, delays and holds wait on the
 * MOCK clock, so the tests move it; nothing here waits on a real-time interval.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DataPushConfig } from '../src/push/config.js';
import type { PushEntry } from '../src/state/pushes.js';
import { type ReceiverOptions, startReceiver, type TestReceiver } from './push-receiver.js';
import { APP, type Harness, harness } from './runtime-harness.js';

const SEAT = 'agent@example.com';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

let h: Harness;
let receiver: TestReceiver;

async function setup(
  receiverOptions: ReceiverOptions = {},
  config: Partial<DataPushConfig> = {},
  mockOptions: Parameters<typeof harness>[0] = {},
) {
  receiver = await startReceiver(receiverOptions);
  h = harness(mockOptions);
  h.mock.setDataPush({ url: `${receiver.url}/tccc/push`, auth: { type: 'none' }, ...config });
}

/** An outbound call that talked 10 s, then the customer hung up: one CDR, one recorded leg. */
function talkedCall(): string {
  const page = h.login(SEAT);
  const { sessionId } = h.mock.sdk.startOutbound(page.session, { phoneNumber: '13800000001' });
  h.mock.sdk.answerByCustomer(sessionId);
  h.advance(10_000);
  h.mock.sdk.endByCustomer(sessionId);
  page.drop();
  h.mock.sdk.logout(page.session);
  return sessionId;
}

const settled = async () => {
  await h.mock.pushesIdle();
};
const entries = (filter?: Parameters<Harness['mock']['pushes']>[0]) => h.mock.pushes(filter);
const only = (list: PushEntry[]): PushEntry => {
  expect(list).toHaveLength(1);
  return list[0] as PushEntry;
};

afterEach(async () => {
  h?.close();
  await receiver?.close();
});

describe('what a push carries', () => {
  beforeEach(() => setup());

  it('POSTs the CDR to ?action=cdr&version=1 and each recorded leg to ?action=record&version=1', async () => {
    const sessionId = talkedCall();
    await settled();
    expect(receiver.pushes.map((p) => `${p.method} ${p.path}?${p.query}`)).toEqual([
      'POST /tccc/push?action=cdr&version=1',
      'POST /tccc/push?action=record&version=1',
    ]);
    const [cdrPush, recordPush] = receiver.pushes;
    const cdr = h.cdr(sessionId);
    expect(cdrPush?.headers['content-type']).toBe('application/json;charset=utf8');
    expect(cdrPush?.headers['x-tccc-push-uuid']).toMatch(UUID);
    expect(cdrPush?.headers.authorization).toBeUndefined();
    expect(cdrPush?.json).toEqual({ SdkAppId: APP, ...cdr, UserRemark: '' });
    const leg = cdr.ServeParticipants?.[0];
    expect(leg?.RecordId).toBeTruthy();
    expect(recordPush?.json).toEqual({
      SdkAppId: APP,
      RecordId: leg?.RecordId,
      SessionId: sessionId,
      Timestamp: leg?.EndedTimestamp,
      EndpointUser: SEAT,
      RecordURL: leg?.RecordURL,
      CustomRecordURL: '',
    });
    expect(recordPush?.headers['x-tccc-push-uuid']).not.toBe(cdrPush?.headers['x-tccc-push-uuid']);
  });

  it('journals each push with its attempt and outcome', async () => {
    const sessionId = talkedCall();
    await settled();
    const cdrEntry = only(entries({ action: 'cdr' }));
    expect(cdrEntry).toMatchObject({
      id: receiver.pushes[0]?.headers['x-tccc-push-uuid'],
      sdkAppId: APP,
      action: 'cdr',
      url: `${receiver.url}/tccc/push?action=cdr&version=1`,
      sessionId,
      outcome: 'delivered',
      faults: [],
      attempts: [{ status: 200, errCode: 0 }],
    });
    expect(cdrEntry.attempts[0]?.durationMs).toBeGreaterThanOrEqual(0);
    expect(entries({ sessionId, outcome: 'delivered' })).toHaveLength(2);
    expect(entries({ sessionId: 'other' })).toEqual([]);
  });

  it('a call that never connected has no recording: only the CDR is pushed', async () => {
    const page = h.login(SEAT);
    const { sessionId } = h.mock.sdk.startOutbound(page.session, { phoneNumber: '13800000001' });
    h.mock.sdk.failByCustomer(sessionId, 'userReject');
    await settled();
    expect(receiver.pushes.map((p) => p.query.get('action'))).toEqual(['cdr']);
    expect(receiver.pushes[0]?.json).toMatchObject({ SessionId: sessionId, EndStatus: 203 });
  });

  it('actions limits what is pushed; an app without a configuration pushes nothing', async () => {
    h.mock.setDataPush({ url: `${receiver.url}/p`, auth: { type: 'none' }, actions: ['record'] });
    talkedCall();
    await settled();
    expect(receiver.pushes.map((p) => p.query.get('action'))).toEqual(['record']);
    h.mock.setDataPush(null);
    talkedCall();
    await settled();
    expect(receiver.pushes).toHaveLength(1);
    expect(h.mock.getDataPush()).toBeNull();
  });

  it('CDR history added through the control plane is never pushed', async () => {
    h.mock.store.cdrs.insertMany(APP, [{ SessionId: 'old-1', StartTimestamp: 1_700_000_000 }]);
    await settled();
    expect(receiver.pushes).toEqual([]);
  });
});

describe('auth', () => {
  it('Basic: Authorization: Basic base64(user:password)', async () => {
    await setup(
      { basic: { username: 'tccc', password: 'pa:ss wörd' } },
      { auth: { type: 'basic', username: 'tccc', password: 'pa:ss wörd' } },
    );
    talkedCall();
    await settled();
    expect(receiver.pushes[0]?.headers.authorization).toBe(
      `Basic ${Buffer.from('tccc:pa:ss wörd').toString('base64')}`,
    );
    expect(entries().every((e) => e.outcome === 'delivered')).toBe(true);
  });

  it('OAuth: one token request (form, client_secret_basic), then Bearer on every push while it lives', async () => {
    const client = { clientId: 'push client', clientSecret: 's3cret:+&=' };
    receiver = await startReceiver({ oauth: { ...client, expiresIn: 3600 } });
    h = harness();
    h.mock.setDataPush({
      url: `${receiver.url}/tccc/push`,
      auth: { type: 'oauth', tokenUrl: `${receiver.url}/token`, ...client },
    });
    talkedCall();
    talkedCall();
    await settled();
    expect(receiver.tokenRequests).toHaveLength(1);
    const [tokenRequest] = receiver.tokenRequests;
    expect(tokenRequest?.method).toBe('POST');
    expect(tokenRequest?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(tokenRequest?.body).toBe('grant_type=client_credentials');
    // RFC 6749 §2.3.1: id and secret form-encoded, then Basic.
    expect(tokenRequest?.headers.authorization).toBe(
      `Basic ${Buffer.from('push+client:s3cret%3A%2B%26%3D').toString('base64')}`,
    );
    expect(receiver.pushes).toHaveLength(4);
    expect(receiver.pushes.every((p) => p.headers.authorization === 'Bearer token-1')).toBe(true);
    expect(h.mock.push.tokenRequests).toBe(1);
  });

  it('OAuth: the token is fetched anew shortly before expires_in (mock clock)', async () => {
    const client = { clientId: 'c', clientSecret: 'secret-c' };
    receiver = await startReceiver({ oauth: { ...client, expiresIn: 120 } });
    h = harness();
    h.mock.setDataPush({
      url: `${receiver.url}/tccc/push`,
      auth: { type: 'oauth', tokenUrl: `${receiver.url}/token`, ...client },
      actions: ['cdr'],
    });
    talkedCall(); // the call itself takes 10 s of mock time
    await settled();
    h.advance(70_000); // 80 s after the token: still before 120 - 30
    talkedCall();
    await settled();
    expect(receiver.tokenRequests).toHaveLength(1);
    h.advance(20_000); // 110 s: inside the 30 s margin
    talkedCall();
    await settled();
    expect(receiver.tokenRequests).toHaveLength(2);
    expect(receiver.pushes.map((p) => p.headers.authorization)).toEqual([
      'Bearer token-1',
      'Bearer token-1',
      'Bearer token-2',
    ]);
  });

  it('OAuth: a 401 drops the cached token, fetches a new one and sends again at once', async () => {
    const client = { clientId: 'c', clientSecret: 'secret-c' };
    receiver = await startReceiver({ oauth: client });
    h = harness();
    h.mock.setDataPush({
      url: `${receiver.url}/tccc/push`,
      auth: { type: 'oauth', tokenUrl: `${receiver.url}/token`, ...client },
      actions: ['cdr'],
    });
    talkedCall();
    await settled();
    receiver.validTokens.clear(); // the receiver restarted and forgot its tokens
    const sessionId = talkedCall();
    await settled();
    const entry = only(entries({ sessionId }));
    expect(entry.outcome).toBe('delivered');
    expect(entry.attempts.map((a) => a.status)).toEqual([401, 200]);
    expect(receiver.tokenRequests).toHaveLength(2);
    expect(receiver.pushes.at(-1)?.headers.authorization).toBe('Bearer token-2');
  });

  it('OAuth: a refused client fails the attempt with the token endpoint answer, retried later', async () => {
    receiver = await startReceiver({ oauth: { clientId: 'c', clientSecret: 'right' } });
    h = harness();
    h.mock.setDataPush({
      url: `${receiver.url}/tccc/push`,
      auth: {
        type: 'oauth',
        tokenUrl: `${receiver.url}/token`,
        clientId: 'c',
        clientSecret: 'wrong-secret',
      },
      actions: ['cdr'],
    });
    talkedCall();
    await settled();
    const entry = only(entries());
    expect(entry.outcome).toBe('pending');
    expect(entry.attempts[0]).toMatchObject({
      status: null,
      error: `token request to ${receiver.url}/token answered HTTP 401 invalid_client`,
    });
    expect(receiver.pushes).toEqual([]);
    expect(JSON.stringify(entry)).not.toContain('wrong-secret');
  });
});

describe('retries on the mock clock', () => {
  beforeEach(() => setup({}, { actions: ['cdr'] }));

  it('retries a failed push at most 3 times, 1 s, 5 s and 30 s apart, with the same UUID', async () => {
    receiver.answers.push(
      { status: 500, body: { ErrCode: 0 } },
      { status: 200, body: { ErrCode: 1, ErrMsg: 'busy' } },
      { status: 200, body: 'OK' },
    );
    const sessionId = talkedCall();
    await settled();
    expect(receiver.pushes).toHaveLength(1);
    h.advance(999);
    await settled();
    expect(receiver.pushes).toHaveLength(1);
    h.advance(1);
    await settled();
    expect(receiver.pushes).toHaveLength(2);
    h.advance(4_999);
    await settled();
    expect(receiver.pushes).toHaveLength(2);
    h.advance(1);
    await settled();
    expect(receiver.pushes).toHaveLength(3);
    h.advance(30_000);
    await settled();
    expect(receiver.pushes).toHaveLength(4);
    expect(new Set(receiver.pushes.map((p) => p.headers['x-tccc-push-uuid'])).size).toBe(1);
    const entry = only(entries({ sessionId }));
    expect(entry.outcome).toBe('delivered');
    expect(entry.attempts.map((a) => [a.status, a.errCode, a.error])).toEqual([
      [500, 0, 'HTTP 500 (not ErrCode 0)'],
      [200, 1, 'ErrCode 1 (not ErrCode 0)'],
      [200, undefined, 'HTTP 200 without a JSON ErrCode (not ErrCode 0)'],
      [200, 0, undefined],
    ]);
  });

  it('fails after the 3rd retry, saying why', async () => {
    for (let i = 0; i < 4; i += 1) receiver.answers.push({ status: 503 });
    talkedCall();
    await settled();
    for (const ms of [1_000, 5_000, 30_000, 30_000]) {
      h.advance(ms);
      await settled();
    }
    expect(receiver.pushes).toHaveLength(4);
    const entry = only(entries());
    expect(entry.outcome).toBe('failed');
    expect(entry.reason).toBe('all 4 attempts failed; last: HTTP 503 (not ErrCode 0)');
    expect(h.mock.push.pending).toBe(0);
  });

  it('a receiver that is down: network errors are attempts too', async () => {
    const url = receiver.url;
    await receiver.close();
    h.mock.setDataPush({ url: `${url}/tccc/push`, auth: { type: 'none' }, actions: ['cdr'] });
    talkedCall();
    await settled();
    const [attempt] = only(entries()).attempts;
    expect(attempt?.status).toBeNull();
    expect(attempt?.error).toMatch(/^network error \(/);
  });

  it('a broken-off answer is a failed attempt', async () => {
    receiver.answers.push({ destroy: true });
    talkedCall();
    await settled();
    h.advance(1_000);
    await settled();
    const entry = only(entries());
    expect(entry.attempts).toHaveLength(2);
    expect(entry.attempts[0]).toMatchObject({ status: null });
    expect(entry.outcome).toBe('delivered');
  });

  it('retry intervals and their number are settings', async () => {
    h.close();
    h = harness({ push: { maxRetries: 1, retryDelaysMs: [50] } });
    h.mock.setDataPush({ url: `${receiver.url}/p`, auth: { type: 'none' }, actions: ['cdr'] });
    receiver.answers.push({ status: 500 }, { status: 500 });
    talkedCall();
    await settled();
    h.advance(50);
    await settled();
    expect(only(entries())).toMatchObject({ outcome: 'failed' });
    expect(receiver.pushes).toHaveLength(2);
  });
});

describe('push faults', () => {
  beforeEach(() => setup());

  it('drop: never sent, journaled as dropped by the rule', async () => {
    const rule = h.mock.addFault({ target: 'push.cdr', kind: 'drop', times: 1 });
    const sessionId = talkedCall();
    await settled();
    expect(receiver.pushes.map((p) => p.query.get('action'))).toEqual(['record']);
    const entry = only(entries({ sessionId, action: 'cdr' }));
    expect(entry).toMatchObject({
      outcome: 'dropped',
      attempts: [],
      faults: [`drop (rule ${rule.id})`],
      reason: `dropped by fault drop (rule ${rule.id})`,
    });
  });

  it('duplicate: the receiver gets the same push twice, same UUID and body', async () => {
    h.mock.addFault({ target: 'push.cdr', kind: 'duplicate', times: 1 });
    talkedCall();
    await settled();
    const cdrs = receiver.pushes.filter((p) => p.query.get('action') === 'cdr');
    expect(cdrs).toHaveLength(2);
    expect(cdrs[0]?.headers['x-tccc-push-uuid']).toBe(cdrs[1]?.headers['x-tccc-push-uuid']);
    expect(cdrs[0]?.body).toBe(cdrs[1]?.body);
    const entry = only(entries({ action: 'cdr' }));
    expect(entry.outcome).toBe('delivered');
    expect(entry.attempts.map((a) => a.duplicate ?? false)).toEqual([false, true]);
  });

  it('reorder: the push is held until the next one went out', async () => {
    h.mock.addFault({ target: 'push.cdr', kind: 'reorder', times: 1 });
    talkedCall();
    await settled();
    expect(receiver.pushes.map((p) => p.query.get('action'))).toEqual(['record', 'cdr']);
    expect(entries().every((e) => e.outcome === 'delivered')).toBe(true);
  });

  it('reorder with no next push: sent after push.reorderHoldMs of mock time', async () => {
    h.mock.setDataPush({ url: `${receiver.url}/p`, auth: { type: 'none' }, actions: ['cdr'] });
    h.mock.addFault({ target: 'push.*', kind: 'reorder', times: 1 });
    talkedCall();
    await settled();
    expect(receiver.pushes).toEqual([]);
    h.advance(59_999);
    await settled();
    expect(receiver.pushes).toEqual([]);
    h.advance(1);
    await settled();
    expect(receiver.pushes).toHaveLength(1);
  });

  it('delay: held for ms of mock time', async () => {
    h.mock.addFault({ target: 'push.record', kind: 'delay', ms: 5_000 });
    talkedCall();
    await settled();
    expect(receiver.pushes.map((p) => p.query.get('action'))).toEqual(['cdr']);
    h.advance(5_000);
    await settled();
    expect(receiver.pushes.map((p) => p.query.get('action'))).toEqual(['cdr', 'record']);
  });

  it('unreachable: attempts fail as if the receiver were down; `times` counts attempts', async () => {
    const rule = h.mock.addFault({ target: 'push.cdr', kind: 'unreachable', times: 2 });
    talkedCall();
    await settled();
    h.advance(1_000);
    await settled();
    h.advance(5_000);
    await settled();
    const entry = only(entries({ action: 'cdr' }));
    expect(entry.attempts.map((a) => a.error ?? 'ok')).toEqual([
      `receiver unreachable (fault unreachable (rule ${rule.id}))`,
      `receiver unreachable (fault unreachable (rule ${rule.id}))`,
      'ok',
    ]);
    expect(entry.outcome).toBe('delivered');
    expect(receiver.pushes.filter((p) => p.query.get('action') === 'cdr')).toHaveLength(1);
  });

  it('probability and times work as for every rule; push rules never touch requests', async () => {
    h.mock.addFault({ target: 'push.*', kind: 'drop', probability: 0 });
    talkedCall();
    await settled();
    expect(receiver.pushes).toHaveLength(2);
    expect(h.mock.faults()).toHaveLength(1);
  });
});

describe('bounds, reset and close', () => {
  it('at most push.maxPending unsettled pushes: more are dropped, journaled', async () => {
    await setup({}, { actions: ['cdr'] }, { push: { maxPending: 2 } });
    h.mock.addFault({ target: 'push.cdr', kind: 'unreachable' });
    talkedCall();
    talkedCall();
    const third = talkedCall();
    await settled();
    expect(h.mock.push.pending).toBe(2);
    expect(only(entries({ sessionId: third }))).toMatchObject({
      outcome: 'dropped',
      reason: 'the push queue was full (2 pushes not settled; push.maxPending)',
    });
  });

  it('at most push.concurrency pushes in flight', async () => {
    receiver = await startReceiver();
    let inFlight = 0;
    let most = 0;
    const { createServer } = await import('node:http');
    const slow = createServer((_request, response) => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      setTimeout(() => {
        inFlight -= 1;
        response.writeHead(200, { 'content-type': 'application/json' }).end('{"ErrCode":0}');
      }, 30);
    });
    await new Promise<void>((resolve) => slow.listen(0, '127.0.0.1', resolve));
    const port = (slow.address() as { port: number }).port;
    h = harness({ push: { concurrency: 2 } });
    h.mock.setDataPush({ url: `http://127.0.0.1:${port}/p`, auth: { type: 'none' } });
    for (let i = 0; i < 4; i += 1) talkedCall();
    await settled();
    slow.close();
    expect(entries({ outcome: 'delivered' })).toHaveLength(8);
    expect(most).toBe(2);
  });

  it('the journal keeps push.maxJournal entries, the oldest settled going first', async () => {
    await setup({}, { actions: ['cdr'] }, { push: { maxJournal: 2 } });
    const calls = [talkedCall(), talkedCall(), talkedCall()];
    await settled();
    expect(entries().map((e) => e.sessionId)).toEqual(calls.slice(1));
  });

  it('reset aborts pushes in flight and forgets waiting ones; the sender keeps working', async () => {
    await setup({}, { actions: ['cdr'] });
    receiver.answers.push({ status: 500 });
    talkedCall();
    await settled();
    expect(h.mock.push.pending).toBe(1); // waiting for its retry
    h.mock.reset();
    expect(h.mock.push.pending).toBe(0);
    expect(entries()).toEqual([]);
    h.advance(60_000);
    await settled();
    expect(receiver.pushes).toHaveLength(1);
    h.mock.setDataPush({ url: `${receiver.url}/p`, auth: { type: 'none' }, actions: ['cdr'] });
    talkedCall();
    await settled();
    expect(receiver.pushes).toHaveLength(2);
  });

  it('a receiver that never answers does not hold up calls; reset aborts the request', async () => {
    const { createServer } = await import('node:http');
    const requests: unknown[] = [];
    const hanging = createServer((request) => void requests.push(request.url));
    await new Promise<void>((resolve) => hanging.listen(0, '127.0.0.1', resolve));
    const port = (hanging.address() as { port: number }).port;
    receiver = await startReceiver();
    h = harness();
    h.mock.setDataPush({ url: `http://127.0.0.1:${port}/p`, auth: { type: 'none' } });
    const sessionId = talkedCall(); // returns although the receiver never answers
    expect(h.cdr(sessionId)).toBeDefined();
    const idle = h.mock.pushesIdle();
    for (let i = 0; i < 100 && requests.length < 1; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    h.mock.reset();
    await idle; // resolved by the reset
    hanging.closeAllConnections();
    hanging.close();
  });

  it('close settles what was pending as failed and sends nothing more', async () => {
    await setup({}, { actions: ['cdr'] });
    receiver.answers.push({ status: 500 });
    talkedCall();
    await settled();
    h.mock.close();
    expect(only(entries())).toMatchObject({
      outcome: 'failed',
      reason: 'the mock closed before the push settled',
    });
    h.advance(60_000);
    await settled();
    expect(receiver.pushes).toHaveLength(1);
  });
});

describe('secrets', () => {
  it('never appear in the journal, the state export or errors', async () => {
    const secrets = { password: 'basic-PASSWORD-1', clientSecret: 'oauth-SECRET-2' };
    await setup(
      { basic: { username: 'u', password: secrets.password } },
      { auth: { type: 'basic', username: 'u', password: secrets.password } },
    );
    h.mock.setDataPush(
      {
        url: `${receiver.url}/other`,
        auth: {
          type: 'oauth',
          tokenUrl: `${receiver.url}/token`,
          clientId: 'id',
          clientSecret: secrets.clientSecret,
        },
      },
      APP,
    );
    h.mock.setDataPush({
      url: `${receiver.url}/tccc/push`,
      auth: { type: 'basic', username: 'u', password: secrets.password },
    });
    receiver.answers.push({ status: 401 });
    talkedCall();
    await settled();
    const exported = JSON.stringify(h.mock.exportState());
    expect(exported).not.toContain(secrets.password);
    expect(exported).toContain('[redacted]');
    expect(JSON.stringify(h.mock.pushes())).not.toContain(secrets.password);
    expect(JSON.stringify(h.mock.getDataPush())).not.toContain(secrets.password);
    expect(h.mock.getDataPush()).toEqual({
      url: `${receiver.url}/tccc/push`,
      actions: ['cdr', 'record'],
      auth: { type: 'basic', username: 'u', password: '[redacted]' },
    });
    let message = '';
    try {
      h.mock.setDataPush({
        url: 'http://u:pw-in-url@x/p',
        auth: { type: 'basic', username: 'a:b', password: secrets.password },
      });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/must not carry user:password/);
    expect(message).not.toContain('pw-in-url');
    expect(message).not.toContain(secrets.password);
  });
});
