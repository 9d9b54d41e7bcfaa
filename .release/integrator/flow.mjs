/**
 * Runs inside the integrator's project: the installed packages working together, as an
 * integrator's tests would use them.
 *
 * 1. `@tccc-kit/mock-tccc/testing` starts a mock on loopback; `@tccc-kit/tccc-client`
 *    (tencentcloud-sdk-nodejs underneath, TC3-signed) mints an SDK URL from it; the URL
 *    serves the fake SDK script that `@tccc-kit/fake-sdk` ships.
 * 2. `@tccc-kit/mock-tccc/msw` answers the real cloud API host in-process.
 *
 * Prints one JSON object with what it saw.
 */
import {
  createMockTccc,
  DEFAULT_SDK_APP_ID,
  DEFAULT_SECRET_ID,
  DEFAULT_SECRET_KEY,
} from '@tccc-kit/mock-tccc';
import { createTcccHandlers } from '@tccc-kit/mock-tccc/msw';
import { startMockTccc } from '@tccc-kit/mock-tccc/testing';
import { createTcccClient } from '@tccc-kit/tccc-client';
import { setupServer } from 'msw/node';

const credentials = {
  sdkAppId: DEFAULT_SDK_APP_ID,
  secretId: DEFAULT_SECRET_ID,
  secretKey: DEFAULT_SECRET_KEY,
  timeoutMs: 30_000,
};
const seatUserId = 'agent@example.com';
const seen = {};

const mock = await startMockTccc();
try {
  const tccc = createTcccClient({ ...credentials, endpoint: mock.url });
  const { sdkUrl, expiresAt } = await tccc.createSdkUrl({ seatUserId });
  const script = await fetch(sdkUrl);
  const body = await script.text();
  seen.loopback = {
    sdkUrlOnMock: sdkUrl.startsWith(`${mock.url}/`),
    expiresInFuture: expiresAt.getTime() > Date.now(),
    scriptStatus: script.status,
    scriptType: script.headers.get('content-type'),
    scriptDefinesTccc: body.includes('tccc'),
  };
} finally {
  await mock.close();
}

const server = setupServer(...createTcccHandlers(createMockTccc()));
server.listen({ onUnhandledRequest: 'error' });
try {
  const tccc = createTcccClient(credentials); // the real endpoint, answered by msw
  const { sdkUrl } = await tccc.createSdkUrl({ seatUserId });
  seen.msw = { sdkUrl: typeof sdkUrl === 'string' && sdkUrl.length > 0 };
} finally {
  server.close();
}
process.stdout.write(JSON.stringify(seen));
