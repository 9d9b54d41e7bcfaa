/**
 * The contract, run twice: against the mock TCCC (in-process through msw, so the real SDK
 * signs for the real host) and, when credentials are in the environment, against the real
 * TCCC cloud:
 *
 *   TCCC_SECRET_ID=... TCCC_SECRET_KEY=... TCCC_SDK_APP_ID=1400... TCCC_SEAT_USER_ID=agent@... \
 *     pnpm --filter @tccc-kit/tccc-client test test/contract.test.ts
 *
 * Without them the real-cloud suite is reported as skipped.
 */
import { createMockTccc } from '@tccc-kit/mock-tccc';
import { createTcccHandlers } from '@tccc-kit/mock-tccc/msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe } from 'vitest';
import { defineContract } from './contract-suite.js';
import { mockConfig, SEAT } from './support/fixtures.js';

describe('against the mock TCCC through msw', () => {
  const mock = createMockTccc();
  const network = setupServer(...createTcccHandlers(mock));
  beforeAll(() => network.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => mock.reset());
  afterAll(() => {
    network.close();
    mock.close();
  });

  // The mock answers DescribeTelCdr (mocks/tccc/src/api/actions/cdrs.ts), so the client is
  // held to the same DescribeTelCdr contract there as against the real cloud.
  defineContract(() => ({ config: mockConfig(), seatUserId: SEAT }), { describesTelCdr: true });
});

const real = {
  secretId: process.env.TCCC_SECRET_ID,
  secretKey: process.env.TCCC_SECRET_KEY,
  sdkAppId: process.env.TCCC_SDK_APP_ID,
  seatUserId: process.env.TCCC_SEAT_USER_ID,
};
const haveRealCredentials = Boolean(
  real.secretId && real.secretKey && real.sdkAppId && real.seatUserId,
);

describe.skipIf(!haveRealCredentials)('against the real TCCC cloud', () => {
  defineContract(
    () => ({
      config: {
        sdkAppId: Number(real.sdkAppId),
        secretId: real.secretId as string,
        secretKey: real.secretKey as string,
        ...(process.env.TCCC_ENDPOINT ? { endpoint: process.env.TCCC_ENDPOINT } : {}),
        timeoutMs: 10_000,
      },
      seatUserId: real.seatUserId as string,
    }),
    { describesTelCdr: true },
  );
});
