/** The control client's bulk history: addCdrs in parts under the body cap, generateCdrs. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cccClient } from '../../test/sdk-client.js';
import type { TelCdrInfo } from '../state/tencent-types.js';
import { type StartedMockTccc, startMockTccc } from './start.js';

let tccc: StartedMockTccc;
beforeAll(async () => {
  tccc = await startMockTccc();
});
afterAll(() => tccc.close());

describe('bulk history through the control client', () => {
  it('sends a big list in parts under the 64 KiB cap, and DescribeTelCdr pages through it', async () => {
    const start = Math.floor(Date.now() / 1000) - 86_400;
    const records: TelCdrInfo[] = Array.from({ length: 1_200 }, (_, i) => ({
      SessionId: `history-${i}`,
      StartTimestamp: start + i,
      Caller: '008613800000000',
      Callee: '008675586013388',
      EndStatusString: 'ok',
      Remark: 'x'.repeat(40),
    }));
    expect(await tccc.control.addCdrs(records)).toEqual({
      inserted: 1_200,
      duplicates: 0,
      total: 1_200,
    });
    expect(await tccc.control.addCdrs(records.slice(0, 10))).toEqual({
      inserted: 0,
      duplicates: 10,
      total: 1_200,
    });
    const client = cccClient({ endpoint: new URL(tccc.url).host, protocol: 'http://' });
    const page = await client.DescribeTelCdr({
      SdkAppId: 1400000000,
      StartTimeStamp: start,
      EndTimeStamp: start + 86_400,
      PageSize: 100,
      PageNumber: 11,
    });
    expect(page.TotalCount).toBe(1_200);
    expect(page.TelCdrList?.at(-1)?.SessionId).toBe('history-0');
    await expect(tccc.control.addCdrs([])).rejects.toThrow(/at least one record/);
  });

  it('generates history on the mock, and reports bad requests as MockControlError', async () => {
    await tccc.control.reset();
    expect(await tccc.control.generateCdrs({ count: 2_000, seed: 3 })).toEqual({
      inserted: 2_000,
      duplicates: 0,
      total: 2_000,
    });
    await expect(tccc.control.generateCdrs({ count: 0 })).rejects.toMatchObject({
      status: 400,
      code: 'invalid_field',
    });
    await expect(tccc.control.addCdrs([{ SessionId: 'x' } as TelCdrInfo])).rejects.toMatchObject({
      status: 400,
      code: 'invalid_cdr',
    });
  });
});
