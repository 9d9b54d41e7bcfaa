/**
 * A loopback HTTP server that answers the TCCC cloud API's `DescribeTelCdr` from a list of
 * records, in TCCC's envelope, for the reconciler's tests while the mock TCCC does not
 * serve that action yet. The real SDK signs and sends to it (signatures are not checked:
 * that is the mock's job); it pages as the API documents (0-based PageNumber, PageSize
 * <= 100, records whose StartTimestamp is in [StartTimeStamp, EndTimeStamp], oldest first
 * [unconfirmed order]), enforces 20 requests per second per action like TCCC
 * (RequestLimitExceeded), and records when each request arrived.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TelCdrInfo } from '@tccc-kit/tccc-client';

export interface TelCdrServer {
  /** http://127.0.0.1:PORT: pass as the TCCC client's `endpoint`. */
  url: string;
  /** The records it serves; change it between runs. */
  records: TelCdrInfo[];
  /** Arrival times (ms, performance.now) of DescribeTelCdr requests. */
  arrivals: number[];
  /** Requests refused with RequestLimitExceeded. */
  limited: number;
  /** Answer the next `times` requests with this TCCC error code. */
  failNext(code: string, times?: number): void;
  close(): Promise<void>;
}

export async function startTelCdrServer(records: TelCdrInfo[] = []): Promise<TelCdrServer> {
  const failures: string[] = [];
  const state = { records, arrivals: [] as number[], limited: 0 };

  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const answer = (body: Record<string, unknown>) => {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ Response: { ...body, RequestId: randomUUID() } }));
      };
      const error = (code: string, message: string) =>
        answer({ Error: { Code: code, Message: message } });
      if (request.headers['x-tc-action'] !== 'DescribeTelCdr') {
        return error('UnsupportedOperation', 'this stand-in answers DescribeTelCdr only');
      }
      const at = performance.now();
      // TCCC's limit: 20 per second per action (a sliding second, as the mock counts).
      if (state.arrivals.filter((t) => t > at - 1000).length >= 20) {
        state.limited += 1;
        return error('RequestLimitExceeded', 'more than 20 requests in a second');
      }
      state.arrivals.push(at);
      const failure = failures.shift();
      if (failure) return error(failure, `stand-in ${failure}`);
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, number>;
      const { StartTimeStamp = 0, EndTimeStamp = 0, PageSize = 0, PageNumber = 0 } = body;
      if (!(PageSize >= 1 && PageSize <= 100) || PageNumber < 0) {
        return error('InvalidParameterValue', 'PageSize must be 1..100, PageNumber >= 0');
      }
      const inWindow = state.records
        .filter((cdr) => {
          const start = cdr.StartTimestamp ?? 0;
          return start >= StartTimeStamp && start <= EndTimeStamp;
        })
        .sort((a, b) => (a.StartTimestamp ?? 0) - (b.StartTimestamp ?? 0));
      answer({
        TotalCount: inWindow.length,
        TelCdrList: inWindow.slice(PageNumber * PageSize, (PageNumber + 1) * PageSize),
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    get records() {
      return state.records;
    },
    set records(value) {
      state.records = value;
    },
    get arrivals() {
      return state.arrivals;
    },
    get limited() {
      return state.limited;
    },
    failNext(code, times = 1) {
      for (let i = 0; i < times; i++) failures.push(code);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
