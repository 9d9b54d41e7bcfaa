/**
 * The Data Push receiver in-process (app.request) over a real SQLite store: what it
 * stores, when it acknowledges, what it refuses and how TCCC learns of it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { CallRecordStore } from '../records/store.js';
import { cdrFixture } from '../records/testing/cdr-fixtures.js';
import { PUSH_BODY_LIMIT_BYTES } from './routes.js';
import {
  answerOf,
  basic,
  PUSH_PASSWORD,
  PUSH_USER,
  type PushRig,
  push,
  pushRig,
  SDK_APP_ID,
} from './testing/push-fixtures.js';

let rig: PushRig;
afterEach(async () => {
  await rig?.close();
});

describe('storing pushes', () => {
  it('stores a CDR and answers {"ErrCode":0,"ErrMsg":""} as JSON', async () => {
    rig = await pushRig();
    const cdr = cdrFixture();
    const response = await push(rig.app, cdr);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.text()).toBe('{"ErrCode":0,"ErrMsg":""}');
    expect((await rig.store.getCall(cdr.SessionId))?.cdr).toEqual(cdr);
  });

  it('acknowledges only once the store has committed the record', async () => {
    rig = await pushRig();
    const real = rig.store;
    let release: () => void = () => {};
    const committed = new Promise<void>((resolve) => {
      release = resolve;
    });
    const slow: CallRecordStore = {
      ...real,
      saveCdr: async (...args) => {
        await committed;
        return real.saveCdr(...args);
      },
    };
    const slowRig = await pushRig({ store: slow });
    let answered = false;
    const pending = Promise.resolve(push(slowRig.app, cdrFixture())).then((response) => {
      answered = true;
      return response;
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(answered).toBe(false);
    release();
    expect((await answerOf(await pending)).ErrCode).toBe(0);
  });

  it('answers a repeated X-TCCC-PUSH-UUID with success and stores nothing again', async () => {
    rig = await pushRig();
    const cdr = cdrFixture();
    const uuid = '7cb26a84-83b2-42d8-a19b-7dae78e9b78e';
    expect((await answerOf(await push(rig.app, cdr, { uuid }))).ErrCode).toBe(0);
    const changed = { ...cdr, EndedTimestamp: (cdr.EndedTimestamp ?? 0) + 600 };
    expect((await answerOf(await push(rig.app, changed, { uuid }))).ErrCode).toBe(0);
    expect((await rig.store.getCall(cdr.SessionId))?.cdr).toEqual(cdr);
    expect(await rig.store.findReceipt(uuid)).toEqual({ action: 'cdr', outcome: 'inserted' });
    expect(rig.logLines.filter((line) => line.includes('"outcome":"duplicate"'))).toHaveLength(1);
  });

  it('keeps the newer record when an older one arrives late under a new UUID', async () => {
    rig = await pushRig();
    const newer = cdrFixture({ length: 300, legs: ['agent@example.com', 'agent2@example.com'] });
    const older = cdrFixture({ sessionId: newer.SessionId, length: 60 });
    await push(rig.app, newer);
    expect((await answerOf(await push(rig.app, older))).ErrCode).toBe(0);
    expect((await rig.store.getCall(newer.SessionId))?.cdr).toEqual(newer);
  });

  it('stores recording and voicemail pushes', async () => {
    rig = await pushRig();
    const recording = {
      SdkAppId: SDK_APP_ID,
      RecordId: 'r-1',
      SessionId: 's-rec',
      Timestamp: 1_764_460_900,
      EndpointUser: 'agent@example.com',
      RecordURL: 'https://example.com/r-1.mp3',
      CustomRecordURL: '',
    };
    const voicemail = {
      SdkAppId: SDK_APP_ID,
      SessionId: 's-vm',
      Timestamp: 1_764_460_900,
      RecordURL: 'https://example.com/vm.mp3',
      EndpointUser: 8613912345678,
    };
    expect((await answerOf(await push(rig.app, recording, { action: 'record' }))).ErrCode).toBe(0);
    // TCCC's voicemail push has no version parameter.
    const vm = await push(rig.app, voicemail, { query: 'action=voicemail' });
    expect((await answerOf(vm)).ErrCode).toBe(0);
    expect(await rig.store.recordingsOf('s-rec')).toMatchObject([{ RecordId: 'r-1' }]);
    expect(await rig.store.voicemailsOf('s-vm')).toMatchObject([{ EndpointUser: '8613912345678' }]);
  });

  it('accepts a push without X-TCCC-PUSH-UUID, relying on SessionId alone', async () => {
    rig = await pushRig();
    const cdr = cdrFixture();
    expect((await answerOf(await push(rig.app, cdr, { uuid: null }))).ErrCode).toBe(0);
    expect((await answerOf(await push(rig.app, cdr, { uuid: null }))).ErrCode).toBe(0);
    expect(await rig.store.getCall(cdr.SessionId)).toBeDefined();
  });

  it('is not behind the browser same-origin check: credentials decide', async () => {
    rig = await pushRig();
    const response = await push(rig.app, cdrFixture(), {
      headers: { origin: 'https://elsewhere.example', 'sec-fetch-site': 'cross-site' },
    });
    expect((await answerOf(response)).ErrCode).toBe(0);
  });
});

describe('refusing pushes so that TCCC retries', () => {
  it.each([
    ['bad JSON', '{"SessionId": "x",', {}, 400, 'push_invalid_body', /not valid JSON/],
    [
      'a wrong member type',
      { ...cdrFixture(), Direction: '1' },
      {},
      400,
      'push_invalid_body',
      /Direction: must be a whole number/,
    ],
    [
      'another app',
      { ...cdrFixture(), SdkAppId: 1400000001 },
      {},
      400,
      'push_invalid_body',
      /SdkAppId 1400000001 is not this server's TCCC app/,
    ],
    [
      'an unknown action',
      cdrFixture(),
      { query: 'action=asr&version=1' },
      400,
      'push_invalid_request',
      /action=cdr, action=record, action=voicemail/,
    ],
    [
      'two actions',
      cdrFixture(),
      { query: 'action=cdr&action=record' },
      400,
      'push_invalid_request',
      /one action/,
    ],
    [
      'version 2',
      cdrFixture(),
      { query: 'action=cdr&version=2' },
      400,
      'push_invalid_request',
      /version=1/,
    ],
    [
      'a malformed push UUID',
      cdrFixture(),
      { uuid: 'a b' },
      400,
      'push_invalid_request',
      /X-TCCC-PUSH-UUID/,
    ],
    [
      'text/plain',
      cdrFixture(),
      { contentType: 'text/plain' },
      415,
      'push_unsupported_media_type',
      /application\/json/,
    ],
    [
      'a Latin-1 charset',
      cdrFixture(),
      { contentType: 'application/json; charset=latin1' },
      415,
      'push_unsupported_media_type',
      /UTF-8/,
    ],
  ] as const)(
    'refuses %s with a non-zero ErrCode and the HTTP status',
    async (_name, body, options, status, code, detail) => {
      rig = await pushRig();
      const response = await push(rig.app, body, options);
      expect(response.status).toBe(status);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      const answer = await answerOf(response);
      expect(answer).toMatchObject({ ErrCode: status, status, code });
      expect(answer.ErrMsg).toMatch(detail);
    },
  );

  it(`refuses a body over ${PUSH_BODY_LIMIT_BYTES} bytes with 413 before reading it`, async () => {
    rig = await pushRig();
    const big = { ...cdrFixture(), Remark: 'x'.repeat(PUSH_BODY_LIMIT_BYTES) };
    const response = await push(rig.app, big);
    expect(response.status).toBe(413);
    expect(await answerOf(response)).toMatchObject({
      ErrCode: 413,
      code: 'push_payload_too_large',
    });
  });

  it('answers 503 with a non-zero ErrCode when the store fails, and logs it without secrets', async () => {
    rig = await pushRig();
    const failing = await pushRig({
      store: {
        ...rig.store,
        saveCdr: () => Promise.reject(new Error(`disk full near ${PUSH_PASSWORD}`)),
      },
    });
    const response = await push(failing.app, cdrFixture());
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('5');
    expect(await answerOf(response)).toMatchObject({ ErrCode: 503, code: 'push_store_failed' });
    const logged = failing.logLines.find((line) => line.includes('tccc.push.store_failed'));
    expect(logged).toContain('disk full');
    expect(failing.logLines.join('\n')).not.toContain(PUSH_PASSWORD);
  });
});

describe('push authentication', () => {
  it.each([
    ['no credentials', null, /Send credentials \(Basic\)/],
    ['a wrong password', basic(PUSH_USER, `${PUSH_PASSWORD}x`), /Wrong user name or password/],
    ['a wrong user', basic('someone', PUSH_PASSWORD), /Wrong user name or password/],
    ['a Basic value that is not base64', 'Basic !!!', /Wrong user name or password/],
    [
      'a Bearer token where only Basic is set up',
      'Bearer abc',
      /Unsupported Authorization scheme; use Basic/,
    ],
  ])('refuses %s with 401 and a Basic challenge', async (_name, authorization, detail) => {
    rig = await pushRig();
    const response = await push(rig.app, cdrFixture(), { authorization });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe(
      'Basic realm="tccc-push", charset="UTF-8"',
    );
    const answer = await answerOf(response);
    expect(answer).toMatchObject({ ErrCode: 401, code: 'push_unauthorized' });
    expect(answer.ErrMsg).toMatch(detail);
  });

  it('refuses every push while no authentication is configured, saying what to set', async () => {
    rig = await pushRig({ auth: {} });
    const response = await push(rig.app, cdrFixture(), { authorization: null });
    expect(response.status).toBe(503);
    const answer = await answerOf(response);
    expect(answer).toMatchObject({ ErrCode: 503, code: 'push_auth_not_configured' });
    expect(answer.ErrMsg).toMatch(/TCCC_PUSH_BASIC_USER.*TCCC_PUSH_AUTH=none/);
  });

  it('accepts pushes without credentials only with TCCC_PUSH_AUTH=none', async () => {
    rig = await pushRig({ auth: { none: true } });
    const response = await push(rig.app, cdrFixture(), { authorization: null });
    expect((await answerOf(response)).ErrCode).toBe(0);
  });

  it('limits requests per source address, answering 429 with Retry-After', async () => {
    rig = await pushRig({ records: { pushRateLimitPerMinute: 3 } });
    const codes: number[] = [];
    for (let i = 0; i < 4; i++) codes.push((await push(rig.app, cdrFixture())).status);
    expect(codes).toEqual([200, 200, 200, 429]);
    const refused = await push(rig.app, cdrFixture());
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await answerOf(refused)).toMatchObject({ ErrCode: 429, code: 'push_rate_limited' });
  });
});
