/**
 * Every documented call event, with its documented payload, in real Chromium: inbound
 * through the IVR and a skill group's queue, automatic transfer, a transfer across two
 * pages, hold, DTMF, completing a call, and the CDR each ending leaves. The mock clock is
 * paused in every test: nothing rings out or answers unless the test moves time.
 */
import { cdrOf, eventNames, expect, loadSdk, test, waitForEvent } from './fake-sdk-helpers.js';

const ANA = 'ana@example.com';
const BO = 'bo@example.com';

test.use({
  mockTcccOptions: {
    apps: [{ sdkAppId: 1400000000 }],
    skillGroups: [{ skillGroupId: 101, name: 'Sales' }],
    staff: [
      { mail: ANA, name: 'Ana', skillGroups: [101] },
      { mail: BO, name: 'Bo', skillGroups: [101] },
    ],
  },
});

test.use({ mockTcccClock: 'paused' });

test.beforeEach(async ({ page, pageServer }) => {
  await page.goto(pageServer.url);
});

test.afterEach(({ cspViolations }) => {
  expect(cspViolations).toEqual([]);
});

test('an inbound call through the IVR: callIn with every phone field, userAccessed, sessionEnded, sessionCompleted', async ({
  page,
  mockTccc,
}) => {
  await loadSdk(page, mockTccc, ANA);
  const { sessionId } = await mockTccc.control.inboundCall({
    skillGroupId: 101,
    callerPhoneNumber: '008613911112222',
    callerLocation: '广东深圳',
    remark: 'VIP',
    ivrPath: [{ key: '1', label: 'Sales' }],
    ivrSeconds: 5,
    timeoutSeconds: 20,
  });
  await mockTccc.control.advanceClock(5_000);
  expect(await waitForEvent(page, 'callIn')).toEqual({
    sessionId,
    type: 'phone',
    timeout: 20,
    calleePhoneNumber: '008675586013388',
    callerPhoneNumber: '008613911112222',
    callerLocation: '广东深圳',
    remark: 'VIP',
    ivrPath: [{ key: '1', label: 'Sales' }],
    serverType: 'staffSeat',
  });
  await page.evaluate((id) => window.tccc?.Call.accept({ sessionId: id }), sessionId);
  expect(await waitForEvent(page, 'userAccessed')).toEqual({ sessionId });
  await mockTccc.control.advanceClock(30_000);
  await mockTccc.control.endCall(sessionId);
  expect(await waitForEvent(page, 'sessionEnded')).toEqual({
    sessionId,
    closeBy: 'client',
    type: 'phone',
    duration: 30,
  });
  // The workbench offers "Complete" for the ended call: it sends sessionCompleted.
  await page.evaluate(() => window.tccc?.UI.showWorkbench());
  await page.getByRole('button', { name: 'Complete' }).click();
  expect(await waitForEvent(page, 'sessionCompleted')).toEqual({ sessionId });
  await expect(page.getByRole('button', { name: 'Complete' })).toBeHidden();
  expect(await cdrOf(mockTccc, sessionId)).toMatchObject({
    Direction: 0,
    CallType: 2,
    EndStatus: 1,
    EndStatusString: 'ok',
    HungUpSide: 'user',
    IVRDuration: 5,
    Duration: 30,
    CallerLocation: '广东深圳',
    IVRKeyPressed: ['1'],
    IVRKeyPressedEx: [{ Key: '1', Label: 'Sales' }],
    QueuedSkillGroupName: 'Sales',
    SeatUser: { Mail: ANA, Name: 'Ana' },
  });
});

test('an offer nobody answers moves to the next free agent: autoTransfer, then callIn there', async ({
  page,
  context,
  mockTccc,
}) => {
  await loadSdk(page, mockTccc, ANA);
  await mockTccc.control.advanceClock(1_000); // Ana has been free the longest
  const other = await context.newPage();
  await other.goto(page.url());
  await loadSdk(other, mockTccc, BO);
  const { sessionId } = await mockTccc.control.inboundCall({
    skillGroupId: 101,
    timeoutSeconds: 10,
  });
  await waitForEvent(page, 'callIn');
  await mockTccc.control.advanceClock(10_000);
  expect(await waitForEvent(page, 'autoTransfer')).toEqual({ sessionId });
  expect(await waitForEvent(other, 'callIn')).toMatchObject({ sessionId, timeout: 10 });
  await mockTccc.control.endCall(sessionId);
  expect(await waitForEvent(other, 'sessionEnded')).toMatchObject({ closeBy: 'client' });
  expect(await eventNames(page)).not.toContain('sessionEnded');
  expect(await cdrOf(mockTccc, sessionId)).toMatchObject({
    EndStatus: 104,
    EndStatusString: 'ringingGiveUp',
    ServeParticipants: [
      { Mail: ANA, EndStatusString: 'seatGiveUp', TransferTo: BO },
      { Mail: BO, EndStatusString: 'ringingGiveUp', TransferFrom: ANA },
    ],
  });
});

test('a transfer across two pages: transfer on the first, callIn and Accept on the second', async ({
  page,
  context,
  mockTccc,
}) => {
  await loadSdk(page, mockTccc, ANA);
  const other = await context.newPage();
  await other.goto(page.url());
  await loadSdk(other, mockTccc, BO);
  const { sessionId } = await mockTccc.control.inboundCall({ seatUserId: ANA });
  await waitForEvent(page, 'callIn');
  await page.evaluate((id) => window.tccc?.Call.accept({ sessionId: id }), sessionId);
  await waitForEvent(page, 'userAccessed');
  await mockTccc.control.advanceClock(10_000);
  expect(
    await page.evaluate(
      (id) => window.tccc?.Call.transfer({ sessionId: id, userId: 'bo@example.com' }),
      sessionId,
    ),
  ).toEqual({ status: 'success' });
  expect(await waitForEvent(page, 'transfer')).toEqual({ sessionId, userId: BO });
  expect(await waitForEvent(other, 'callIn')).toMatchObject({ sessionId });
  // The second agent takes it in the SDK's own workbench.
  await other.evaluate(() => window.tccc?.UI.showWorkbench());
  await other.getByRole('button', { name: 'Accept' }).click();
  expect(await waitForEvent(other, 'userAccessed')).toEqual({ sessionId });
  await expect.poll(() => page.evaluate(() => window.tccc?.Agent.getStatus())).toBe('free');
  await mockTccc.control.advanceClock(5_000);
  await other.evaluate((id) => window.tccc?.Call.hungUp({ sessionId: id }), sessionId);
  expect(await waitForEvent(other, 'sessionEnded')).toMatchObject({ closeBy: 'seat' });
  const cdr = await cdrOf(mockTccc, sessionId);
  expect(cdr).toMatchObject({
    EndStatus: 1,
    HungUpSide: 'seat',
    Duration: 15,
    SeatUser: { Mail: BO },
    ServeParticipants: [
      { Mail: ANA, Sequence: 0, TransferTo: BO, EndStatusString: 'ok' },
      { Mail: BO, Sequence: 1, TransferFrom: ANA, EndStatusString: 'ok' },
    ],
  });
  expect(cdr.ServeParticipants?.every((leg) => leg.RecordURL?.endsWith('.wav'))).toBe(true);
});

test('hold, unHold and sendDigits reach the mock; a misuse rejects with what to do', async ({
  page,
  mockTccc,
}) => {
  await loadSdk(page, mockTccc, ANA);
  const result = await page.evaluate(() =>
    window.tccc?.Call.startOutboundCall({ phoneNumber: '13800000001', uui: 'ticket-7' }),
  );
  const sessionId = result?.data.sessionId as string;
  expect(await waitForEvent(page, 'callOuted')).toEqual({
    sessionId,
    calleePhoneNumber: '13800000001',
    callerPhoneNumber: '008675586013388',
    serverType: 'staffSeat',
  });
  const early = await page.evaluate(
    (id) => window.tccc?.Call.hold({ sessionId: id }).catch((e) => e),
    sessionId,
  );
  expect(early).toEqual({ status: 'error', errorMsg: expect.stringContaining('a connected call') });
  await mockTccc.control.answerCall(sessionId);
  expect(await waitForEvent(page, 'calloutAccepted')).toEqual({ sessionId });
  await page.evaluate((id) => window.tccc?.Call.hold({ sessionId: id }), sessionId);
  expect(await mockTccc.control.call(sessionId)).toMatchObject({ held: true });
  await page.evaluate((id) => window.tccc?.Call.unHold({ sessionId: id }), sessionId);
  await page.evaluate(
    (id) => window.tccc?.Call.sendDigits({ sessionId: id, dtmfText: '12#' }),
    sessionId,
  );
  expect(await mockTccc.control.call(sessionId)).toMatchObject({ held: false, digits: '12#' });
  const bad = await page.evaluate(
    (id) => window.tccc?.Call.sendDigits({ sessionId: id, dtmfText: 'ab' }).catch((e) => e),
    sessionId,
  );
  expect(bad).toEqual({ status: 'error', errorMsg: expect.stringContaining('0-9, * and #') });
  await mockTccc.control.endCall(sessionId);
  await waitForEvent(page, 'sessionEnded');
  expect(await cdrOf(mockTccc, sessionId)).toMatchObject({
    Direction: 1,
    CallType: 1,
    Uui: 'ticket-7',
    UUI: 'ticket-7',
    HungUpSide: 'user',
    EndStatus: 1,
  });
});

test('the customer side of outbound calls: reject, busy, no answer, each with its CDR', async ({
  page,
  mockTccc,
}) => {
  await loadSdk(page, mockTccc, ANA);
  const dial = async (phoneNumber: string) => {
    const result = await page.evaluate(
      (number) => window.tccc?.Call.startOutboundCall({ phoneNumber: number }),
      phoneNumber,
    );
    return result?.data.sessionId as string;
  };
  const rejected = await dial('13800000001');
  await mockTccc.control.rejectCall(rejected);
  expect(await waitForEvent(page, 'sessionEnded', 0)).toMatchObject({
    sessionId: rejected,
    closeBy: 'client',
  });
  const busy = await dial('13800000008');
  await mockTccc.control.advanceClock(500);
  expect(await waitForEvent(page, 'sessionEnded', 1)).toMatchObject({ sessionId: busy });
  const unanswered = await dial('13800000009');
  await mockTccc.control.advanceClock(30_000);
  expect(await waitForEvent(page, 'sessionEnded', 2)).toMatchObject({
    sessionId: unanswered,
    closeBy: 'timer',
  });
  const statuses = await Promise.all(
    [rejected, busy, unanswered].map(async (id) => (await cdrOf(mockTccc, id)).EndStatusString),
  );
  expect(statuses).toEqual(['userReject', 'busy', 'notAnswer']);
  // Each ended with the agent free again.
  expect(await page.evaluate(() => window.tccc?.Agent.getStatus())).toBe('free');
});
