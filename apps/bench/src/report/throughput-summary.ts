/**
 * The throughput rounds boiled down for the report. Each side's own figure is the median
 * over the rounds; each ratio is the median of the per-round ratios (both sides of a
 * ratio measured in the same round, seconds apart), with its range across rounds. The
 * two medians need not divide into each other exactly.
 */
import type { LoadResult } from '../lib/load.js';
import { type Spread, spread } from '../lib/rounds.js';
import type { Side, SideRuns, ThroughputResults } from '../phases/throughput.js';

/** TCCC's own limit on CreateSDKLoginToken, per SecretId. */
export const TCCC_TOKENS_PER_SECOND = 20;

export interface SideSummary {
  rps: Spread;
  p50: Spread;
  p99: Spread;
  /** Server CPU µs per token request (ours and the minimal server; NaN for the others). */
  cpuPerRequest: Spread;
  /** Summed over the rounds. */
  failed: number;
}

export interface ConcurrencySummary {
  sides: Record<Side, SideSummary>;
  /** ours / baseline, per round. */
  rps: Spread;
  p50: Spread;
  p99: Spread;
  /** ours p50 / floor p50, per round. */
  p50VsFloor: Spread;
  /** minimal server p50 / floor p50, per round: the price of the extra process and hop. */
  minimalVsFloor: Spread;
  /** ours p50 / minimal server p50, per round: the price of our HTTP stack. */
  oursVsMinimal: Spread;
  /** ours CPU per request / minimal server CPU per request, per round. */
  cpuOursVsMinimal: Spread;
  /** floor rps / ours rps, per round: above 1, the mock keeps up with our server. */
  mockOverOurs: Spread;
}

export interface ThroughputSummary {
  rounds: number;
  loaded: ConcurrencySummary;
  single: ConcurrencySummary;
}

/** Server CPU µs per successful token request in one run; NaN when the side has no server. */
export function cpuPerRequest(run: LoadResult): number {
  return run.serverCpuMicros === undefined || run.ok === 0
    ? Number.NaN
    : run.serverCpuMicros / run.ok;
}

function summariseConcurrency(runsPerRound: readonly SideRuns[]): ConcurrencySummary {
  const side = (name: Side): SideSummary => {
    const runs = runsPerRound.map((round) => round[name]);
    const of = (pick: (run: LoadResult) => number) => spread(runs.map(pick));
    return {
      rps: of((run) => run.rps),
      p50: of((run) => run.p50),
      p99: of((run) => run.p99),
      cpuPerRequest: of(cpuPerRequest),
      failed: runs.reduce((sum, run) => sum + run.failed, 0),
    };
  };
  const ratio = (pick: (round: SideRuns) => number) => spread(runsPerRound.map(pick));
  return {
    sides: {
      baseline: side('baseline'),
      ours: side('ours'),
      minimal: side('minimal'),
      floor: side('floor'),
    },
    rps: ratio((t) => t.ours.rps / t.baseline.rps),
    p50: ratio((t) => t.ours.p50 / t.baseline.p50),
    p99: ratio((t) => t.ours.p99 / t.baseline.p99),
    p50VsFloor: ratio((t) => t.ours.p50 / t.floor.p50),
    minimalVsFloor: ratio((t) => t.minimal.p50 / t.floor.p50),
    oursVsMinimal: ratio((t) => t.ours.p50 / t.minimal.p50),
    cpuOursVsMinimal: ratio((t) => cpuPerRequest(t.ours) / cpuPerRequest(t.minimal)),
    mockOverOurs: ratio((t) => t.floor.rps / t.ours.rps),
  };
}

export function summariseThroughput(results: ThroughputResults): ThroughputSummary {
  return {
    rounds: results.rounds.length,
    loaded: summariseConcurrency(results.rounds.map((round) => round.loaded)),
    single: summariseConcurrency(results.rounds.map((round) => round.single)),
  };
}
