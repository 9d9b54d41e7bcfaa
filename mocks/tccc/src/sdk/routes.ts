import { type CallAction, callActions, type LoginResponse } from '@tccc-kit/fake-sdk';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { MockContext } from '../context.js';
import { excerpt, quote } from '../quote.js';
import type { SdkSession } from '../state/sessions.js';
import {
  parseDtmf,
  parseEndSession,
  parseOutboundCall,
  parseSetStatus,
  parseTransfer,
  readJsonObject,
} from './body.js';
import { sdkCors } from './cors.js';
import { errorResponse, SdkError } from './errors.js';
import { eventStreamResponse } from './event-stream.js';
import { sdkFault } from './faults.js';
import { recording } from './records.js';
import type { SdkRuntime } from './runtime.js';
import { fakeSdkScript } from './script.js';

const noStore = { 'cache-control': 'no-store' } as const;

/**
 * The SDK host, mounted at /sdk: the fake SDK script and the routes it talks to.
 * The script is served even for a missing or unknown token (the real SDK reports a bad token
 * with the `tokenExpired` event after loading, not with an HTTP error).
 */
export function createSdkRoutes(ctx: MockContext, runtime: SdkRuntime): Hono {
  const app = new Hono();

  app.use('*', sdkCors());
  app.use('*', bodyLimit({ maxSize: 16 * 1024, onError: () => tooLarge() }));
  app.onError((error) => {
    if (error instanceof SdkError) return errorResponse(error);
    throw error;
  });

  app.get('/tccc.js', async (c) => {
    const faulted = await sdkFault(ctx, 'sdk.script', c.req.raw);
    if (faulted) return faulted;
    return c.body(await fakeSdkScript(), 200, {
      'content-type': 'text/javascript; charset=utf-8',
      ...noStore,
    });
  });

  app.post('/session', async (c) => {
    const faulted = await sdkFault(ctx, 'sdk.login', c.req.raw);
    if (faulted) return faulted;
    const body = await readJsonObject(c.req.raw);
    const token = typeof body.token === 'string' ? body.token : undefined;
    const session = runtime.login(token, new URL(c.req.url).origin);
    const holdReady = ctx.faults.take('sdk.ready') !== undefined;
    const { reconnectInitialMs, reconnectMaxMs } = ctx.options.sdk;
    const answer: LoginResponse = {
      credential: session.credential,
      seatUserId: session.seatUserId,
      sdkAppId: session.sdkAppId,
      status: runtime.wireStatusOf(session),
      emitReady: !holdReady,
      reconnect: { initialMs: reconnectInitialMs, maxMs: reconnectMaxMs },
    };
    return c.json(answer, 200, noStore);
  });

  app.delete('/session', (c) => {
    runtime.logout(runtime.authenticate(c.req.header('authorization')));
    return c.body(null, 204);
  });

  // The logout a page sends while it unloads (keepalive fetch, sendBeacon): a CORS-simple
  // POST with the credential in a text/plain JSON body, so no preflight is needed.
  app.post('/session/end', async (c) => {
    const credential = parseEndSession(await readJsonObject(c.req.raw));
    let session: SdkSession;
    try {
      session = runtime.authenticate(`Bearer ${credential}`);
    } catch (error) {
      // Idempotent: a session that has already ended is as logged out as it gets.
      if (error instanceof SdkError && error.code === 'SessionLoggedOut') return c.body(null, 204);
      throw error;
    }
    runtime.logout(session);
    return c.body(null, 204);
  });

  app.get('/events', async (c) => {
    const session = runtime.authenticate(c.req.header('authorization'));
    const faulted = await sdkFault(ctx, 'sdk.events', c.req.raw);
    if (faulted) return faulted;
    return eventStreamResponse(c.req.raw.signal, (sink) => runtime.attachStream(session, sink));
  });

  app.post('/agent/status', async (c) => {
    const session = runtime.authenticate(c.req.header('authorization'));
    const status = runtime.setStatus(session, parseSetStatus(await readJsonObject(c.req.raw)));
    return c.json({ status }, 200, noStore);
  });

  app.post('/calls/outbound', async (c) => {
    const session = runtime.authenticate(c.req.header('authorization'));
    const request = parseOutboundCall(await readJsonObject(c.req.raw));
    return c.json(runtime.startOutbound(session, request), 200, noStore);
  });

  app.post('/calls/:sessionId/dtmf', async (c) => {
    const session = runtime.authenticate(c.req.header('authorization'));
    const dtmfText = parseDtmf(await readJsonObject(c.req.raw));
    return c.json(runtime.sendDigits(session, c.req.param('sessionId'), dtmfText), 200, noStore);
  });

  app.post('/calls/:sessionId/transfer', async (c) => {
    const session = runtime.authenticate(c.req.header('authorization'));
    const request = parseTransfer(await readJsonObject(c.req.raw));
    return c.json(runtime.transfer(session, c.req.param('sessionId'), request), 200, noStore);
  });

  app.post('/calls/:sessionId/:action', (c) => {
    const session = runtime.authenticate(c.req.header('authorization'));
    return c.json(
      act(runtime, session, c.req.param('sessionId'), c.req.param('action')),
      200,
      noStore,
    );
  });

  app.get('/records/:sdkAppId/:sessionId/:file', (c) => {
    const { sdkAppId, sessionId, file } = c.req.param();
    const wav = recording(ctx.store, sdkAppId, sessionId, file);
    return c.body(wav.slice().buffer as ArrayBuffer, 200, {
      'content-type': 'audio/wav',
      'cache-control': 'private, max-age=3600',
    });
  });

  // Last, so it only gets what no route above took. A route rather than `app.notFound`: a
  // sub-app's notFound is not used once mounted with `route()` (the parent's answers), and
  // this 404 must go through sdkCors so the page's cross-origin fetch can read it.
  app.all('*', (c) => {
    const { pathname } = new URL(c.req.url);
    throw new SdkError(
      404,
      'BadRequest',
      `No SDK route for ${excerpt(c.req.method)} ${quote(pathname)}; see SDK.md for the routes under /sdk/.`,
    );
  });
  return app;
}

function act(runtime: SdkRuntime, session: SdkSession, sessionId: string, action: string) {
  if (!(callActions as readonly string[]).includes(action)) {
    throw new SdkError(
      404,
      'BadRequest',
      `Unknown call action ${quote(action)}; use one of ${[...callActions, 'dtmf', 'transfer'].join(', ')}.`,
    );
  }
  return runtime.act(session, sessionId, action as CallAction);
}

function tooLarge(): Response {
  return errorResponse(new SdkError(413, 'BadRequest', 'The request body exceeds 16 KiB.'));
}
