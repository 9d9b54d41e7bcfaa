/**
 * Performing a fault rule: turning it into the Response a route answers with (or a pause).
 * Shared by the cloud API and the SDK host, so every route fails the same way.
 */
import type { FaultRule } from './rules.js';

/** Requests held open by `hang` rules, until the client leaves or the mock resets/closes. */
export interface HeldRequests {
  /** Resolves with Response.error() when released or when `signal` aborts. */
  hold(signal?: AbortSignal): Promise<Response>;
  /** Release every held request; returns how many there were. */
  releaseAll(): number;
  readonly size: number;
}

export function createHeldRequests(): HeldRequests {
  const held = new Set<() => void>();
  return {
    hold(signal) {
      return new Promise<Response>((resolve) => {
        const release = () => {
          held.delete(release);
          signal?.removeEventListener('abort', release);
          resolve(Response.error());
        };
        if (signal?.aborted) return release();
        held.add(release);
        signal?.addEventListener('abort', release, { once: true });
      });
    },
    releaseAll() {
      const count = held.size;
      for (const release of [...held]) release();
      return count;
    },
    get size() {
      return held.size;
    },
  };
}

export type RenderFaultError = (code: string, message: string) => Response | Promise<Response>;

export interface PerformFaultOptions {
  held: HeldRequests;
  /** The request's signal: a delayed or hung request ends when the client gives up. */
  signal?: AbortSignal | undefined;
  /** How an `error` rule answers on this route; defaults to HTTP 500 `{error:{code,message}}`. */
  renderError?: RenderFaultError | undefined;
}

const defaultRenderError: RenderFaultError = (code, message) =>
  Response.json({ error: { code, message } }, { status: 500 });

function sleep(ms: number, signal?: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve(false);
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Perform a rule. Resolves with the Response to answer, or null when the request should
 * now be handled normally (after a `delay`).
 */
export async function performFault(
  rule: FaultRule,
  options: PerformFaultOptions,
): Promise<Response | null> {
  switch (rule.kind) {
    case 'delay':
      return (await sleep(rule.ms, options.signal)) ? null : Response.error();
    case 'hang':
      return options.held.hold(options.signal);
    case 'drop':
      return Response.error();
    case 'status': {
      const { body, status } = rule;
      if (typeof body === 'string') {
        return new Response(body, {
          status,
          headers: { 'content-type': 'text/plain; charset=utf-8' },
        });
      }
      return Response.json(
        body ?? {
          error: { code: 'InjectedFault', message: `HTTP ${status} injected by a fault rule` },
        },
        { status },
      );
    }
    case 'error':
      return (options.renderError ?? defaultRenderError)(
        rule.code,
        rule.message ?? `${rule.code} injected by a fault rule`,
      );
    case 'duplicate':
    case 'reorder':
    case 'unreachable':
      // Push-only kinds (parseFaultRule keeps them off request targets): nothing to do here.
      return null;
  }
}
