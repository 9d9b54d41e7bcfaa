/**
 * The proof of Data Push, in real Chromium: a call placed and ended by an agent in the fake
 * SDK is found by DescribeTelCdr through the real tencentcloud-sdk-nodejs client (signed,
 * verified by the mock), and reaches a receiver on loopback exactly once after the receiver
 * de-duplicates on X-TCCC-PUSH-UUID, although a `duplicate` fault sent the CDR twice.
 */

import { startReceiver, type TestReceiver } from '../test/push-receiver.js';
import { cccClient } from '../test/sdk-client.js';
import { expect, loadSdk, test, waitForEvent } from './fake-sdk-helpers.js';

const AGENT = 'agent@example.com';
const PUSH_USER = { username: 'tccc-push', password: 'e2e-push-password' };

let receiver: TestReceiver;

test.use({ mockTcccClock: 'paused' });

test.beforeAll(async () => {
  receiver = await startReceiver({ basic: PUSH_USER });
});
test.afterAll(async () => {
  await receiver.close();
});

test.beforeEach(async ({ page, pageServer }) => {
  receiver.pushes.length = 0;
  await page.goto(pageServer.url);
});

test('a call ended in the browser: DescribeTelCdr finds it, the receiver stores its CDR once despite a duplicate push', async ({
  page,
  mockTccc,
}) => {
  const { control } = mockTccc;
  await control.setDataPush({
    url: `${receiver.url}/tccc/push`,
    auth: { type: 'basic', ...PUSH_USER },
  });
  const rule = await control.addFault({ target: 'push.cdr', kind: 'duplicate', times: 1 });

  await loadSdk(page, mockTccc, AGENT);
  const placed = await page.evaluate(() =>
    window.tccc?.Call.startOutboundCall({ phoneNumber: '13800000001', uui: 'order-42' }),
  );
  const sessionId = placed?.data.sessionId as string;
  await waitForEvent(page, 'callOuted');
  await control.answerCall(sessionId);
  await waitForEvent(page, 'calloutAccepted');
  await control.advanceClock(12_000);
  await page.evaluate((id) => window.tccc?.Call.hungUp({ sessionId: id }), sessionId);
  expect(await waitForEvent(page, 'sessionEnded')).toMatchObject({ sessionId, closeBy: 'seat' });

  // The record, through the real SDK client (TC3-signed; the mock verifies the signature).
  const now = Math.floor(Date.parse((await control.clock()).now) / 1000);
  const found = await cccClient({
    endpoint: new URL(mockTccc.url).host,
    protocol: 'http://',
  }).DescribeTelCdr({
    SdkAppId: 1400000000,
    StartTimeStamp: now - 3600,
    EndTimeStamp: now + 60,
    PageSize: 10,
    PageNumber: 0,
    SessionIds: [sessionId],
  });
  expect(found.TotalCount).toBe(1);
  const record = found.TelCdrList?.[0];
  expect(record).toMatchObject({
    SessionId: sessionId,
    Direction: 1,
    Callee: '13800000001',
    Uui: 'order-42',
    HungUpSide: 'seat',
    EndStatus: 1,
    Duration: 12,
  });

  // The pushes: the CDR (sent twice by the fault) and the recording of the agent's leg.
  const pushes = await control.waitForPushes({ sessionId, count: 2 });
  expect(pushes.map((push) => [push.action, push.outcome, push.attempts.length])).toEqual([
    ['cdr', 'delivered', 2],
    ['record', 'delivered', 1],
  ]);
  expect(pushes[0]?.faults).toEqual([`duplicate (rule ${rule.id})`]);
  const cdrPushes = receiver.pushes.filter((push) => push.query.get('action') === 'cdr');
  expect(cdrPushes).toHaveLength(2);
  expect(cdrPushes.every((push) => push.query.get('version') === '1')).toBe(true);
  expect(
    cdrPushes.every(
      (push) =>
        push.headers.authorization ===
        `Basic ${Buffer.from(`${PUSH_USER.username}:${PUSH_USER.password}`).toString('base64')}`,
    ),
  ).toBe(true);

  // What a receiver keeps after de-duplicating on X-TCCC-PUSH-UUID: one CDR for the call.
  const stored = new Map<string, unknown>();
  for (const push of cdrPushes) {
    const uuid = push.headers['x-tccc-push-uuid'];
    if (typeof uuid === 'string' && !stored.has(uuid)) stored.set(uuid, push.json);
  }
  const cdrs = [...stored.values()].filter(
    (body) => (body as { SessionId?: string }).SessionId === sessionId,
  );
  expect(cdrs).toHaveLength(1);
  expect(cdrs[0]).toMatchObject({
    SdkAppId: 1400000000,
    SessionId: record?.SessionId,
    StartTimestamp: record?.StartTimestamp,
    EndedTimestamp: record?.EndedTimestamp,
    Duration: record?.Duration,
    Uui: record?.Uui,
    EndStatus: record?.EndStatus,
    SeatUser: { Mail: AGENT },
  });
  const journal = JSON.stringify(await control.state({ omit: ['tokens', 'calls', 'cdrs'] }));
  expect(journal).not.toContain(PUSH_USER.password);
});
