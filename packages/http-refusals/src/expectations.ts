/**
 * `Expect` done right.
 *
 * - `Expect: 100-continue`: Node answers `100 Continue` as soon as the headers arrive, so a
 *   client uploading a body the application will refuse (too large, not signed in) sends
 *   it all before hearing the refusal. Here `100 Continue` is sent only when the
 *   application starts reading the body; an application that answers first (a 413 from
 *   `Content-Length`, a 401) refuses before `100 Continue`, as RFC 9110 §10.1.1 intends,
 *   and with `Connection: close`, since the client may or may not send the body now.
 * - any other expectation: `417 Expectation Failed` in the server's error shape (Node
 *   writes a bare one).
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Render, RequestRefusal } from './refusals.js';
import { answerRefusal } from './request-guard.js';

export interface ExpectationOptions {
  render: Render<RequestRefusal>;
}

/**
 * Makes `request` send `100 Continue` the first time its body is read, unless a final
 * answer has started by then; until then, the answer carries `Connection: close`.
 */
export function continueOnRead(request: IncomingMessage, response: ServerResponse): void {
  response.setHeader('Connection', 'close');
  // `_read` is the Readable hook every way of reading a stream goes through (read(),
  // 'data', pipe, async iteration, Readable.toWeb); it runs once a reader wants bytes.
  const readable = request as IncomingMessage & { _read(size: number): void };
  const read = readable._read;
  readable._read = function (size: number) {
    readable._read = read;
    if (!response.headersSent && !response.writableEnded) {
      response.removeHeader('Connection');
      response.writeContinue();
    }
    return read.call(this, size);
  };
}

export function answerExpectations(server: Server, options: ExpectationOptions): void {
  server.on('checkContinue', (request: IncomingMessage, response: ServerResponse) => {
    continueOnRead(request, response);
    server.emit('request', request, response);
  });
  server.on('checkExpectation', (_request: IncomingMessage, response: ServerResponse) => {
    const refusal: RequestRefusal = { kind: 'expectation_failed', status: 417 };
    answerRefusal(response, refusal.status, options.render(refusal), { Connection: 'close' });
  });
}
