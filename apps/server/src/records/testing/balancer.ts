/**
 * A round-robin load balancer on loopback, for the tests where TCCC pushes to ONE URL and
 * several server instances share the work, as behind a real balancer: each request goes to
 * the next target in turn, body and headers as they came (hop-by-hop ones dropped); a target
 * that does not answer makes it answer 502, as a balancer without retries does, so the
 * sender (TCCC, the mock) sees a failed push and pushes again. `setTarget` swaps an instance
 * that restarted on another port.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Balancer {
  /** http://127.0.0.1:PORT */
  url: string;
  setTarget(index: number, url: string): void;
  /** Requests answered 502 because their target did not answer. */
  readonly unanswered: number;
  close(): Promise<void>;
}

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'host', 'upgrade']);

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function startBalancer(targets: string[]): Promise<Balancer> {
  const current = [...targets];
  let next = 0;
  let unanswered = 0;

  const forward = async (request: IncomingMessage, response: ServerResponse) => {
    const target = current[next++ % current.length] as string;
    const body = await readBody(request);
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(request.headers)) {
      if (!HOP_BY_HOP.has(name) && typeof value === 'string') headers[name] = value;
    }
    try {
      const answer = await fetch(`${target}${request.url ?? '/'}`, {
        method: request.method ?? 'GET',
        headers,
        ...(body.length > 0 ? { body } : {}),
        signal: AbortSignal.timeout(30_000),
      });
      const text = Buffer.from(await answer.arrayBuffer());
      const out: Record<string, string> = {};
      answer.headers.forEach((value, name) => {
        if (!HOP_BY_HOP.has(name) && name !== 'content-length') out[name] = value;
      });
      response.writeHead(answer.status, { ...out, 'content-length': String(text.length) });
      response.end(text);
    } catch {
      unanswered += 1;
      response.writeHead(502, { 'content-type': 'text/plain' });
      response.end('bad gateway: the instance did not answer');
    }
  };

  const server = createServer((request, response) => {
    forward(request, response).catch(() => response.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    setTarget(index, url) {
      current[index] = url;
    },
    get unanswered() {
      return unanswered;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
