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
});
