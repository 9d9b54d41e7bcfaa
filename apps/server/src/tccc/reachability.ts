/**
 * Whether TCCC is usable, judged from the calls the server makes anyway: no probe of its
 * own, so /readyz costs nothing and never adds to TCCC's 20 calls per second.
 *
 * `trackReachability(issuer, reachability)` wraps the SDK URL issuer (and any other TCCC
 * client can `record` its outcomes the same way). From the calls of the last `windowMs`:
 * - `unreachable`: the last `failuresToFail` calls in a row failed to get an answer
 *   (timeout, network error, TCCC internal error or a broken answer);
 * - `rejected`: TCCC refused the server's credentials or SdkAppId (a configuration to fix);
 * - `reachable`: the last call was answered (a business error such as an unknown seat, or
 *   TCCC's rate limit, counts as answered);
 * - `unknown`: no call in the window. Counted as ready: a server that was taken out of
 *   rotation receives no calls, and must be let back in to find out.
 * Calls a caller abandoned, or that waited too long in the local queue, say nothing.
 *
 * /readyz answers 503 `not_ready` while `unreachable` or `rejected`; /healthz stays 200
 * (the process is alive; restarting it would not bring TCCC back).
 */
import { isTcccApiError } from '@tccc-kit/tccc-client';
import { classifyTcccFailure } from './problems.js';
import type { SdkUrlIssuer } from './routes.js';

export type TcccState = 'reachable' | 'unreachable' | 'rejected' | 'unknown';

/** How one call to TCCC ended, for reachability. */
export type CallOutcome = 'answered' | 'unanswered' | 'rejected' | 'no_evidence';

export interface TcccReachability {
  record(outcome: CallOutcome): void;
  state(): TcccState;
  /** Why the server cannot serve because of TCCC (for the 503), or `undefined`. */
  problem(): string | undefined;
}

export function createTcccReachability(
  options: { windowMs?: number; failuresToFail?: number; now?: () => number } = {},
): TcccReachability {
  const windowMs = options.windowMs ?? 60_000;
  const failuresToFail = options.failuresToFail ?? 3;
  const now = options.now ?? Date.now;
  let last: { outcome: Exclude<CallOutcome, 'no_evidence'>; at: number } | undefined;
  let unansweredInARow = 0;

  const state = (): TcccState => {
    if (!last || now() - last.at > windowMs) return 'unknown';
    if (last.outcome === 'rejected') return 'rejected';
    if (last.outcome === 'unanswered' && unansweredInARow >= failuresToFail) return 'unreachable';
    return 'reachable';
  };

  return {
    record(outcome) {
      if (outcome === 'no_evidence') return;
      unansweredInARow = outcome === 'unanswered' ? unansweredInARow + 1 : 0;
      last = { outcome, at: now() };
    },
    state,
    problem() {
      switch (state()) {
        case 'unreachable':
          return `TCCC did not answer the last ${unansweredInARow} calls (timeouts, network or TCCC errors); SDK URLs cannot be issued. Check the network path to the TCCC endpoint.`;
        case 'rejected':
          return 'TCCC rejected the server configuration (credentials or SdkAppId); SDK URLs cannot be issued. Operator: check TCCC_SECRET_ID, TCCC_SECRET_KEY and TCCC_SDK_APP_ID.';
        default:
          return undefined;
      }
    },
  };
}

/** What a failed TCCC call says about reachability. */
export function outcomeOf(error: unknown): CallOutcome {
  if (!isTcccApiError(error)) return 'no_evidence';
  if (error.code === 'QueueTimeout') return 'no_evidence';
  switch (classifyTcccFailure(error).code) {
    case 'tccc_timeout':
    case 'tccc_unreachable':
    case 'tccc_bad_response':
      return 'unanswered';
    case 'tccc_config_error':
      return 'rejected';
    case 'client_closed_request':
      return 'no_evidence';
    default:
      return 'answered';
  }
}

/** `issuer`, recording the outcome of every call in `reachability`. */
export function trackReachability(
  issuer: SdkUrlIssuer,
  reachability: TcccReachability,
): SdkUrlIssuer {
  return {
    async createSdkUrl(request) {
      try {
        const issued = await issuer.createSdkUrl(request);
        reachability.record('answered');
        return issued;
      } catch (error) {
        reachability.record(outcomeOf(error));
        throw error;
      }
    },
  };
}
