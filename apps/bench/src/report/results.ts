/** Everything one run of the bench measured, and the figures' formatting. */
import type { BrowserResults } from '../phases/browser.js';
import type { CdrPageResults } from '../phases/cdr-pages.js';
import type { ColdStartResults } from '../phases/cold-start.js';
import type { ConsoleResults } from '../phases/console.js';
import type { PushResults } from '../phases/push.js';
import type { RecordsResults } from '../phases/records.js';
import type { ScaleOutResults } from '../phases/scale-out.js';
import type { ShiftStartResults } from '../phases/shift-start.js';
import type { Size } from '../phases/sizes.js';
import type { ThroughputResults } from '../phases/throughput.js';
import type { BenchSettings } from '../settings.js';

export interface BenchResults {
  settings: BenchSettings;
  startedAt: Date;
  durationMs: number;
  /**
   * The machine's load average (1, 5 and 15 minutes) when the run started and ended: the
   * other work the bench competed with for the cores.
   */
  loadAverage: { start: number[]; end: number[] };
  sizes: { loader: Size; loaderAll: Size; fakeSdk: Size };
  browser: BrowserResults;
  /** The agent console: its initial JavaScript, and Connect to Ready against a bare page. */
  console: ConsoleResults;
  coldStart: ColdStartResults;
  throughput: ThroughputResults;
  shiftStart: ShiftStartResults;
  scaleOut: ScaleOutResults;
  /** DescribeTelCdr pages over 100 000 stored CDRs vs CreateSDKLoginToken, same mock. */
  cdrPages: CdrPageResults;
  /** Data Push under call load: pushes/s to a local receiver, mock memory before and after. */
  push: PushResults;
  /** Data Push acknowledgement latency and reconciliation of 10 000 CDRs (call records). */
  records: RecordsResults;
}

export const formatMs = (ms: number): string =>
  Number.isNaN(ms) ? 'n/a' : ms < 100 ? `${ms.toFixed(1)} ms` : `${Math.round(ms)} ms`;
/** CPU time per request, in µs. */
export const formatMicros = (us: number): string =>
  Number.isNaN(us) ? 'n/a' : `${Math.round(us)} µs`;
/** "3.38, 12.52, 17.69" (1, 5 and 15 minutes). */
export const formatLoad = (load: readonly number[]): string =>
  load.map((value) => value.toFixed(2)).join(', ');
export const formatSeconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
export const formatRps = (rps: number): string => `${Math.round(rps)} req/s`;
export const formatBytes = (bytes: number): string => `${bytes} B`;
export const formatRatio = (ratio: number, of: string): string =>
  Number.isFinite(ratio) ? `${ratio.toFixed(2)}x ${of}` : 'n/a';
