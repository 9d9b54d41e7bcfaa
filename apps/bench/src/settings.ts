/**
 * The bench's knobs, read once from the environment and validated. Defaults keep the whole
 * run at about three minutes on two cores. Set them when running the bench directly
 * (`pnpm --filter @tccc-kit/bench bench`); turbo's strict env mode does not pass them on.
 */

export interface BenchSettings {
  /** Concurrent callers in the throughput runs (autocannon connections, SDK loops). */
  connections: number;
  /** Interleaved throughput rounds; each ratio is the median of the per-round ratios. */
  rounds: number;
  /** Length of each measured throughput run (one per side, per concurrency, per round). */
  loadSeconds: number;
  /** Unmeasured run of each side before the first round (JIT, connection pools). */
  warmUpSeconds: number;
  /** Cold starts per server; the median is reported. */
  coldStartRuns: number;
  /** Page loads per variant in Chromium; the median is reported. */
  browserRuns: number;
  /** Agents asking for a token at shift start, spread evenly over `shiftSpreadMs`. */
  shiftAgents: number;
  shiftSpreadMs: number;
  /** Agents at the scale-out shift start (spread over `shiftSpreadMs`); 0 skips it. */
  scaleAgents: number;
  /** Server instances at the scale-out shift start. */
  scaleInstances: number;
  /** Seconds of calls and Data Pushes between the mock's two memory readings; 0 skips it. */
  pushSeconds: number;
  /** Where the report goes, relative to apps/bench; `undefined` prints only. */
  docsPath: string | undefined;
}

export const DEFAULT_DOCS_PATH = '../../docs/benchmarks.md';

export class BenchSettingsError extends Error {
  override readonly name = 'BenchSettingsError';
}

export function readSettings(env: Readonly<Record<string, string | undefined>>): BenchSettings {
  const problems: string[] = [];
  const integer = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name]?.trim();
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!/^\d+$/.test(raw) || value < min || value > max) {
      problems.push(
        `${name} must be a whole number from ${min} to ${max}, got ${JSON.stringify(raw)}`,
      );
      return fallback;
    }
    return value;
  };
  const settings: BenchSettings = {
    connections: integer('BENCH_CONNECTIONS', 10, 1, 1000),
    rounds: integer('BENCH_ROUNDS', 5, 1, 51),
    loadSeconds: integer('BENCH_LOAD_SECONDS', 3, 1, 600),
    warmUpSeconds: integer('BENCH_WARMUP_SECONDS', 2, 1, 60),
    coldStartRuns: integer('BENCH_COLD_START_RUNS', 5, 1, 101),
    browserRuns: integer('BENCH_BROWSER_RUNS', 11, 1, 101),
    shiftAgents: integer('BENCH_SHIFT_AGENTS', 200, 1, 2000),
    shiftSpreadMs: 1000,
    scaleAgents: integer('BENCH_SCALE_AGENTS', 600, 0, 5000),
    scaleInstances: integer('BENCH_SCALE_INSTANCES', 3, 2, 10),
    pushSeconds: integer('BENCH_PUSH_SECONDS', 60, 0, 600),
    docsPath: env.BENCH_NO_DOCS === '1' ? undefined : DEFAULT_DOCS_PATH,
  };
  if (problems.length > 0) {
    throw new BenchSettingsError(
      `Invalid bench settings:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );
  }
  return settings;
}
