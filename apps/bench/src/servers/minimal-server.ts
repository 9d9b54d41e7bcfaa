/**
 * Child process: the minimal server, a reference for the throughput rows. It is what any
 * server has to do to hand out SDK URLs and nothing more: `node:http`, one route, and the
 * same `@tccc-kit/tccc-client` configured as in our bench server (lib/rig.ts:
 * BENCH_TOKEN_CLIENT). No sign-in, no security headers, no request ids, no body checks, no
 * cancel-on-disconnect, no logging: none of what `createApp` adds.
 *
 * It splits "our p50 vs the floor" in two: minimal vs floor is the price of one more
 * process and one more HTTP exchange on this machine; ours vs minimal is the price of our
 * HTTP stack (Hono and the app's middleware).
 *
 * argv[2]: JSON {mockUrl, seat, tokenClient}: every SDK URL is for `seat`; `tokenClient` is
 * lib/rig.ts's BENCH_TOKEN_CLIENT, the same as our bench server's. Listens on 127.0.0.1,
 * port 0; reports `{ url }` over IPC, then answers the bench's CPU samples (cpu-probe.ts).
 * `POST /api/tccc/sdk-url` answers `200 {sdkUrl, expiresAt}` (502 on a TCCC failure);
 * anything else 404.
 */
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createTcccClient } from '@tccc-kit/tccc-client';
import type { BenchTokenClient } from '../lib/rig.js';
import { answerCpuSamples } from './cpu-probe.js';

const args = JSON.parse(process.argv[2] ?? '{}') as {
  mockUrl: string;
  seat: string;
  tokenClient: BenchTokenClient;
};
const tokens = createTcccClient({ ...args.tokenClient, endpoint: args.mockUrl });

const answer = (res: ServerResponse, status: number, body: Record<string, unknown>) => {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
  });
  res.end(text);
};

const server = createServer((req, res) => {
  req.resume();
  if (req.method !== 'POST' || req.url !== '/api/tccc/sdk-url') {
    answer(res, 404, { code: 'not_found' });
    return;
  }
  tokens.createSdkUrl({ seatUserId: args.seat }).then(
    (issued) =>
      answer(res, 200, { sdkUrl: issued.sdkUrl, expiresAt: issued.expiresAt.toISOString() }),
    () => answer(res, 502, { code: 'tccc_error' }),
  );
});
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  process.send?.({ url: `http://127.0.0.1:${port}` });
});
answerCpuSamples();
process.once('SIGTERM', () => {
  server.close(() => process.exit(0));
  server.closeAllConnections();
});
