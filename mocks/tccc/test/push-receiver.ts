/**
 * A Data Push receiver for tests: a real HTTP server on 127.0.0.1 (port 0) that records
 * every request (method, path, query, headers, body) and answers as told, by default
 * `{"ErrCode":0,"ErrMsg":""}`. Optionally an OAuth token endpoint at POST /token that checks
 * client credentials (HTTP Basic, form-encoded, RFC 6749 §2.3.1) and issues numbered tokens.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: string;
  json: unknown;
}

/** How to answer one push: status and body (a string is sent as is). */
export interface Answer {
  status?: number;
  body?: unknown;
  /** Destroy the socket instead of answering. */
  destroy?: boolean;
}

export interface TestReceiver {
  url: string;
  /** Pushes received (requests other than the token endpoint's), in arrival order. */
  pushes: Received[];
  /** Token requests received. */
  tokenRequests: Received[];
  /** Answers for the next pushes, in order; when empty, ErrCode 0. */
  answers: Answer[];
  /** Tokens the receiver accepts (Bearer); issued by /token. */
  validTokens: Set<string>;
  close(): Promise<void>;
}

export interface ReceiverOptions {
  /** Accept `Authorization: Basic` with these. */
  basic?: { username: string; password: string };
  /** Serve POST /token for these client credentials and require a Bearer token on pushes. */
  oauth?: { clientId: string; clientSecret: string; expiresIn?: number };
}

const formDecode = (value: string) => decodeURIComponent(value.replaceAll('+', ' '));

export async function startReceiver(options: ReceiverOptions = {}): Promise<TestReceiver> {
  const pushes: Received[] = [];
  const tokenRequests: Received[] = [];
  const answers: Answer[] = [];
  const validTokens = new Set<string>();
  let issued = 0;

  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const url = new URL(request.url ?? '/', 'http://receiver');
      const body = Buffer.concat(chunks).toString('utf8');
      let json: unknown;
      try {
        json = JSON.parse(body);
      } catch {
        json = undefined;
      }
      const received: Received = {
        method: request.method ?? '',
        path: url.pathname,
        query: url.searchParams,
        headers: request.headers,
        body,
        json,
      };
      const send = (status: number, payload: unknown) => {
        const text = typeof payload === 'string' ? payload : JSON.stringify(payload);
        response.writeHead(status, { 'content-type': 'application/json' }).end(text);
      };

      if (url.pathname === '/token') {
        tokenRequests.push(received);
        const oauth = options.oauth;
        const match = /^Basic (.+)$/.exec(request.headers.authorization ?? '');
        const decoded = match?.[1] ? Buffer.from(match[1], 'base64').toString('utf8') : '';
        const colon = decoded.indexOf(':');
        const id = formDecode(decoded.slice(0, colon));
        const secret = formDecode(decoded.slice(colon + 1));
        const form = new URLSearchParams(body);
        if (
          !oauth ||
          colon < 0 ||
          id !== oauth.clientId ||
          secret !== oauth.clientSecret ||
          request.headers['content-type'] !== 'application/x-www-form-urlencoded'
        ) {
          send(401, { error: 'invalid_client', error_description: 'wrong client' });
          return;
        }
        if (form.get('grant_type') !== 'client_credentials') {
          send(400, { error: 'unsupported_grant_type' });
          return;
        }
        issued += 1;
        const token = `token-${issued}`;
        validTokens.add(token);
        send(200, {
          access_token: token,
          token_type: 'Bearer',
          ...(oauth.expiresIn === undefined ? {} : { expires_in: oauth.expiresIn }),
        });
        return;
      }

      pushes.push(received);
      const authorization = request.headers.authorization ?? '';
      if (options.basic) {
        const expected = `Basic ${Buffer.from(`${options.basic.username}:${options.basic.password}`).toString('base64')}`;
        if (authorization !== expected) {
          send(401, { ErrCode: 401, ErrMsg: 'unauthorized' });
          return;
        }
      }
      if (options.oauth) {
        const token = /^Bearer (.+)$/.exec(authorization)?.[1];
        if (!token || !validTokens.has(token)) {
          send(401, { ErrCode: 401, ErrMsg: 'bad token' });
          return;
        }
      }
      const answer = answers.shift() ?? {};
      if (answer.destroy) {
        request.socket.destroy();
        return;
      }
      send(answer.status ?? 200, answer.body ?? { ErrCode: 0, ErrMsg: '' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    pushes,
    tokenRequests,
    answers,
    validTokens,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
