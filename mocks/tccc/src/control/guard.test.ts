/** The control plane's door: the control token, JSON bodies, and the off switch. */
import { describe, expect, it } from 'vitest';
import { createMockTccc } from '../mock.js';

const mock = createMockTccc();
const url = (path: string) => `http://127.0.0.1:4000${path}`;
const token = { 'x-tccc-control-token': mock.controlToken };

async function error(response: Response) {
  return ((await response.json()) as { error: { code: string; message: string } }).error;
}

describe('control token', () => {
  it('is generated per mock, long and random, unless configured', () => {
    const other = createMockTccc();
    expect(mock.controlToken).toMatch(/^[\w-]{43}$/);
    expect(other.controlToken).not.toBe(mock.controlToken);
    const configured = createMockTccc({ controlToken: 'ci-control-token-0123' });
    expect(configured.controlToken).toBe('ci-control-token-0123');
    expect(() => createMockTccc({ controlToken: 'short' })).toThrow(/controlToken must be 16/);
  });

  it.each([
    ['GET', '/__tccc/tokens'],
    ['POST', '/__tccc/tokens'],
    ['POST', '/__tccc/reset'],
    ['GET', '/__tccc/state'],
    ['POST', '/__tccc/calls/inbound'],
    ['GET', '/__tccc/no-such-route'],
  ])('refuses %s %s without it (401 control_token_required)', async (method, path) => {
    const response = await mock.app.request(url(path), { method });
    expect(response.status).toBe(401);
    const { code, message } = await error(response);
    expect(code).toBe('control_token_required');
    expect(message).toContain('X-TCCC-Control-Token');
  });

  it('refuses a wrong token without saying the right one', async () => {
    const response = await mock.app.request(url('/__tccc/tokens'), {
      headers: { 'x-tccc-control-token': `${mock.controlToken}x` },
    });
    expect(response.status).toBe(401);
    const text = await response.text();
    expect(JSON.parse(text).error.code).toBe('control_token_invalid');
    expect(text).not.toContain(mock.controlToken);
  });

  it('lets a request with the token through', async () => {
    const response = await mock.app.request(url('/__tccc/clock'), { headers: token });
    expect(response.status).toBe(200);
  });

  it('does not guard the cloud API or the SDK host', async () => {
    expect((await mock.app.request(url('/sdk/tccc.js'))).status).toBe(200);
    const api = await mock.app.request(url('/'), { method: 'POST' });
    expect(api.status).toBe(200);
  });
});

describe('JSON bodies', () => {
  it('refuses the cross-site text/plain POST a web page can send, even with the token', async () => {
    const response = await mock.app.request(url('/__tccc/tokens'), {
      method: 'POST',
      headers: { ...token, 'content-type': 'text/plain' },
      body: JSON.stringify({ seatUserId: 'agent@example.com' }),
    });
    expect(response.status).toBe(415);
    expect((await error(response)).code).toBe('unsupported_media_type');
    expect(mock.tokens()).toEqual([]);
  });

  it.each([
    ['a form', { 'content-type': 'application/x-www-form-urlencoded' }, 'seatUserId=a'],
    ['a body with no content type', { 'content-length': '2' }, '{}'],
  ])('refuses %s with 415', async (_name, headers, body) => {
    const response = await mock.app.request(url('/__tccc/reset'), {
      method: 'POST',
      headers: { ...token, ...headers },
      body,
    });
    expect(response.status).toBe(415);
  });

  it('takes JSON with a charset, and bodiless POSTs', async () => {
    const issued = await mock.app.request(url('/__tccc/tokens'), {
      method: 'POST',
      headers: { ...token, 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify({ seatUserId: 'agent@example.com' }),
    });
    expect(issued.status).toBe(201);
    const reset = await mock.app.request(url('/__tccc/reset'), { method: 'POST', headers: token });
    expect(reset.status).toBe(200);
  });
});

describe('controlPlane: false', () => {
  it('answers 404 control_plane_off to every control route, token or not', async () => {
    const embedded = createMockTccc({ controlPlane: false });
    const withToken: Record<string, string>[] = [
      {},
      { 'x-tccc-control-token': embedded.controlToken },
    ];
    for (const headers of withToken) {
      const response = await embedded.app.request(url('/__tccc/tokens'), {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify({ seatUserId: 'agent@example.com' }),
      });
      expect(response.status).toBe(404);
      expect((await error(response)).code).toBe('control_plane_off');
    }
    expect(embedded.tokens()).toEqual([]);
    expect((await embedded.app.request(url('/sdk/tccc.js'))).status).toBe(200);
  });
});
