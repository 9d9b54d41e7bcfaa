/**
 * The call-record rows of the table and their method text: push acknowledgement latency
 * against the ack-only receiver, and reconciliation of 10 000 CDRs against the 20/s floor.
 */
import { PUSH_CONCURRENCY, type PushSideSummary, summarisePushAck } from '../phases/push-ack.js';
import { RECONCILE_PAGE_SIZE, type ReconcileRun } from '../phases/reconcile.js';
import type { RecordsResults } from '../phases/records.js';
import { formatMs, formatRatio, formatSeconds } from './results.js';
import type { Row } from './rows.js';

/** Most a reconciliation may take, as a multiple of its floor (pages / 20 per second). */
export const RECONCILE_TARGET = 1.2;

const groupDigits = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');

function pushRows(store: string, side: PushSideSummary, ackOnly: { p50: number; p99: number }) {
  const failed = side.failed > 0 ? `; ${side.failed} failed` : '';
  return (['p50', 'p99'] as const).map(
    (p): Row => ({
      measure: `Push acknowledgement ${p}, ${PUSH_CONCURRENCY} concurrent, ${store}`,
      ours: `${formatMs(side[p].median)} (${Math.round(side.rps.median)} pushes/s${failed})`,
      baseline: `ack-only ${formatMs(ackOnly[p])}`,
      ratio: formatRatio((p === 'p50' ? side.p50VsAckOnly : side.p99VsAckOnly).median, 'ack-only'),
      target: '- (the price of storing before answering)',
      met: undefined,
    }),
  );
}

export function reconcileMet(run: ReconcileRun, cdrs: number, floorMs: number): boolean {
  return (
    run.error === undefined &&
    run.inserted === cdrs &&
    run.mock.limited === 0 &&
    run.reconcileMs / floorMs <= RECONCILE_TARGET
  );
}

export function recordsRows(records: RecordsResults): Row[] {
  const push = summarisePushAck(records.pushAck);
  const ackOnly = { p50: push.ackOnly.p50.median, p99: push.ackOnly.p99.median };
  const { reconcile } = records;
  const floor = `floor ${formatSeconds(reconcile.floorMs)}`;
  const skipped = (measure: string, why: string): Row => ({
    measure,
    ours: `skipped: ${why}`,
    baseline: '-',
    ratio: '-',
    target: '-',
    met: undefined,
  });
  return [
    ...pushRows('SQLite', push.sqlite, ackOnly),
    ...(push.postgres
      ? pushRows('PostgreSQL', push.postgres, ackOnly)
      : [
          skipped(
            `Push acknowledgement, ${PUSH_CONCURRENCY} concurrent, PostgreSQL`,
            'skipped' in records.pushAck.postgres ? records.pushAck.postgres.skipped : '',
          ),
        ]),
    ...reconcile.runs.map(
      (run): Row => ({
        measure: `Reconciliation: ${groupDigits(reconcile.cdrs)} CDRs, DescribeTelCdr at 20/s, ${run.store}`,
        ours:
          `${run.inserted}/${reconcile.cdrs} stored in ${formatSeconds(run.reconcileMs)} ` +
          `(${run.pages} pages; mock: ${run.mock.limited} RequestLimitExceeded, busiest 1 s ${run.mock.busiestSecond})` +
          (run.error ? `; stopped: ${run.error}` : ''),
        baseline: floor,
        ratio: formatRatio(run.reconcileMs / reconcile.floorMs, 'floor'),
        target: `all stored, 0 limited, <= ${RECONCILE_TARGET}x floor`,
        met: reconcileMet(run, reconcile.cdrs, reconcile.floorMs),
      }),
    ),
    ...(reconcile.postgresSkipped
      ? [
          skipped(
            `Reconciliation: ${groupDigits(reconcile.cdrs)} CDRs, PostgreSQL`,
            reconcile.postgresSkipped,
          ),
        ]
      : []),
  ];
}

const times = (ratio: number) => `${ratio.toFixed(2)}x`;

/** The method paragraph of docs/benchmarks.md for these rows. */
export function recordsMethod(records: RecordsResults, loadSeconds: number, rounds: number) {
  const push = summarisePushAck(records.pushAck);
  const side = (name: string, s: PushSideSummary | undefined) =>
    s
      ? `${name}: p50 ${formatMs(s.p50.median)}, p99 ${formatMs(s.p99.median)}, ` +
        `${Math.round(s.rps.median)} pushes/s, per-round p50 ratios ${s.p50VsAckOnly.values.map(times).join(', ')}, ` +
        `p99 ratios ${s.p99VsAckOnly.values.map(times).join(', ')}, ${s.failed} failed`
      : `${name}: skipped`;
  const { reconcile } = records;
  const runs = reconcile.runs
    .map(
      (run) =>
        `${run.store}: ${run.inserted} stored of ${run.found} found in ${formatMs(run.reconcileMs)} ` +
        `(${formatMs(run.wallMs)} from spawn to exit), ${run.pages} pages, ${run.mock.requests} requests ` +
        `at the mock, ${run.mock.limited} RequestLimitExceeded, busiest second ${run.mock.busiestSecond}`,
    )
    .join('; ');
  return `- **Push acknowledgement**: ${PUSH_CONCURRENCY} closed loops in the bench process push
  distinct CDRs (a CDR the mock generated, ${records.pushAck.bodyBytes} B, each with its own
  SessionId and X-TCCC-PUSH-UUID) to \`POST /tccc/push?action=cdr&version=1\` of \`node
  dist/main.js\` (HTTP Basic, per-source limit lifted, schedule off), storing in SQLite and in
  PostgreSQL (${'where' in records.pushAck.postgres ? records.pushAck.postgres.where : records.pushAck.postgres.skipped}),
  and to the ack-only receiver (\`servers/ack-only-receiver.ts\`: reads and parses the body and
  answers ErrCode 0, storing nothing): what any receiver pays for the HTTP exchange of the same
  body on this machine, so the ratio is the price of answering only once the record is durably
  stored (auth, validation, the commit, the receipt, the log line). ${rounds} rounds of
  ${loadSeconds} s per receiver in rotating order after one warm-up each; latency is the time to
  a 200 with ErrCode 0. Ack-only: p50 ${formatMs(push.ackOnly.p50.median)}, p99
  ${formatMs(push.ackOnly.p99.median)}, ${Math.round(push.ackOnly.rps.median)} pushes/s.
  ${side('SQLite', push.sqlite)}. ${side('PostgreSQL', push.postgres)}.
- **Reconciliation**: the mock enforces TCCC's 20 requests/s and counts what it sees; it gets
  ${reconcile.cdrs} CDRs over two hours in bulk (\`POST /__tccc/cdrs\`, \`generate\`, not
  timed), and the server's \`reconcile\` command (\`node dist/records/reconcile-main.js --from
  --to --json\`, an empty store) pages them in (pages of ${RECONCILE_PAGE_SIZE}). Floor:
  ${Math.ceil(reconcile.cdrs / RECONCILE_PAGE_SIZE)} pages at 20 per second, ${formatMs(reconcile.floorMs)}.
  Ours: the command's own report, first request to last record stored. Target: every record
  stored, no RequestLimitExceeded, within ${RECONCILE_TARGET}x the floor. ${runs}.${
    reconcile.postgresSkipped ? ` PostgreSQL skipped: ${reconcile.postgresSkipped}.` : ''
  }`;
}
