/**
 * Assertions that hold for the real TCCC cloud and for the mock alike. `contract.test.ts`
 * runs them against both, so the mock cannot drift from what the client meets in production.
 */
import { describe, expect, it } from 'vitest';
import type { TcccClientConfig } from '../src/config.js';
import { TcccApiError } from '../src/errors.js';
import { createTcccClient } from '../src/tccc-client.js';
import { expectNoSecrets, recordingLogger } from './support/fixtures.js';

export interface ContractTarget {
  /** A working configuration (endpoint included when not the default). */
  config: TcccClientConfig;
  /** A seat that exists in the app. */
  seatUserId: string;
}

async function failure(promise: Promise<unknown>): Promise<TcccApiError> {
  const error = await promise.then(
    () => {
      throw new Error('expected createSdkUrl to fail');
    },
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(TcccApiError);
  return error as TcccApiError;
}

export interface ContractOptions {
  /** Whether the target serves DescribeTelCdr (the mock TCCC will; the real one does). */
  describesTelCdr: boolean;
}

export function defineContract(target: () => ContractTarget, options: ContractOptions) {
  // Only the fields that matter for the contract; retries would hide the first answer.
  const client = (overrides: Partial<TcccClientConfig> = {}) => {
    const logger = recordingLogger();
    return {
      logger,
      client: createTcccClient({ ...target().config, retries: 0, ...overrides, logger }),
    };
  };
  const secretsOf = () => [target().config.secretKey, target().config.secretId];

  describe('CreateSDKLoginToken contract', () => {
    it('issues a one-time SDK URL with its token, expiry and RequestId', async () => {
      const { client: tokens, logger } = client();
      const before = Date.now();
      const result = await tokens.createSdkUrl({ seatUserId: target().seatUserId });
      expect(new URL(result.sdkUrl).protocol).toMatch(/^https?:$/);
      expect(result.token).toMatch(/^\S{8,}$/);
      expect(result.requestId).toMatch(/^\S{8,}$/);
      // About 10 minutes; allow for clock skew between here and TCCC.
      expect(result.expiresAt.getTime()).toBeGreaterThan(before);
      expect(result.expiresAt.getTime()).toBeLessThan(before + 24 * 3600_000);
      expect(logger.events('tccc.sdk_url.issued')).toHaveLength(1);
      expectNoSecrets(logger.entries, [...secretsOf(), result.token, result.sdkUrl]);
    });

    it('reports a wrong SecretKey as AuthFailure.SignatureFailure and does not retry it', async () => {
      const { client: tokens, logger } = client({
        secretKey: `${target().config.secretKey.slice(0, -4)}XXXX`,
        retries: 2,
      });
      const error = await failure(tokens.createSdkUrl({ seatUserId: target().seatUserId }));
      expect(error).toMatchObject({
        code: 'AuthFailure.SignatureFailure',
        retryable: false,
        attempts: 1,
      });
      expect(error.message).toMatch(/check that secretKey/);
      expect(error.requestId).toBeTruthy();
      expectNoSecrets(
        [error, logger.entries],
        [...secretsOf(), `${target().config.secretKey.slice(0, -4)}XXXX`],
      );
    });

    it('reports an unknown SecretId as AuthFailure.SecretIdNotFound', async () => {
      const unknownId = `AKID${'0'.repeat(32)}`;
      const { client: tokens, logger } = client({ secretId: unknownId });
      const error = await failure(tokens.createSdkUrl({ seatUserId: target().seatUserId }));
      expect(error).toMatchObject({ code: 'AuthFailure.SecretIdNotFound', retryable: false });
      expect(error.message).toMatch(/`secretId`/);
      expectNoSecrets([error, logger.entries], [...secretsOf(), unknownId]);
    });

    it('reports an unknown seat as InvalidParameterValue.AccountNotExist, naming the seat', async () => {
      const seat = `no-such-agent-${Date.now()}@example.com`;
      const { client: tokens } = client();
      const error = await failure(tokens.createSdkUrl({ seatUserId: seat }));
      expect(error).toMatchObject({
        code: 'InvalidParameterValue.AccountNotExist',
        retryable: false,
        seatUserId: seat,
      });
      expect(error.message).toContain(seat);
      expectNoSecrets([error], secretsOf());
    });

    it('reports an unknown SdkAppId as an InstanceNotExist error', async () => {
      const { client: tokens } = client({ sdkAppId: 1_999_999_999 });
      const error = await failure(tokens.createSdkUrl({ seatUserId: target().seatUserId }));
      expect([
        'InvalidParameterValue.InstanceNotExist',
        'InvalidParameter.InstanceNotExist',
      ]).toContain(error.code);
      expect(error.message).toMatch(/1999999999 does not exist/);
      expectNoSecrets([error], secretsOf());
    });
  });

  describe.skipIf(!options.describesTelCdr)('DescribeTelCdr contract', () => {
    const hourAgo = () => new Date(Date.now() - 3600_000);

    it('answers a 0-based page of the last hour with its total and RequestId', async () => {
      const { client: tccc, logger } = client();
      const page = await tccc.describeTelCdr({ from: hourAgo(), to: new Date(), pageSize: 10 });
      expect(Number.isSafeInteger(page.totalCount) && page.totalCount >= 0).toBe(true);
      expect(page.cdrs.length).toBeLessThanOrEqual(Math.min(10, page.totalCount));
      for (const cdr of page.cdrs) expect(typeof cdr.SessionId).toBe('string');
      expect(page.requestId).toMatch(/^\S{8,}$/);
      expect(logger.events('tccc.tel_cdr.fetched')).toHaveLength(1);
      expectNoSecrets(logger.entries, secretsOf());
    });

    it('answers a page past the end with no records and the same total', async () => {
      const { client: tccc } = client();
      const window = { from: hourAgo(), to: new Date() };
      const first = await tccc.describeTelCdr({ ...window, pageSize: 100 });
      const past = await tccc.describeTelCdr({
        ...window,
        pageSize: 100,
        pageNumber: Math.ceil(first.totalCount / 100) + 1,
      });
      expect(past.cdrs).toEqual([]);
      expect(past.totalCount).toBeGreaterThanOrEqual(first.totalCount);
    });

    it('reports a wrong SecretKey as AuthFailure.SignatureFailure for DescribeTelCdr', async () => {
      const { client: tccc } = client({
        secretKey: `${target().config.secretKey.slice(0, -4)}XXXX`,
      });
      const error = await failure(tccc.describeTelCdr({ from: hourAgo(), to: new Date() }));
      expect(error).toMatchObject({
        code: 'AuthFailure.SignatureFailure',
        action: 'DescribeTelCdr',
        retryable: false,
      });
    });
  });
}
