import { describe, expect, it } from 'vitest';
import { MockConfigError, resolveMockConfig } from '../config/index.js';
import { FaultRuleError, parseFaultRule } from '../faults/index.js';
import { createMockTccc } from '../mock.js';
import { DataPushConfigError, parseDataPushConfig, pushUrl, redactDataPush } from './config.js';
import { DEFAULT_PUSH_SETTINGS, retryDelay } from './settings.js';

const problemsOf = (input: unknown): readonly string[] => {
  try {
    parseDataPushConfig(input);
  } catch (error) {
    expect(error).toBeInstanceOf(DataPushConfigError);
    return (error as DataPushConfigError).problems;
  }
  throw new Error('expected a DataPushConfigError');
};

describe('parseDataPushConfig', () => {
  it('takes each auth mode and fills in actions', () => {
    expect(
      parseDataPushConfig({ url: 'http://127.0.0.1:3000/tccc/push', auth: { type: 'none' } }),
    ).toEqual({
      url: 'http://127.0.0.1:3000/tccc/push',
      auth: { type: 'none' },
      actions: ['cdr', 'record'],
    });
    expect(
      parseDataPushConfig({
        url: 'https://push.example.com/tccc',
        auth: { type: 'basic', username: 'u', password: 'p' },
        actions: ['cdr'],
      }),
    ).toMatchObject({ auth: { type: 'basic', username: 'u', password: 'p' }, actions: ['cdr'] });
    expect(
      parseDataPushConfig({
        url: 'https://push.example.com/tccc',
        auth: {
          type: 'oauth',
          tokenUrl: 'https://push.example.com/token',
          clientId: 'c',
          clientSecret: 's',
        },
      }).auth,
    ).toEqual({
      type: 'oauth',
      tokenUrl: 'https://push.example.com/token',
      clientId: 'c',
      clientSecret: 's',
    });
  });

  it('names every problem: URL, scheme, query, user info, auth type, missing fields', () => {
    expect(problemsOf(null)).toEqual([
      'dataPush must be an object { url, auth, actions? } (or null to turn pushes off)',
    ]);
    expect(problemsOf({ url: 'not a url', auth: { type: 'magic' }, extra: 1 })).toEqual([
      'dataPush.extra is not a known field (expected one of: url, auth, actions)',
      'dataPush.url "not a url" is not a URL (expected e.g. "http://127.0.0.1:3000/tccc/push")',
      'dataPush.auth.type must be one of none, basic, oauth (got "magic")',
    ]);
    expect(problemsOf({ url: 'ftp://x/p', auth: { type: 'none' } })).toEqual([
      'dataPush.url must use http: or https: (got "ftp:")',
    ]);
    expect(problemsOf({ url: 'http://x/p?action=cdr', auth: { type: 'none' } })).toEqual([
      'dataPush.url must have no query or fragment (the mock appends ?action=cdr&version=1 itself)',
    ]);
    expect(
      problemsOf({
        auth: { type: 'basic', username: 'a:b' },
        actions: ['cdr', 'voicemail', 'cdr'],
      }),
    ).toEqual([
      'dataPush.url is required: the receiver URL as an http(s) URL such as "http://127.0.0.1:3000/tccc/push"',
      'dataPush.auth.username must not contain ":" (HTTP Basic separates user and password with it)',
      'dataPush.auth.password is required: a non-empty string',
      'dataPush.actions[1] must be one of cdr, record (got "voicemail")',
      'dataPush.actions[2] repeats "cdr"',
    ]);
    expect(problemsOf({ url: 'http://x/p', auth: { type: 'oauth', clientId: 'c' } })).toEqual([
      'dataPush.auth.tokenUrl is required: the token URL as an http(s) URL such as "http://127.0.0.1:3000/tccc/push/token"',
      'dataPush.auth.clientSecret is required: a non-empty string',
    ]);
    expect(problemsOf({ url: 'http://x/p' })[0]).toMatch(/^dataPush.auth is required/);
    expect(problemsOf({ url: 'http://x/p', auth: { type: 'none' }, actions: [] })).toEqual([
      'dataPush.actions must be a non-empty list of "cdr", "record"',
    ]);
    expect(problemsOf({ url: 'http://x/p', auth: { type: 'none', password: 'x' } })).toEqual([
      'dataPush.auth.password is not a known field (expected one of: type)',
    ]);
  });

  it('never echoes a credential, also from a URL with user info', () => {
    const problems = problemsOf({
      url: 'http://user:hunter2@x/p',
      auth: { type: 'basic', username: 'u', password: 'line\nbreak-hunter3' },
    });
    expect(problems.join(' ')).not.toMatch(/hunter/);
    expect(problems).toEqual([
      'dataPush.url must not carry user:password; put credentials in auth',
      'dataPush.auth.password must be at most 1024 characters without control characters',
    ]);
  });

  it('redacts the password and the client secret for views; builds the push URL', () => {
    const basic = parseDataPushConfig({
      url: 'http://x/p',
      auth: { type: 'basic', username: 'u', password: 'secret' },
    });
    expect(redactDataPush(basic).auth).toEqual({
      type: 'basic',
      username: 'u',
      password: '[redacted]',
    });
    const oauth = parseDataPushConfig({
      url: 'http://x/p',
      auth: { type: 'oauth', tokenUrl: 'http://x/t', clientId: 'c', clientSecret: 'secret' },
    });
    expect(JSON.stringify(redactDataPush(oauth))).not.toContain('secret"');
    expect(pushUrl(basic, 'cdr')).toBe('http://x/p?action=cdr&version=1');
    expect(pushUrl(basic, 'record')).toBe('http://x/p?action=record&version=1');
  });
});

describe('push configuration in options and --config', () => {
  const dataPush = { url: 'http://127.0.0.1:3000/tccc/push', auth: { type: 'none' } } as const;

  it('is per app (apps[].dataPush) and comes back on reset', () => {
    const mock = createMockTccc({
      apps: [{ sdkAppId: 1400000001, dataPush }, { sdkAppId: 1400000002 }],
    });
    expect(mock.getDataPush()).toEqual({ ...dataPush, actions: ['cdr', 'record'] });
    expect(mock.getDataPush(1400000002)).toBeNull();
    mock.setDataPush(null);
    mock.setDataPush({ ...dataPush, url: 'http://127.0.0.1:3000/other' }, 1400000002);
    expect(mock.getDataPush()).toBeNull();
    expect(mock.getDataPush(1400000002)?.url).toBe('http://127.0.0.1:3000/other');
    mock.reset();
    expect(mock.getDataPush()?.url).toBe(dataPush.url);
    expect(mock.getDataPush(1400000002)).toBeNull();
    mock.close();
  });

  it('names a bad app configuration with its place, and an unknown app for setDataPush', () => {
    expect(() =>
      resolveMockConfig({
        apps: [{ sdkAppId: 1, dataPush: { url: 'x', auth: { type: 'none' } } }],
      }),
    ).toThrow(
      new MockConfigError('options', [
        'apps[0].dataPush.url "x" is not a URL (expected e.g. "http://127.0.0.1:3000/tccc/push")',
      ]),
    );
    const mock = createMockTccc();
    expect(() => mock.setDataPush(dataPush, 42)).toThrow(
      'setDataPush: the mock has no app 42 (apps: 1400000000)',
    );
    expect(() => mock.setDataPush({ url: 'http://x/p' } as never)).toThrow(DataPushConfigError);
    mock.close();
  });

  it('takes push settings, and names each bad one', () => {
    expect(resolveMockConfig({}).push).toEqual(DEFAULT_PUSH_SETTINGS);
    expect(resolveMockConfig({ push: { maxRetries: 0, retryDelaysMs: [10] } }).push).toMatchObject({
      maxRetries: 0,
      retryDelaysMs: [10],
    });
    expect(() =>
      resolveMockConfig({ push: { concurrency: 0, retryDelaysMs: [], speed: 1 } }),
    ).toThrow(
      new MockConfigError('options', [
        'push.speed is not a known field (expected one of: maxRetries, timeoutMs, concurrency, maxPending, maxJournal, reorderHoldMs, tokenRefreshMarginMs, retryDelaysMs)',
        'push.concurrency must be an integer from 1 to 256 (got 0)',
        'push.retryDelaysMs must be a list of 1 to 10 integers of ms from 0 to 86400000 (got [])',
      ]),
    );
  });

  it('repeats the last retry delay past the end of the list', () => {
    const settings = { ...DEFAULT_PUSH_SETTINGS, retryDelaysMs: [10, 20] };
    expect([1, 2, 3, 4].map((n) => retryDelay(settings, n))).toEqual([10, 20, 20, 20]);
  });
});

describe('push fault rules', () => {
  it('accepts the push kinds on push targets', () => {
    for (const kind of ['drop', 'duplicate', 'reorder', 'unreachable'] as const) {
      expect(parseFaultRule({ target: 'push.cdr', kind })).toEqual({ target: 'push.cdr', kind });
    }
    expect(parseFaultRule({ target: 'push.*', kind: 'delay', ms: 100, times: 2 })).toEqual({
      target: 'push.*',
      kind: 'delay',
      ms: 100,
      times: 2,
    });
  });

  it('refuses request kinds on pushes, push kinds on requests, and unknown push targets', () => {
    expect(() => parseFaultRule({ target: 'push.cdr', kind: 'hang' })).toThrow(
      new FaultRuleError(
        'a "hang" rule does not apply to pushes; a push rule\'s kind is one of drop, duplicate, reorder, delay, unreachable',
      ),
    );
    expect(() => parseFaultRule({ target: 'CreateSDKLoginToken', kind: 'duplicate' })).toThrow(
      /a "duplicate" rule applies only to Data Pushes \(target push.cdr, push.record, push.\*\)/,
    );
    expect(() => parseFaultRule({ target: 'push.voicemail', kind: 'drop' })).toThrow(
      'a push target is one of push.cdr, push.record, push.* (got "push.voicemail")',
    );
    expect(() => parseFaultRule({ target: 'push.cdr', kind: 'duplicate', ms: 1 })).toThrow(
      /ms is not a field of a "duplicate" rule/,
    );
  });
});
