import { type AddressInfo, connect, createServer, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { lingerThenClose, rawAnswer } from './answer.js';

describe('rawAnswer', () => {
  it('writes a complete HTTP/1.1 answer that closes the connection', () => {
    expect(
      rawAnswer(400, { contentType: 'application/json', body: '{"é":1}' }, { Allow: 'GET' }),
    ).toBe(
      'HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\nContent-Length: 8\r\nCache-Control: no-store\r\nAllow: GET\r\nConnection: close\r\n\r\n{"é":1}',
    );
  });
});

describe('lingerThenClose', () => {
  let server: Server | undefined;
  afterEach(() => server?.close());

  /** A raw TCP pair: the server side lingers as soon as the client connects. */
  async function pair(options: Parameters<typeof lingerThenClose>[1]) {
    const listening = createServer();
    server = listening;
    const closed = new Promise<number>((resolve) => {
      listening.on('connection', (socket: Socket) => {
        const started = Date.now();
        socket.write('answer');
        lingerThenClose(socket, options);
        socket.once('close', () => resolve(Date.now() - started));
      });
    });
    await new Promise<void>((resolve) => listening.listen(0, '127.0.0.1', resolve));
    const client = connect({
      port: (listening.address() as AddressInfo).port,
      host: '127.0.0.1',
      allowHalfOpen: true,
    });
    client.on('error', () => {});
    let received = '';
    client.on('data', (chunk) => {
      received += chunk;
    });
    const ended = new Promise<void>((resolve) => client.once('end', resolve));
    await new Promise((resolve) => client.once('connect', resolve));
    return { client, closed, ended, received: () => received };
  }

  it('sends the answer and FIN, then closes when the client ends its side', async () => {
    const { client, closed, ended, received } = await pair({ idleMs: 10_000 });
    await ended;
    expect(received()).toBe('answer');
    client.write('still sending');
    client.end();
    expect(await closed).toBeLessThan(5_000);
  });

  it('closes a client that keeps the connection open but silent after idleMs', async () => {
    const { closed, client } = await pair({ idleMs: 50, lingerMs: 10_000 });
    expect(await closed).toBeLessThan(5_000);
    client.destroy();
  });

  it('closes a client that keeps sending after lingerMs', async () => {
    const { client, closed } = await pair({ idleMs: 1_000, lingerMs: 100 });
    const timer = setInterval(() => client.write('x'), 10);
    expect(await closed).toBeGreaterThanOrEqual(90);
    clearInterval(timer);
    client.destroy();
  });
});
