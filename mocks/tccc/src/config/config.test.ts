import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_LIMITS,
  DEFAULT_PUSH_SETTINGS,
  DEFAULT_SDK_SETTINGS,
  loadConfigFile,
  MockConfigError,
  resolveMockConfig,
} from './index.js';

describe('resolveMockConfig', () => {
  it('fills in the documented defaults', () => {
    expect(resolveMockConfig({})).toEqual({
      accounts: [
        {
          secretId: 'AKIDmocktccc000000000000000000000000',
          secretKey: 'mocktcccsecretkey000000000000000',
        },
      ],
      apps: [{ sdkAppId: 1400000000, seats: ['agent@example.com', 'agent2@example.com'] }],
      staff: [
        {
          sdkAppId: 1400000000,
          mail: 'agent@example.com',
          name: 'agent',
          staffNumber: '1',
          phone: '',
          nick: 'agent',
          extensionNumber: '',
          roles: [1],
          skillGroups: [],
        },
        expect.objectContaining({ mail: 'agent2@example.com', name: 'agent2', staffNumber: '2' }),
      ],
      skillGroups: [],
      sdkOrigin: undefined,
      limits: DEFAULT_LIMITS,
      sdk: DEFAULT_SDK_SETTINGS,
      push: DEFAULT_PUSH_SETTINGS,
      controlToken: undefined,
    });
  });

  it('takes sdk settings, and names each bad one', () => {
    const config = resolveMockConfig({ sdk: { sessionGraceSeconds: 5, afterCallWorkSeconds: 10 } });
    expect(config.sdk).toEqual({
      ...DEFAULT_SDK_SETTINGS,
      sessionGraceSeconds: 5,
      afterCallWorkSeconds: 10,
    });
    expect(() =>
      resolveMockConfig({
        sdk: { offerTimeoutSeconds: -1, reconnectInitialMs: 500, reconnectMaxMs: 100, nap: 1 },
      }),
    ).toThrow(
      new MockConfigError('options', [
        'sdk.nap is not a known field (expected one of: offerTimeoutSeconds, queueWaitSeconds, afterCallWorkSeconds, sessionGraceSeconds, reconnectInitialMs, reconnectMaxMs, answerAfterMs, busyAfterMs, noAnswerAfterMs)',
        'sdk.offerTimeoutSeconds must be an integer of seconds from 0 to 3600 (got -1)',
        'sdk.reconnectMaxMs must be at least sdk.reconnectInitialMs',
      ]),
    );
  });

  it('takes accounts, apps, sdkOrigin and limits', () => {
    const config = resolveMockConfig({
      accounts: [{ secretId: 'AKID1', secretKey: 'k1' }],
      apps: [{ sdkAppId: 1400000042, seats: ['a@x.com'] }],
      sdkOrigin: 'http://127.0.0.1:4000/',
      limits: { requestsPerSecond: 5 },
    });
    expect(config.sdkOrigin).toBe('http://127.0.0.1:4000');
    expect(config.limits).toEqual({ ...DEFAULT_LIMITS, requestsPerSecond: 5 });
    expect(config.apps[0]?.seats).toEqual(['a@x.com']);
  });

  it('names every bad field at once, without echoing secrets', () => {
    let error: MockConfigError | undefined;
    try {
      resolveMockConfig(
        {
          accounts: [{ secretId: 'AKID/1', secretKey: '' }],
          apps: [{ sdkAppId: '14', seats: ['ok', ' padded', 'ok'] }],
          sdkOrigin: 'ftp://x',
          limits: { requestsPerSecond: 0, burst: 1 },
          extra: true,
        },
        'mock.json',
      );
    } catch (caught) {
      error = caught as MockConfigError;
    }
    expect(error).toBeInstanceOf(MockConfigError);
    expect(error?.problems).toEqual([
      'extra is not a known field (expected one of: accounts, apps, staff, skillGroups, sdkOrigin, limits, sdk, push, controlToken)',
      'accounts[0].secretId must be a non-empty string of printable characters without "/"',
      'accounts[0].secretKey must be a non-empty string',
      'apps[0].sdkAppId must be a positive integer (got "14")',
      'apps[0].seats[1] must be a non-empty string of at most 256 characters without surrounding spaces (got " padded")',
      'apps[0].seats[2] repeats "ok"',
      'sdkOrigin must use http: or https:',
      'limits.burst is not a known field (expected one of: requestsPerSecond, tokenTtlSeconds, tokenRetentionSeconds, maxTokens, signatureMaxSkewSeconds, maxBodyBytes, maxCdrs)',
      'limits.requestsPerSecond must be an integer >= 1 (got 0)',
    ]);
    expect(error?.message).toContain('Invalid mock TCCC config (mock.json)');
  });

  it('rejects a config that is not an object, and an sdkOrigin with a path', () => {
    expect(() => resolveMockConfig([])).toThrow(/must be a JSON object/);
    expect(() => resolveMockConfig({ sdkOrigin: 'http://x/sdk' })).toThrow(/origin only/);
  });
});

describe('staff and skill groups', () => {
  const seed = {
    apps: [{ sdkAppId: 1400000001, seats: ['seat@x.com'] }, { sdkAppId: 1400000002 }],
    skillGroups: [
      { skillGroupId: 10, name: 'Sales' },
      { sdkAppId: 1400000002, skillGroupId: 10, name: 'Sales', type: 'IM', ringAll: true },
    ],
    staff: [
      {
        mail: 'ana@x.com',
        name: 'Ana',
        staffNumber: '007',
        phone: '008613800000000',
        roles: [2],
        skillGroups: [10],
      },
      { sdkAppId: 1400000002, mail: 'ana@x.com', skillGroups: [{ skillGroupId: 10, priority: 3 }] },
    ],
  };

  it('reads members with their skill groups, per app, and fills in the defaults', () => {
    const config = resolveMockConfig(seed);
    expect(config.apps).toEqual([
      { sdkAppId: 1400000001, seats: ['seat@x.com', 'ana@x.com'] },
      { sdkAppId: 1400000002, seats: ['ana@x.com'] },
    ]);
    expect(config.staff).toEqual([
      expect.objectContaining({ sdkAppId: 1400000001, mail: 'seat@x.com', staffNumber: '1' }),
      {
        sdkAppId: 1400000001,
        mail: 'ana@x.com',
        name: 'Ana',
        staffNumber: '007',
        phone: '008613800000000',
        nick: 'Ana',
        extensionNumber: '',
        roles: [2],
        skillGroups: [{ skillGroupId: 10, priority: 1 }],
      },
      expect.objectContaining({
        sdkAppId: 1400000002,
        name: 'ana',
        staffNumber: '1',
        skillGroups: [{ skillGroupId: 10, priority: 3 }],
      }),
    ]);
    expect(config.skillGroups).toEqual([
      {
        sdkAppId: 1400000001,
        skillGroupId: 10,
        name: 'Sales',
        type: 'TEL',
        skillGroupType: 0,
        routePolicy: 'fifo',
        usingLastSeat: 0,
        maxConcurrency: 1,
        ringAll: false,
        alias: '',
      },
      expect.objectContaining({ sdkAppId: 1400000002, type: 'IM', ringAll: true }),
    ]);
  });

  it('names every bad member and group field at once', () => {
    let error: MockConfigError | undefined;
    try {
      resolveMockConfig({
        apps: [{ sdkAppId: 1400000001, seats: ['seat@x.com'] }],
        skillGroups: [
          { skillGroupId: 10, name: 'Sales' },
          { skillGroupId: 10, name: 'Sales', maxConcurrency: 0, colour: 'red' },
          { sdkAppId: 99, skillGroupId: 0 },
        ],
        staff: [
          { mail: 'seat@x.com' },
          {
            mail: 'b@x.com',
            roles: [0],
            skillGroups: [11, 10, 10, { skillGroupId: 10, priority: 0 }],
          },
          { mail: 'c@x.com', nick: 5, desk: 1 },
        ],
      });
    } catch (caught) {
      error = caught as MockConfigError;
    }
    expect(error?.problems).toEqual([
      'skillGroups[1].colour is not a known field (expected one of: sdkAppId, skillGroupId, name, type, skillGroupType, routePolicy, usingLastSeat, maxConcurrency, ringAll, alias)',
      'skillGroups[1].maxConcurrency must be an integer from 1 to 1000 (got 0)',
      'skillGroups[1].skillGroupId 10 repeats an earlier group of app 1400000001',
      'skillGroups[1].name "Sales" repeats an earlier group of app 1400000001',
      'skillGroups[2].sdkAppId must be one of the configured apps (1400000001), got 99',
      'skillGroups[2].skillGroupId must be a positive integer (got 0)',
      'skillGroups[2].name is required: a non-empty string of at most 256 characters without surrounding spaces',
      'staff[0].mail "seat@x.com" is already a seat or member of app 1400000001: list each seat once, in apps[].seats or in staff',
      'staff[1].roles[0] must be a positive integer (got 0)',
      'staff[1].skillGroups[0] names skill group 11, which app 1400000001 does not have',
      'staff[1].skillGroups[2] repeats skill group 10',
      'staff[1].skillGroups[3].priority must be an integer from 1 (highest) to 100 (got 0)',
      'staff[2].desk is not a known field (expected one of: sdkAppId, mail, name, staffNumber, phone, nick, extensionNumber, roles, skillGroups)',
      'staff[2].nick must be a string of at most 256 characters without surrounding spaces (got 5)',
    ]);
  });
});

describe('loadConfigFile', () => {
  it('reads a JSON file, and names the file in errors', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mock-tccc-'));
    const good = join(dir, 'good.json');
    await writeFile(good, JSON.stringify({ apps: [{ sdkAppId: 1400000001, seats: ['a@x.com'] }] }));
    expect((await loadConfigFile(good)).apps?.[0]?.sdkAppId).toBe(1400000001);
    const broken = join(dir, 'broken.json');
    await writeFile(broken, '{ nope');
    await expect(loadConfigFile(broken)).rejects.toThrow(/broken\.json[\s\S]*not valid JSON/);
    await expect(loadConfigFile(join(dir, 'missing.json'))).rejects.toThrow(
      /cannot read the file \(ENOENT\)/,
    );
  });
});
