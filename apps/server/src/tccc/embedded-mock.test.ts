import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTcccClient } from '@tccc-kit/tccc-client';
import { describe, expect, it } from 'vitest';
import { captureLogger } from '../../test/harness.js';
import type { RecordsConfig } from '../records/records-config.js';
import { pushAuthFor, startCallRecords } from '../records/start-records.js';
import { startEmbeddedMockTccc } from './embedded-mock.js';

describe('startEmbeddedMockTccc', () => {
  it('starts a loopback mock whose endpoint and credentials the real token client can use', async () => {
    const mock = await startEmbeddedMockTccc({ host: '127.0.0.1', port: 0 });
    try {
      expect(mock.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(await mock.isUp()).toBe(true);
      const client = createTcccClient({ ...mock.credentials, endpoint: mock.url, retries: 0 });
      const issued = await client.createSdkUrl({ seatUserId: 'agent@example.com' });
      expect(issued.sdkUrl.startsWith(`${mock.url}/sdk/`)).toBe(true);
    } finally {
      await mock.close();
    }
    expect(await mock.isUp()).toBe(false);
  });

  it('serves no control plane: nobody can mint an SDK URL or read tokens without signing in', async () => {
    const mock = await startEmbeddedMockTccc({ host: '127.0.0.1', port: 0 });
    try {
      const mint = await fetch(`${mock.url}/__tccc/tokens`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ seatUserId: 'agent@example.com' }),
      });
      expect(mint.status).toBe(404);
      expect(await mint.json()).toMatchObject({ error: { code: 'control_plane_off' } });
      const list = await fetch(`${mock.url}/__tccc/tokens`);
      expect(list.status).toBe(404);
      const crossSite = await fetch(`${mock.url}/__tccc/reset`, {
        method: 'POST',
        headers: { 'content-type': 'text/plain' },
        body: '{}',
      });
      expect(crossSite.status).toBe(404);
    } finally {
      await mock.close();
    }
  });

  it('points its Data Push where it is told, refuses a bad target without echoing secrets', async () => {
    const mock = await startEmbeddedMockTccc({ host: '127.0.0.1', port: 0 });
    try {
      const auth = { type: 'basic' as const, username: 'u', password: 'push-password-0123456789' };
      expect(mock.pushTo({ url: 'http://127.0.0.1:1/tccc/push', auth })).toEqual({
        wired: true,
        url: 'http://127.0.0.1:1/tccc/push',
        auth: 'basic',
      });
      const bad = mock.pushTo({ url: 'ftp://example.com/push', auth });
      expect(bad).toMatchObject({ wired: false, why: expect.stringMatching(/url/i) });
      expect(JSON.stringify(bad)).not.toContain(auth.password);
      expect(mock.pushTo(undefined)).toEqual({
        wired: false,
        why: 'no push authentication is configured, so pushes would be refused',
      });
    } finally {
      await mock.close();
    }
  });
  it("serves DescribeTelCdr: the server's scheduled reconciliation runs on it without a warning", async () => {
    const mock = await startEmbeddedMockTccc({ host: '127.0.0.1', port: 0 });
    const dir = mkdtempSync(join(tmpdir(), 'tccc-embedded-reconcile-'));
    const lines: string[] = [];
    try {
      const config: RecordsConfig = {
        store: { kind: 'sqlite', dataDir: dir },
        pushAuth: {},
        pushRateLimitPerMinute: 6000,
        reconcile: { enabled: true, intervalSeconds: 3600, windowSeconds: 7200 },
      };
      const records = await startCallRecords({
        config,
        pushAuth: pushAuthFor(config, { embeddedMock: true }),
        tccc: createTcccClient({ ...mock.credentials, endpoint: mock.url, retries: 0 }),
        sdkAppId: mock.credentials.sdkAppId,
        logger: captureLogger(lines),
      });
      try {
        const report = await records.schedule?.runOnce();
        expect(report).toMatchObject({ trigger: 'schedule', pages: 1, invalid: 0 });
        expect(report?.error).toBeUndefined();
      } finally {
        await records.close();
      }
      const logged = lines.map((line) => JSON.parse(line) as { level: string; msg: string });
      expect(logged.filter((line) => line.level === 'warn' || line.level === 'error')).toEqual([]);
      expect(lines.join('\n')).not.toMatch(/InvalidAction|UnsupportedOperation/);
    } finally {
      await mock.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
