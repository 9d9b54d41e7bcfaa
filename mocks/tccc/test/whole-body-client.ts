/**
 * An HTTP/1.1 client that behaves like Python's http.client: it sends the whole request body,
 * waiting for each piece to be written, and only then reads the answer. If the server closes
 * the connection while the body is still going out, a write fails (EPIPE, ECONNRESET) and the
 * answer is lost, which is what this client reports.
 */
import { connect } from 'node:net';

export type WholeBodyResult =
  | { ok: true; status: number; headers: string; body: string; ms: number }
  | { ok: false; error: string; ms: number };

const PIECE = 64 * 1024;

export function sendWholeBodyThenRead(
  port: number,
  head: string,
  bodyBytes: number,
  timeoutMs = 20_000,
): Promise<WholeBodyResult> {
  const started = performance.now();
  const ms = () => Math.round(performance.now() - started);
  return new Promise((resolve) => {
    // Half-open, like a plain socket: the server's FIN does not end our sending.
    const socket = connect({ host: '127.0.0.1', port, allowHalfOpen: true });
    const chunks: Buffer[] = [];
    let failed: string | undefined;
    const timer = setTimeout(() => {
      failed ??= `no answer within ${timeoutMs} ms`;
      socket.destroy();
    }, timeoutMs);
    socket.pause(); // nothing is read until the body is out
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('end', () => socket.end()); // the answer is complete: close our side too
    socket.on('error', (error: NodeJS.ErrnoException) => {
      failed ??= error.code ?? error.message;
    });
    socket.on('close', () => {
      clearTimeout(timer);
      const raw = Buffer.concat(chunks).toString('utf8');
      const end = raw.indexOf('\r\n\r\n');
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(raw)?.[1]);
      if (failed !== undefined || end < 0 || !Number.isInteger(status)) {
        resolve({ ok: false, error: failed ?? 'no complete answer', ms: ms() });
      } else {
        resolve({
          ok: true,
          status,
          headers: raw.slice(0, end),
          body: raw.slice(end + 4),
          ms: ms(),
        });
      }
    });
    const piece = Buffer.alloc(PIECE, 0x61);
    const write = (data: Buffer | string) =>
      new Promise<boolean>((done) => socket.write(data, (error) => done(!error)));
    void (async () => {
      if (!(await write(`${head}\r\nContent-Length: ${bodyBytes}\r\n\r\n`))) return;
      for (let sent = 0; sent < bodyBytes; sent += PIECE) {
        if (!(await write(piece.subarray(0, Math.min(PIECE, bodyBytes - sent))))) return;
        // Give the server time to answer and close while the body is still going out.
        await new Promise((next) => setImmediate(next));
      }
      socket.resume(); // the body is out: now read the answer, as http.client does
    })();
  });
}
