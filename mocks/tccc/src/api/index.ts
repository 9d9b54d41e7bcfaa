/**
 * The TCCC cloud API at `/`: signed requests (TC3-HMAC-SHA256) routed on X-TC-Action,
 * answered with the TCCC envelope. POST carries JSON params; GET carries them in the query,
 * flattened (`Phones.0=…`).
 *
 * Order of checks [unconfirmed, chosen to be plausible]: fault rules, method, body size,
 * signature v1 detection, Action (InvalidAction unless Tencent's structure has it), Version,
 * Timestamp, Authorization, clock skew, SecretId, signature, rate limit, Content-Type and
 * JSON, the params against the action's request structure (spec/request.ts), then
 * UnsupportedOperation for an action the mock does not emulate, else the action itself.
 */
import { Hono } from 'hono';
import type { MockContext } from '../context.js';
import {
  type CallControl,
  CCC_API_VERSION,
  handlerOf,
  implementedActionNames,
} from './actions/index.js';
import { readBodyCapped } from './body.js';
import { errorEnvelope, successEnvelope } from './envelope.js';
import { CloudApiError, messages, TcccErrorCode } from './errors.js';
import type { RateLimiter } from './rate-limit.js';
import { specHasAction } from './spec/load.js';
import { unflattenQuery } from './spec/query.js';
import { checkRequest } from './spec/request.js';
import { verifyTc3Request } from './verify.js';

export interface CloudApiDeps {
  rateLimiter: RateLimiter;
  /** Ending calls (HangUpCall): the SDK runtime. */
  calls: CallControl;
}

type Params = Record<string, unknown>;

const isJsonContentType = (value: string) => /^application\/json\s*(;.*)?$/i.test(value.trim());

function parseJsonParams(bytes: Uint8Array): Params {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new CloudApiError(TcccErrorCode.InvalidParameter, messages.invalidJson());
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new CloudApiError(TcccErrorCode.InvalidParameter, messages.invalidJson());
  }
  return value as Params;
}

/** Signature v1 puts SignatureMethod/Signature among the params instead of an Authorization header. */
function looksLikeSignatureV1(request: Request, url: URL, body: Uint8Array): boolean {
  if (request.headers.has('authorization')) return false;
  const fields = new URLSearchParams(url.search);
  const contentType = request.headers.get('content-type') ?? '';
  if (/^application\/x-www-form-urlencoded/i.test(contentType) && body.byteLength > 0) {
    for (const [key, value] of new URLSearchParams(new TextDecoder().decode(body))) {
      fields.append(key, value);
    }
  }
  return fields.has('Signature') || fields.has('SignatureMethod');
}

export function createCloudApiRoutes(ctx: MockContext, deps: CloudApiDeps): Hono {
  const app = new Hono();

  app.all('/', async (c) => {
    const request = c.req.raw;
    const meta = {
      requestId: ctx.newId(),
      traceId: request.headers.get('x-tc-traceid') ?? undefined,
    };
    const fail = (code: string, message: string) => errorEnvelope(code, message, meta);

    const action = request.headers.get('x-tc-action')?.trim() ?? '';
    const rule = ctx.faults.take(action);
    if (rule) {
      const answer = await ctx.faults.apply(rule, request, fail);
      if (answer) return answer;
    }

    const method = request.method.toUpperCase();
    if (method !== 'GET' && method !== 'POST') {
      return fail(TcccErrorCode.UnsupportedProtocol, messages.unsupportedProtocol(method));
    }

    const maxBytes = ctx.options.limits.maxBodyBytes;
    const body = await readBodyCapped(request, maxBytes);
    if (!body.ok) {
      const response = fail(
        TcccErrorCode.RequestSizeLimitExceeded,
        messages.requestSizeLimitExceeded(maxBytes),
      );
      // The rest of the body is not read: tell the client this connection is done.
      response.headers.set('connection', 'close');
      return response;
    }

    try {
      const url = new URL(request.url);
      if (looksLikeSignatureV1(request, url, body.bytes)) {
        throw new CloudApiError(TcccErrorCode.InvalidAuthorization, messages.onlyTc3());
      }
      if (!action) {
        throw new CloudApiError(
          TcccErrorCode.MissingParameter,
          messages.missingParameter('Action'),
        );
      }
      if (!specHasAction(action)) {
        throw new CloudApiError(TcccErrorCode.InvalidAction, messages.invalidAction());
      }
      const version = request.headers.get('x-tc-version')?.trim() ?? '';
      if (!version) {
        throw new CloudApiError(
          TcccErrorCode.MissingParameter,
          messages.missingParameter('Version'),
        );
      }
      if (version !== CCC_API_VERSION) {
        throw new CloudApiError(
          TcccErrorCode.NoSuchVersion,
          messages.noSuchVersion(version, CCC_API_VERSION),
        );
      }

      const secretId = verifyTc3Request(
        {
          method,
          hostname: url.hostname,
          query: url.search.slice(1),
          headers: request.headers,
          payload: body.bytes,
        },
        {
          accounts: ctx.store.accounts,
          nowMs: ctx.clock.now(),
          maxSkewSeconds: ctx.options.limits.signatureMaxSkewSeconds,
        },
      );

      const decision = deps.rateLimiter.hit(`${secretId}\u0000${action}`);
      if (!decision.ok) {
        throw new CloudApiError(
          TcccErrorCode.RequestLimitExceeded,
          messages.requestLimitExceeded(decision.count, decision.limit),
        );
      }

      let params: Params;
      if (method === 'GET') {
        params = unflattenQuery(url.searchParams);
      } else {
        const contentType = request.headers.get('content-type') ?? '';
        if (!isJsonContentType(contentType)) {
          throw new CloudApiError(
            TcccErrorCode.InvalidParameter,
            messages.contentType(contentType),
          );
        }
        params = parseJsonParams(body.bytes);
      }

      const checked = checkRequest(action, params, method === 'GET');
      const handler = handlerOf(action);
      if (!handler) {
        throw new CloudApiError(
          TcccErrorCode.UnsupportedOperation,
          messages.notEmulated(action, implementedActionNames()),
        );
      }
      const fields = handler({
        ctx,
        params: checked,
        requestId: meta.requestId,
        requestOrigin: url.origin,
        calls: deps.calls,
      });
      return successEnvelope(fields, meta);
    } catch (error) {
      if (error instanceof CloudApiError) return fail(error.code, error.message);
      throw error;
    }
  });

  return app;
}
