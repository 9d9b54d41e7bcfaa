/**
 * Data Push through the test helpers: a standalone mock on loopback, its typed control client,
 * a receiver on loopback; configuration, the journal and waiting for pushes, all over HTTP.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type MockTcccServer, startMockTcccServer } from '../src/serve/server.js';
import { createControlClient, type MockTcccControl } from '../src/testing/control-client.js';
import { startReceiver, type TestReceiver } from './push-receiver.js';

let server: MockTcccServer;
let control: MockTcccControl;
let receiver: TestReceiver;

beforeAll(async () => {
  server = await startMockTcccServer();
  control = createControlClient(server);
  receiver = await startReceiver({ basic: { username: 'tccc', password: 'pw-SECRET' } });
});
afterAll(async () => {
  await server.close();
  await receiver.close();
});
beforeEach(async () => {
  await control.reset();
  receiver.pushes.length = 0;
});

/** A call placed from a logged-in SDK session, answered, then ended by the customer. */
async function talkedCall(): Promise<string> {
  const { token } = await control.issueToken({ seatUserId: 'agent@example.com' });
  const session = server.mock.sdk.login(token, server.url);
  const { sessionId } = server.mock.sdk.startOutbound(session, { phoneNumber: '13800000001' });
  await control.answerCall(sessionId);
  await control.endCall(sessionId);
  return sessionId;
}

describe('Data Push with the control client', () => {
  it('setDataPush, dataPush, pushes and waitForPushes', async () => {
    const shown = await control.setDataPush({
      url: `${receiver.url}/tccc/push`,
      auth: { type: 'basic', username: 'tccc', password: 'pw-SECRET' },
    });
    expect(shown).toEqual({
      url: `${receiver.url}/tccc/push`,
      actions: ['cdr', 'record'],
      auth: { type: 'basic', username: 'tccc', password: '[redacted]' },
    });
    expect(await control.dataPush()).toEqual(shown);
    const sessionId = await talkedCall();
    const pushes = await control.waitForPushes({ sessionId, count: 2 });
    expect(pushes.map((p) => [p.action, p.outcome])).toEqual([
      ['cdr', 'delivered'],
      ['record', 'delivered'],
    ]);
    expect(receiver.pushes).toHaveLength(2);
    expect(await control.pushes({ action: 'record' })).toHaveLength(1);
    expect(JSON.stringify(await control.state())).not.toContain('pw-SECRET');
  });

  it('turning pushes off, and reset bringing the seed back', async () => {
    await control.setDataPush({ url: `${receiver.url}/p`, auth: { type: 'none' } });
    expect(await control.setDataPush(null)).toBeNull();
    await talkedCall();
    expect(await control.pushes()).toEqual([]);
    await control.setDataPush({ url: `${receiver.url}/p`, auth: { type: 'none' } });
    await control.reset();
    expect(await control.dataPush()).toBeNull();
  });

  it('waitForPushes says what it saw when pushes do not settle in time', async () => {
    await control.pauseClock();
    await control.setDataPush({
      url: `${receiver.url}/p`,
      auth: { type: 'basic', username: 'tccc', password: 'pw-SECRET' },
      actions: ['cdr'],
    });
    receiver.answers.push({ status: 500 });
    const sessionId = await talkedCall();
    await expect(control.waitForPushes({ sessionId, timeoutMs: 300 })).rejects.toThrow(
      /did not come within 300 ms \(seen: cdr pending\)\. Pushes waiting for a retry need the mock clock to move/,
    );
    await control.advanceClock(1_000);
    expect(await control.waitForPushes({ sessionId, timeoutMs: 10_000 })).toMatchObject([
      { outcome: 'delivered' },
    ]);
  });

  it('control errors carry the 4xx code', async () => {
    await expect(
      control.setDataPush({ url: 'ftp://x', auth: { type: 'none' } }),
    ).rejects.toMatchObject({ status: 400, code: 'invalid_data_push' });
    await expect(control.dataPush(42)).rejects.toMatchObject({ status: 404, code: 'unknown_app' });
  });
});
