/**
 * Child process: the ack-only receiver, the baseline of the push acknowledgement rows. It is
 * what any Data Push receiver has to do before it may answer and nothing more: `node:http`,
 * read the whole body (bounded, as ours is), parse the JSON, check that it is an object with
 * a SessionId, and answer TCCC's `{"ErrCode":0,"ErrMsg":""}`. No credentials check, no
 * validation against TelCdrInfo, no de-duplication, no storage, no logging: none of what
 * makes our receiver's answer a promise that the record is kept.
 *
 * Ours vs ack-only is therefore the price of that promise (auth, validation, a durable
 * commit per push, the receipt, the log line), on the same machine, load and body.
 *
 * Listens on 127.0.0.1, port 0; reports `{ url }` over IPC. `POST /tccc/push` answers 200
 * with ErrCode 0, or 400 with ErrCode 400 for a body that is not such an object; anything
 * else 404. Closes on SIGTERM.
 */
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

const MAX_BODY_BYTES = 256 * 1024;

const answer = (res: ServerResponse, status: number, body: Record<string, unknown>) => {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
};

const server = createServer((req, res) => {
  if (req.method !== 'POST' || !req.url?.startsWith('/tccc/push')) {
    answer(res, 404, { ErrCode: 404, ErrMsg: 'not found' });
    return;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  req.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) {
      answer(res, 413, { ErrCode: 413, ErrMsg: 'body too large' });
      req.destroy();
      return;
    }
    chunks.push(chunk);
  });
  req.on('end', () => {
    try {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
      if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new Error();
      if (typeof (body as { SessionId?: unknown }).SessionId !== 'string') throw new Error();
      answer(res, 200, { ErrCode: 0, ErrMsg: '' });
    } catch {
      answer(res, 400, { ErrCode: 400, ErrMsg: 'not a CDR' });
    }
  });
});
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  process.send?.({ url: `http://127.0.0.1:${port}` });
});
process.once('SIGTERM', () => {
  server.close(() => process.exit(0));
  server.closeAllConnections();
});
