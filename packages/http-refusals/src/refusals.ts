/**
 * What this package refuses, as data: each refusal a `kind`, its HTTP status and the
 * safe facts about it. Nothing of the request (it may hold cookies or tokens) is ever in a
 * refusal. A server renders each in its own error shape (`render`), and may use
 * `adviceFor` for the human text.
 */

/** What Node's HTTP parser refuses (answerClientErrors). */
export type ParserRefusal =
  | { kind: 'headers_too_large'; status: 431; maxHeaderBytes: number }
  | { kind: 'chunk_extensions_too_large'; status: 413 }
  | { kind: 'request_timeout'; status: 408 }
  | {
      kind: 'malformed_request';
      status: 400;
      /** Node's code (HPE_*), when it is a plain identifier: safe to show. */
      parserCode: string | undefined;
    };

/** Requests the parser accepts but no application should see (guardRequests, ...). */
export type RequestRefusal =
  | {
      kind: 'invalid_host';
      status: 400;
      /** `Host` missing (HTTP/1.1 requires it), given twice, or not a host[:port]. */
      problem: 'missing' | 'duplicate' | 'invalid';
    }
  | {
      kind: 'invalid_target';
      status: 400;
      /** A `\` in the path (some software reads it as `/`), or a target that is not a path. */
      problem: 'backslash' | 'not_a_path';
    }
  | { kind: 'expectation_failed'; status: 417 }
  | {
      kind: 'method_not_allowed';
      status: 405;
      /** The refused method: `CONNECT`, which asks an origin server to be a proxy. */
      method: 'CONNECT';
      /** The `Allow` header sent with it. */
      allow: string;
    };

export type Refusal = ParserRefusal | RequestRefusal;

/** The body of an answer: its Content-Type and text. */
export interface RefusalBody {
  contentType: string;
  body: string;
}

/** Makes the body of a refusal in a server's own error shape. */
export type Render<R extends Refusal = Refusal> = (refusal: R) => RefusalBody;

/** Advice for a malformed request, shared by every error shape. */
export function malformedAdvice(parserCode: string | undefined): string {
  return `The request is not valid HTTP/1.1${parserCode ? ` (${parserCode})` : ''}: check for CR, LF or other control characters in header names or values, folded header lines, Content-Length together with Transfer-Encoding or given twice, the framing of the body, and the method name. The connection is closed.`;
}

/** What the client should do about a refusal, in one sentence or two. */
export function adviceFor(refusal: Refusal): string {
  switch (refusal.kind) {
    case 'headers_too_large':
      return `The request line and headers exceed ${refusal.maxHeaderBytes} bytes. Send fewer or shorter headers (often: clear old cookies for this site).`;
    case 'chunk_extensions_too_large':
      return 'The chunk extensions in the body are too long. Send the body without chunk extensions.';
    case 'request_timeout':
      return 'The request did not arrive in full in time. Send the headers and body without pausing.';
    case 'malformed_request':
      return malformedAdvice(refusal.parserCode);
    case 'invalid_host':
      return refusal.problem === 'missing'
        ? 'HTTP/1.1 requests need a Host header. Send Host: with the server name (and port) you connected to.'
        : refusal.problem === 'duplicate'
          ? 'The request has more than one Host header. Send exactly one.'
          : 'The Host header is not a host name or IP address with an optional port. Send the server name (and port) you connected to.';
    case 'invalid_target':
      return refusal.problem === 'backslash'
        ? 'The request path contains a backslash. Use forward slashes (/) in paths, and percent-encode a literal backslash as %5C.'
        : 'The request target is not a path. Send a path starting with / (or an absolute http(s) URL to a proxy).';
    case 'expectation_failed':
      return 'The Expect header asks for something this server does not do. Only "Expect: 100-continue" is supported; drop the header otherwise.';
    case 'method_not_allowed':
      return `${refusal.method} asks the server to act as a proxy, and this server is not one. Use ${refusal.allow}.`;
  }
}
