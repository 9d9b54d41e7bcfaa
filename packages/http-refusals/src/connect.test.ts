import { afterEach, describe, expect, it } from 'vitest';
import { closeAll, exchange, render, startServer } from '../test/support.js';
import { refuseConnect } from './connect.js';

afterEach(closeAll);

describe('refuseConnect', () => {
  it('answers CONNECT with 405 and Allow instead of a silent close', async () => {
    const { port } = await startServer(
      (_request, response) => response.end('reached'),
      (server) => refuseConnect(server, { render, allow: 'GET, POST' }),
    );
    const answer = await exchange(
      port,
      'CONNECT internal.example:443 HTTP/1.1\r\nHost: internal.example:443\r\n\r\n',
    );
    expect([answer.status, answer.headers.allow, answer.headers.connection]).toEqual([
      405,
      'GET, POST',
      'close',
    ]);
    expect(answer.refusal).toEqual({
      kind: 'method_not_allowed',
      status: 405,
      method: 'CONNECT',
      allow: 'GET, POST',
    });
  });
});
