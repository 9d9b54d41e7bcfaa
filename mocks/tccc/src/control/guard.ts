/**
 * The control plane's door. Anything that can reach the mock can reach /__tccc/, and from
 * there mint an SDK URL for any seat, read every agent's tokens, or reset the world, so:
 *
 * - every request carries the mock's control token in `X-TCCC-Control-Token` (401
 *   `control_token_required` / `control_token_invalid` otherwise). A web page cannot send a
 *   custom header cross-site without a CORS preflight, which the control plane never grants;
 * - a body must be JSON (`Content-Type: application/json`, 415 `unsupported_media_type`
 *   otherwise), which closes the cross-site `text/plain` "simple request" route too;
 * - a mock built with `controlPlane: false` (the demo server's embedded mock) answers 404
 *   `control_plane_off` to every /__tccc/ request.
 *
 * The token is compared in constant time and never appears in an answer.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';

export const CONTROL_TOKEN_HEADER = 'x-tccc-control-token';

const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();

function sameToken(given: string, expected: Buffer): boolean {
  return timingSafeEqual(digest(given), expected);
}

const fail = (status: 401 | 404 | 415, code: string, message: string) =>
  Response.json({ error: { code, message } }, { status });

export const isJson = (contentType: string) =>
  /^application\/(?:[\w.+-]+\+)?json\s*(?:;.*)?$/i.test(contentType.trim());

/**
 * Whether the request says it carries a body that is not JSON: a Content-Type other than
 * JSON, or a body (Content-Length > 0, chunked) with no Content-Type at all. readJsonBody
 * checks the body itself too, for in-process requests that carry neither header.
 */
export function declaresNonJsonBody(headers: Headers): boolean {
  const contentType = headers.get('content-type');
  if (contentType !== null) return !isJson(contentType);
  const length = headers.get('content-length');
  return (length !== null && length.trim() !== '0') || headers.has('transfer-encoding');
}

export const UNSUPPORTED_MEDIA_TYPE = {
  code: 'unsupported_media_type',
  message: 'Control-plane request bodies are JSON: send Content-Type: application/json.',
} as const;

const unsupportedMediaType = () =>
  fail(415, UNSUPPORTED_MEDIA_TYPE.code, UNSUPPORTED_MEDIA_TYPE.message);

export function controlGuard(options: { token: string; enabled: boolean }): MiddlewareHandler {
  const expected = digest(options.token);
  return async (c, next) => {
    if (!options.enabled) {
      return fail(
        404,
        'control_plane_off',
        'The control plane of this mock is off (controlPlane: false, as in the demo server). Start a mock of your own to drive it: startMockTccc() from @tccc-kit/mock-tccc/testing, or the mock-tccc CLI.',
      );
    }
    const given = c.req.header(CONTROL_TOKEN_HEADER);
    if (given === undefined || given === '') {
      return fail(
        401,
        'control_token_required',
        "Send the mock's control token in the X-TCCC-Control-Token header. startMockTccc() and the Playwright fixture pass it for you; createControlClient(url, { token }) takes it; the CLI reads it from MOCK_TCCC_CONTROL_TOKEN or --control-token.",
      );
    }
    if (!sameToken(given, expected)) {
      return fail(
        401,
        'control_token_invalid',
        "The X-TCCC-Control-Token header does not match this mock's control token.",
      );
    }
    if (declaresNonJsonBody(c.req.raw.headers)) {
      return unsupportedMediaType();
    }
    await next();
  };
}
