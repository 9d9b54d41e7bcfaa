/** The host client against a real loopback server (Node's fetch speaks the same Fetch API). */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { ServerEvent } from '../protocol.js';
import { HostClient, type HostError } from './host.js';

let server: Server | undefined;
afterEach(async () => {
  await new Promise((resolve) => server?.close(resolve));
  server = undefined;
});

type Handler = (request: IncomingMessage, response: ServerResponse, body: string) => void;

async function host(handler: Handler): Promise<HostClient> {
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => {
      body += chunk;
    });
    request.on('end', () => handler(request, response, body));
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return new HostClient(new URL(`http://127.0.0.1:${port}/sdk/tccc.js?token=t`));
}

const login = (response: ServerResponse) =>
  response
    .writeHead(200, { 'content-type': 'application/json' })
    .end(JSON.stringify({ credential: 'c-1', reconnect: { initialMs: 5, maxMs: 20 } }));

const sse = (response: ServerResponse, events: string[]) => {
  response.writeHead(200, { 'content-type': 'text/event-stream' });
  response.end(events.join(''));
};

describe('HostClient.listen', () => {
  it('reports a lost stream, waits, reconnects, and stops for good on a 401', async () => {
    let opened = 0;
    const client = await host((request, response) => {
      if (request.url === '/sdk/session') return login(response);
      opened += 1;
      if (opened === 1) {
        return sse(response, ['event: connected\ndata: {"status":"free","calls":[]}\n\n']);
      }
      if (opened === 2) return response.writeHead(503).end();
      response
        .writeHead(401, { 'content-type': 'application/json' })
        .end(JSON.stringify({ error: { code: 'SessionTakenOver', message: 'newer login' } }));
    });
    await client.login('t');
    const seen: string[] = [];
    let refused: HostError | undefined;
    await client.listen(
      {
        onEvent: (event: ServerEvent) => seen.push(event.name),
        onLost: (reason) => seen.push(`lost: ${reason}`),
        onRefused: (error) => {
          refused = error;
        },
      },
      new AbortController().signal,
      { initialMs: 5, maxMs: 20 },
    );
    expect(seen).toEqual([
      'connected',
      'lost: the event stream to the SDK host closed',
      'lost: the SDK host answered HTTP 503 to the event stream',
    ]);
    expect(refused).toMatchObject({ status: 401, code: 'SessionTakenOver' });
  });

  it('sends the credential as Bearer, and ignores events it does not know', async () => {
    const authorizations: (string | undefined)[] = [];
    const controller = new AbortController();
    const client = await host((request, response) => {
      if (request.url === '/sdk/session') return login(response);
      authorizations.push(request.headers.authorization);
      sse(response, [
        'event: surprise\ndata: {}\n\n',
        'event: statusChanged\ndata: {"status":"rest"}\n\n',
      ]);
    });
    await client.login('t');
    const events: ServerEvent[] = [];
    await client.listen(
      {
        onEvent: (event) => {
          events.push(event);
          controller.abort();
        },
        onLost: () => {},
        onRefused: () => {},
      },
      controller.signal,
      { initialMs: 5, maxMs: 20 },
    );
    expect(events).toEqual([{ name: 'statusChanged', payload: { status: 'rest' } }]);
    expect(authorizations).toEqual(['Bearer c-1']);
  });
});

describe('HostClient.endSession', () => {
  it('posts the credential as text/plain (a CORS-simple request), without Authorization', async () => {
    const seen: { type?: string; authorization?: string; body: string }[] = [];
    const client = await host((request, response, body) => {
      if (request.url === '/sdk/session') return login(response);
      seen.push({
        ...(request.headers['content-type'] ? { type: request.headers['content-type'] } : {}),
        ...(request.headers.authorization ? { authorization: request.headers.authorization } : {}),
        body,
      });
      response.writeHead(204).end();
    });
    await client.login('t');
    await client.endSession();
    expect(seen).toEqual([{ type: 'text/plain;charset=UTF-8', body: '{"credential":"c-1"}' }]);
    expect(client.loggedIn).toBe(false);
  });

  it('rejects with the host’s message when it refuses', async () => {
    const client = await host((request, response) => {
      if (request.url === '/sdk/session') return login(response);
      response
        .writeHead(401, { 'content-type': 'application/json' })
        .end(JSON.stringify({ error: { code: 'SessionExpired', message: 'expired' } }));
    });
    await client.login('t');
    await expect(client.endSession()).rejects.toMatchObject({ code: 'SessionExpired' });
    expect(client.loggedIn).toBe(true);
  });
});
