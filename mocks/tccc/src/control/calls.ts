import { Hono } from 'hono';
import { parseCalleeFailure, parseInboundCall, readJsonObject } from '../sdk/body.js';
import { errorResponse, SdkError } from '../sdk/errors.js';
import type { SdkRuntime } from '../sdk/runtime.js';

/**
 * The SDK half of the control plane, mounted at /__tccc next to the rest of it: the
 * customer's side of calls, and a look at calls and SDK sessions.
 *
 * - POST /calls/inbound {seatUserId | skillGroupId, callerPhoneNumber?, calleePhoneNumber?,
 *   callerLocation?, remark?, ivrPath?, ivrSeconds?, timeoutSeconds?, queueWaitSeconds?,
 *   sdkAppId?} → 201 {sessionId, call}; 409 when the named seat has no live SDK or is not free.
 * - POST /calls/:sessionId/end → the customer hangs up, at whatever stage.
 * - POST /calls/:sessionId/answer | reject | busy → the customer of an outbound call answers,
 *   rejects it (userReject 203), or is busy (206); /fail {endStatus} → another failure.
 * - GET /calls → every call held; GET /calls/:sessionId → one.
 * - GET /sessions → logged-in SDKs; POST /sessions/disconnect {seatUserId?} → close their
 *   event streams as a dropped network would (the session's grace period starts).
 */
export function createCallControlRoutes(runtime: SdkRuntime): Hono {
  const app = new Hono();
  app.onError((error) => {
    if (error instanceof SdkError) return errorResponse(error);
    throw error;
  });

  app.post('/calls/inbound', async (c) => {
    const offered = runtime.offerInbound(parseInboundCall(await readJsonObject(c.req.raw)));
    return c.json(offered, 201);
  });
  app.post('/calls/:sessionId/end', (c) =>
    c.json({ call: runtime.endByCustomer(c.req.param('sessionId')) }),
  );
  app.post('/calls/:sessionId/answer', (c) =>
    c.json({ call: runtime.answerByCustomer(c.req.param('sessionId')) }),
  );
  app.post('/calls/:sessionId/reject', (c) =>
    c.json({ call: runtime.failByCustomer(c.req.param('sessionId'), 'userReject') }),
  );
  app.post('/calls/:sessionId/busy', (c) =>
    c.json({ call: runtime.failByCustomer(c.req.param('sessionId'), 'busy') }),
  );
  app.post('/calls/:sessionId/fail', async (c) => {
    const failure = parseCalleeFailure(await readJsonObject(c.req.raw));
    return c.json({ call: runtime.failByCustomer(c.req.param('sessionId'), failure) });
  });
  app.get('/calls', (c) => c.json({ calls: runtime.listCalls() }));
  app.get('/calls/:sessionId', (c) => c.json({ call: runtime.callView(c.req.param('sessionId')) }));
  app.get('/sessions', (c) => c.json({ sessions: runtime.listSessions() }));
  app.post('/sessions/disconnect', async (c) => {
    const body = await readJsonObject(c.req.raw);
    const seatUserId = body.seatUserId;
    if (seatUserId !== undefined && (typeof seatUserId !== 'string' || seatUserId === '')) {
      throw new SdkError(400, 'BadRequest', 'seatUserId must name an agent, or be left out (all).');
    }
    return c.json({ disconnected: runtime.dropStreams(seatUserId) });
  });
  return app;
}
