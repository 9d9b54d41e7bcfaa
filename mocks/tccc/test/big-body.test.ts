/**
 * A 10 MB body to each surface of the standalone mock, from a client that sends the whole body
 * before reading (as Python's http.client does): the answer arrives every time, never a reset.
 * Each surface refuses the body at its cap without reading it: the cloud API with
 * RequestSizeLimitExceeded (1 MiB), the control plane and the SDK host with 413.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MockTcccServer, startMockTcccServer } from '../src/serve/server.js';
import { sendWholeBodyThenRead } from './whole-body-client.js';

const TEN_MB = 10 * 1024 * 1024;
let server: MockTcccServer;
beforeAll(async () => {
  server = await startMockTcccServer();
});
afterAll(() => server.close());

const head = (path: string, headers: string[]) =>
  [`POST ${path} HTTP/1.1`, 'Host: 127.0.0.1', 'Content-Type: application/json', ...headers].join(
    '\r\n',
  );

describe('a 10 MB body', () => {
  it('to the cloud API gets RequestSizeLimitExceeded, five times out of five', async () => {
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const result = await sendWholeBodyThenRead(
        server.port,
        head('/', ['X-TC-Action: CreateSDKLoginToken', 'X-TC-Version: 2020-02-10']),
        TEN_MB,
      );
      expect(result).toMatchObject({ ok: true, status: 200 });
      if (result.ok) {
        expect(JSON.parse(result.body).Response.Error.Code).toBe('RequestSizeLimitExceeded');
      }
    }
  });

  it('to the control plane gets 413 body_too_large', async () => {
    const result = await sendWholeBodyThenRead(
      server.port,
      head('/__tccc/faults', [`X-TCCC-Control-Token: ${server.controlToken}`]),
      TEN_MB,
    );
    expect(result).toMatchObject({ ok: true, status: 413 });
    if (result.ok) expect(JSON.parse(result.body).error.code).toBe('body_too_large');
  });

  it('to the SDK host gets 413', async () => {
    const result = await sendWholeBodyThenRead(server.port, head('/sdk/session', []), TEN_MB);
    expect(result).toMatchObject({ ok: true, status: 413 });
  });

  it('leaves the mock answering', async () => {
    const clock = await fetch(`${server.url}/__tccc/clock`, {
      headers: { 'x-tccc-control-token': server.controlToken },
    });
    expect(clock.status).toBe(200);
  });
});
