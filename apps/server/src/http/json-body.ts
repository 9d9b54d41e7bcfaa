/**
 * Reading JSON request bodies with clear errors: 415 for another content type, 400 for
 * JSON that does not parse. Size is capped before this by the body limit (413).
 */
import type { Context } from 'hono';
import { bodyFraming } from './body-framing.js';
import { ProblemError } from './problem.js';

function isJson(contentType: string | undefined): boolean {
  const mediaType = contentType?.split(';')[0]?.trim().toLowerCase();
  return mediaType === 'application/json' || !!mediaType?.match(/^application\/[\w.-]+\+json$/);
}

/** The parsed JSON body. With `optional`, an empty body (no Content-Type) gives `undefined`. */
export async function readJsonBody(
  c: Context,
  options: { optional?: boolean } = {},
): Promise<unknown> {
  const contentType = c.req.header('content-type');
  if (options.optional && contentType === undefined) {
    // The usual case (a POST with no body) answered from the headers, without reading.
    if (bodyFraming(c).kind === 'none') return undefined;
    const text = await c.req.text();
    if (text.trim() === '') return undefined;
  }
  if (!isJson(contentType)) {
    throw new ProblemError(
      'unsupported_media_type',
      `Send the body as JSON with Content-Type: application/json (got ${contentType ? JSON.stringify(contentType.slice(0, 60)) : 'no Content-Type'}).`,
    );
  }
  const text = await c.req.text();
  if (options.optional && text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new ProblemError('invalid_body', 'The body is not valid JSON.');
  }
}
