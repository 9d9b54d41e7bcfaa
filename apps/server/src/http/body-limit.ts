/**
 * Caps request bodies at `maxBytes`: 413 `payload_too_large` (problem+json) before the
 * handler runs.
 *
 * Decided from the headers when they are enough (see body-framing.ts): no body, or a
 * `Content-Length` to compare, which is every browser request. Only a body of unknown
 * length (chunked, HTTP/2, in-process requests) is streamed through hono/body-limit,
 * which counts the bytes as they come and stops at the limit. The headers-only path
 * matters for speed: it never asks for `c.req.raw.body`, which on Node builds a `Request`
 * and a web stream per request.
 */
import type { MiddlewareHandler } from 'hono';
import { bodyLimit as streamingBodyLimit } from 'hono/body-limit';
import { bodyFraming } from './body-framing.js';
import { ProblemError } from './problem.js';

export function bodyLimit(maxBytes: number): MiddlewareHandler {
  const tooLarge = (): never => {
    throw new ProblemError('payload_too_large', `Request bodies are limited to ${maxBytes} bytes.`);
  };
  const streaming = streamingBodyLimit({ maxSize: maxBytes, onError: tooLarge });

  return (c, next) => {
    const framing = bodyFraming(c);
    if (framing.kind === 'none') return next();
    if (framing.kind === 'length') return framing.bytes > maxBytes ? tooLarge() : next();
    return streaming(c, next);
  };
}
