/**
 * DescribeTelCdr answered in-process through msw, in TCCC's envelope, until the mock TCCC
 * serves that action from its own state. The real SDK signs and sends; this reads the
 * request TCCC would read (X-TC-Action, the JSON body) and pages `records` the way the
 * API documents: 0-based PageNumber, PageSize <= 100, records whose StartTimestamp lies in
 * [StartTimeStamp, EndTimeStamp], oldest first [unconfirmed order].
 *
 * Other actions fall through to the next handler (the mock's).
 */
import { randomUUID } from 'node:crypto';
import { HttpResponse, http } from 'msw';
import type { TelCdrInfo } from '../../src/ccc-sdk.js';

export interface TelCdrStandIn {
  handler: ReturnType<typeof http.post>;
  /** The bodies of the DescribeTelCdr requests received, in order. */
  requests: Record<string, unknown>[];
  /** Answer the next `times` requests with this TCCC error (then serve normally). */
  failNext(code: string, times?: number): void;
  /** Answer the next request with this `Response` object instead of a page. */
  answerNextWith(response: Record<string, unknown>): void;
}

const envelope = (response: Record<string, unknown>) =>
  HttpResponse.json({ Response: { ...response, RequestId: randomUUID() } });

export function telCdrStandIn(
  records: readonly TelCdrInfo[],
  endpoint = 'https://ccc.tencentcloudapi.com/',
): TelCdrStandIn {
  const requests: Record<string, unknown>[] = [];
  const failures: string[] = [];
  const answers: Record<string, unknown>[] = [];
  const sorted = [...records].sort(
    (a, b) => (a.StartTimestamp ?? 0) - (b.StartTimestamp ?? 0) || 0,
  );

  const handler = http.post(endpoint, async ({ request }) => {
    if (request.headers.get('x-tc-action') !== 'DescribeTelCdr') return undefined;
    const body = (await request.json()) as Record<string, unknown>;
    requests.push(body);
    const failure = failures.shift();
    if (failure) return envelope({ Error: { Code: failure, Message: `stand-in ${failure}` } });
    const answer = answers.shift();
    if (answer) return envelope(answer);
    const [start, end, size, number] = [
      body.StartTimeStamp,
      body.EndTimeStamp,
      body.PageSize,
      body.PageNumber,
    ].map(Number) as [number, number, number, number];
    if (!(size >= 1 && size <= 100)) {
      return envelope({
        Error: { Code: 'InvalidParameterValue', Message: 'PageSize must be 1..100' },
      });
    }
    const inWindow = sorted.filter(
      (cdr) => (cdr.StartTimestamp ?? 0) >= start && (cdr.StartTimestamp ?? 0) <= end,
    );
    const page = inWindow.slice(number * size, (number + 1) * size);
    return envelope({ TotalCount: inWindow.length, TelCdrList: page });
  });

  return {
    handler,
    requests,
    failNext(code, times = 1) {
      for (let i = 0; i < times; i++) failures.push(code);
    },
    answerNextWith(response) {
      answers.push(response);
    },
  };
}

/** A CDR shaped like the one in TCCC's DescribeTelCdr example, varied by `index`. */
export function sampleCdr(index: number, startTimestamp: number): TelCdrInfo {
  return {
    SessionId: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
    Caller: '0086075500000',
    Callee: `008613${String(index).padStart(9, '0')}`,
    Direction: index % 2,
    CallType: index % 2 ? 1 : 2,
    Duration: 8,
    StartTimestamp: startTimestamp,
    Time: startTimestamp,
    RingTimestamp: startTimestamp + 15,
    AcceptTimestamp: startTimestamp + 16,
    EndedTimestamp: startTimestamp + 24,
    EndStatus: 1,
    EndStatusString: 'ok',
    HungUpSide: 'seat',
    SeatUser: {
      Mail: 'agent@example.com',
      Name: 'Agent',
      StaffNumber: '1',
      UserId: 'agent@example.com',
    },
    ServeParticipants: [],
  };
}
