/**
 * The README's "A receiver's CI" example, run as written (with this repository's test
 * receiver standing in for the integrator's, which de-duplicates on X-TCCC-PUSH-UUID).
 */
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { type StartedMockTccc, startMockTccc } from '../src/testing/start.js';
import { startReceiver, type TestReceiver } from './push-receiver.js';

const client = { clientId: 'tccc', clientSecret: 'ci-secret' };
let tccc: StartedMockTccc;
let receiver: TestReceiver;

/** What the integrator's store holds for a call: CDR pushes, one per X-TCCC-PUSH-UUID. */
const countStoredCdrs = (sessionId: string) =>
  new Set(
    receiver.pushes
      .filter((p) => p.query.get('action') === 'cdr')
      .filter((p) => (p.json as { SessionId?: string }).SessionId === sessionId)
      .map((p) => p.headers['x-tccc-push-uuid']),
  ).size;

beforeAll(async () => {
  receiver = await startReceiver({ oauth: { ...client, expiresIn: 3600 } });
  tccc = await startMockTccc({ skillGroups: [{ skillGroupId: 101, name: 'Sales' }] });
});
afterAll(async () => {
  await tccc.close();
  await receiver.close();
});
beforeEach(async () => {
  await tccc.control.reset();
  await tccc.control.setDataPush({
    url: `${receiver.url}/tccc/push`,
    auth: { type: 'oauth', tokenUrl: `${receiver.url}/token`, ...client },
  });
});

async function endedCall() {
  const { sessionId } = await tccc.control.inboundCall({ skillGroupId: 101, ivrSeconds: 30 });
  await tccc.control.endCall(sessionId);
  return sessionId;
}

it('stores a CDR once although TCCC pushed it twice', async () => {
  await tccc.control.addFault({ target: 'push.cdr', kind: 'duplicate', times: 1 });
  const sessionId = await endedCall();
  await tccc.control.waitForPushes({ sessionId, action: 'cdr' });
  expect(receiver.pushes.filter((p) => p.query.get('action') === 'cdr')).toHaveLength(2);
  expect(countStoredCdrs(sessionId)).toBe(1);
});

it('gets the CDR after the receiver was down for two attempts', async () => {
  await tccc.control.pauseClock();
  await tccc.control.addFault({ target: 'push.*', kind: 'unreachable', times: 2 });
  const sessionId = await endedCall();
  await tccc.control.advanceClock(1_000); // retry 1
  await tccc.control.advanceClock(5_000); // retry 2
  const [push] = await tccc.control.waitForPushes({ sessionId, action: 'cdr' });
  expect(push?.attempts.map((a) => a.status)).toEqual([null, null, 200]);
  expect(countStoredCdrs(sessionId)).toBe(1);
});
