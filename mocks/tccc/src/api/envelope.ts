/** The TCCC response envelope: always HTTP 200, `{"Response": {..., "RequestId"}}`. */

export interface EnvelopeMeta {
  requestId: string;
  /** X-TC-TraceId of the request, echoed so SDK errors carry it. */
  traceId?: string | undefined;
}

function respond(response: Record<string, unknown>, meta: EnvelopeMeta): Response {
  const headers = new Headers({ 'content-type': 'application/json' });
  if (meta.traceId) headers.set('x-tc-traceid', meta.traceId);
  return new Response(JSON.stringify({ Response: { ...response, RequestId: meta.requestId } }), {
    status: 200,
    headers,
  });
}

export function successEnvelope(fields: Record<string, unknown>, meta: EnvelopeMeta): Response {
  return respond(fields, meta);
}

export function errorEnvelope(code: string, message: string, meta: EnvelopeMeta): Response {
  return respond({ Error: { Code: code, Message: message } }, meta);
}
