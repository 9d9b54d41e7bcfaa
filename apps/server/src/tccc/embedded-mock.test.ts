import { createTcccClient } from '@tccc-kit/tccc-client';
import { describe, expect, it } from 'vitest';
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
});
