import { Hono } from 'hono';
import { parseInboundCall, readJsonObject } from '../sdk/body.js';
import { errorResponse, SdkError } from '../sdk/errors.js';
import type { SdkRuntime } from '../sdk/runtime.js';

/**
 * The SDK half of the control plane, mounted at /__tccc next to the rest of it:
 * - POST /calls/inbound {seatUserId, callerPhoneNumber?, calleePhoneNumber?, timeoutSeconds?,
 *   remark?} → 201 {sessionId, call}; 409 when the seat has no live SDK session or is not free.
 * - POST /calls/:sessionId/end → the customer hangs up (sessionEnded closeBy 'client').
 * - GET /calls → every call since the last reset; GET /sessions → logged-in SDKs.
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
  app.get('/calls', (c) => c.json({ calls: runtime.listCalls() }));
  app.get('/sessions', (c) => c.json({ sessions: runtime.listSessions() }));
  return app;
}
