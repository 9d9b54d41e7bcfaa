/**
 * The Data Push sender: when a call ends and its CDR is stored, the app's receiver gets it
 * as TCCC sends it (tccc-reference.md §6.1): `POST url?action=cdr&version=1` with the CDR,
 * then one `?action=record&version=1` per recorded leg; JSON
 * (`Content-Type: application/json;charset=utf8`, TCCC's spelling), header
 * `X-TCCC-PUSH-UUID` (the same on every retry), the app's auth (none, Basic, or an OAuth 2.0
 * bearer token, oauth.ts). Success is a 2xx answer whose JSON has `ErrCode: 0`; anything
 * else is retried at most `maxRetries` (3) times, `retryDelaysMs` apart on the MOCK clock.
 *
 * Every push and attempt goes into the journal (`store.pushes`): status, ErrCode, the error
 * in words, duration; never a credential. Outcomes: delivered, failed (retries spent), dropped
 * (a `drop` fault, or the queue was full).
 *
 *   call ends --> cdrStored() --> journal (pending) --> fault? --> ready --> in flight (<= concurrency)
 *                                                     drop: dropped     \--> retry wait (mock clock)
 *                                                     delay/reorder: held
 *
 * Never blocks the call lifecycle: `cdrStored` only enqueues; sending is asynchronous and
 * every failure ends in the journal. Bounded: at most `maxPending` unsettled pushes (more are
 * dropped and journaled), `concurrency` in flight, answers read up to 64 KiB. `reset()` and
 * `close()` abort what is in flight and clear every timer; nothing rejects unhandled.
 *
 * Waiting on the mock clock: one timer at a time, set for the next due push (at most 100 ms
 * ahead, so a clock moved from outside is noticed); `sweep()` after the mock moves its clock.
 */
import type { FaultKind, FaultRule, MockFaults } from '../faults/index.js';
import type { MockClock } from '../state/clock.js';
import type { PushAttempt } from '../state/pushes.js';
import type { MockStore } from '../state/store.js';
import type { TelCdrInfo } from '../state/tencent-types.js';
import { cdrPushBody, recordPushBodies } from './bodies.js';
import { type DataPushAction, pushUrl, type ResolvedDataPush } from './config.js';
import { describeFetchError, readBounded } from './http.js';
import { basicCredentials, createTokenCache, type TokenCache, TokenError } from './oauth.js';
import { type PushSettings, retryDelay } from './settings.js';

/** Fault kinds decided when a push is created (one rule per push). */
const PUSH_RULE_KINDS: readonly FaultKind[] = ['drop', 'duplicate', 'reorder', 'delay'];
/** Decided per attempt. */
const ATTEMPT_RULE_KINDS: readonly FaultKind[] = ['unreachable'];
/** Longest real wait between looks at the mock clock while pushes wait on it. */
const CLOCK_POLL_MS = 100;

export const PUSH_CONTENT_TYPE = 'application/json;charset=utf8';
export const PUSH_UUID_HEADER = 'X-TCCC-PUSH-UUID';

type JobState = 'ready' | 'inflight' | 'waiting' | 'held';

interface Job {
  readonly id: string;
  readonly sdkAppId: number;
  readonly action: DataPushAction;
  readonly url: string;
  readonly body: string;
  readonly config: ResolvedDataPush;
  state: JobState;
  /** Mock ms when a waiting or held job may go. */
  dueAt: number;
  retries: number;
  attempted: boolean;
  duplicate: boolean;
  /** Jobs held by `reorder` until this one's first attempt is over. */
  releases: Job[];
}

interface AttemptResult {
  ok: boolean;
  attempt: PushAttempt;
  /** The receiver refused the bearer token (401 with OAuth). */
  tokenRefused?: string;
}

export interface PushSenderOptions {
  store: MockStore;
  clock: MockClock;
  faults: MockFaults;
  settings: () => Readonly<PushSettings>;
  newId(): string;
}

export interface PushSender {
  /** A call's CDR was stored: push it (and its recordings) if the app has a configuration. */
  cdrStored(sdkAppId: number, cdr: TelCdrInfo): void;
  /** Look at the mock clock now (after it moved): retries and delays that are due go. */
  sweep(): void;
  /**
   * Resolves when no push is queued or in flight. Pushes waiting on the mock clock (retries,
   * delays, reorder holds) do not count: move the clock to let them go.
   */
  idle(): Promise<void>;
  /** Pushes not settled yet (queued, in flight, waiting, held). */
  readonly pending: number;
  /** Token requests made so far (OAuth). */
  readonly tokenRequests: number;
  /** Abort everything, forget queues and cached tokens; keep working afterwards. */
  reset(): void;
  /** Abort everything; unsettled pushes are journaled failed; nothing is sent any more. */
  close(): void;
}

const describeRule = (rule: FaultRule) => `${rule.kind} (rule ${rule.id})`;

export function createPushSender(options: PushSenderOptions): PushSender {
  const { store, clock, faults } = options;
  const journal = () => store.pushes;
  const tokens: TokenCache = createTokenCache({
    clock,
    timeoutMs: () => options.settings().timeoutMs,
    refreshMarginMs: () => options.settings().tokenRefreshMarginMs,
  });

  let generation = new AbortController();
  let closed = false;
  const jobs = new Map<string, Job>();
  /** Jobs waiting on the mock clock (retry, delay) or held by a reorder. */
  const timed = new Set<Job>();
  const ready: Job[] = [];
  let readyHead = 0;
  let inflight = 0;
  /** Per app: jobs a `reorder` holds until the app's next push has been attempted. */
  const heldByApp = new Map<number, Job[]>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let idleWaiters: (() => void)[] = [];

  const isIdle = () => inflight === 0 && ready.length - readyHead === 0;
  const notifyIdle = () => {
    if (!isIdle() || idleWaiters.length === 0) return;
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const resolve of waiters) resolve();
  };

  const settle = (job: Job, outcome: 'delivered' | 'failed' | 'dropped', reason?: string) => {
    jobs.delete(job.id);
    timed.delete(job);
    journal().settle(job.id, outcome, reason);
  };

  const makeReady = (job: Job) => {
    timed.delete(job);
    job.state = 'ready';
    ready.push(job);
  };
  const wait = (job: Job, state: 'waiting' | 'held', dueAt: number) => {
    job.state = state;
    job.dueAt = dueAt;
    timed.add(job);
  };

  const takeReady = (): Job | undefined => {
    const job = ready[readyHead];
    if (!job) return undefined;
    readyHead += 1;
    // Compact now and then so the array does not grow forever.
    if (readyHead > 1024 && readyHead * 2 > ready.length) {
      ready.splice(0, readyHead);
      readyHead = 0;
    }
    return job;
  };

  const schedule = () => {
    if (timer !== undefined) {
      clearTimeout(timer);
      timer = undefined;
    }
    if (closed) return;
    let next = Number.POSITIVE_INFINITY;
    for (const job of timed) if (job.dueAt < next) next = job.dueAt;
    if (next === Number.POSITIVE_INFINITY) return;
    const delay = clock.paused
      ? CLOCK_POLL_MS
      : Math.max(0, Math.min(next - clock.now(), CLOCK_POLL_MS));
    timer = setTimeout(sweep, delay);
    timer.unref?.();
  };

  const pump = () => {
    const limit = options.settings().concurrency;
    while (!closed && inflight < limit) {
      const job = takeReady();
      if (!job) break;
      inflight += 1;
      job.state = 'inflight';
      const mine = generation;
      run(job, mine.signal).then(
        () => finish(mine),
        (error: unknown) => {
          // A bug in the sender: the push fails visibly instead of staying pending forever.
          console.error('mock TCCC: Data Push sender error:', error);
          if (mine === generation && jobs.has(job.id)) {
            settle(job, 'failed', 'internal error in the mock TCCC push sender');
          }
          finish(mine);
        },
      );
    }
    notifyIdle();
  };

  function finish(mine: AbortController) {
    if (mine !== generation) return; // reset or closed meanwhile: already forgotten
    inflight -= 1;
    pump();
    schedule();
  }

  function sweep() {
    timer = undefined;
    if (closed) return;
    const now = clock.now();
    for (const job of [...timed]) {
      if (job.dueAt > now) continue;
      if (job.state === 'held') unhold(job);
      makeReady(job);
    }
    pump();
    schedule();
  }

  const unhold = (job: Job) => {
    const list = heldByApp.get(job.sdkAppId);
    if (!list) return;
    const index = list.indexOf(job);
    if (index >= 0) list.splice(index, 1);
    if (list.length === 0) heldByApp.delete(job.sdkAppId);
  };

  /** One HTTP exchange with the receiver (or a fault pretending the receiver is down). */
  async function attempt(job: Job, signal: AbortSignal, copy: boolean): Promise<AttemptResult> {
    const started = clock.now();
    const startedReal = performance.now();
    const at = new Date(started).toISOString();
    const done = (
      status: number | null,
      extra: { errCode?: number; error?: string },
    ): PushAttempt => ({
      at,
      status,
      ...(extra.errCode === undefined ? {} : { errCode: extra.errCode }),
      ...(extra.error === undefined ? {} : { error: extra.error }),
      durationMs: Math.round(performance.now() - startedReal),
      ...(copy ? { duplicate: true } : {}),
    });

    const down = faults.take(`push.${job.action}`, ATTEMPT_RULE_KINDS);
    if (down) {
      return {
        ok: false,
        attempt: done(null, { error: `receiver unreachable (fault ${describeRule(down)})` }),
      };
    }
    const settings = options.settings();
    const headers: Record<string, string> = {
      'content-type': PUSH_CONTENT_TYPE,
      [PUSH_UUID_HEADER]: job.id,
    };
    let bearer: string | undefined;
    const auth = job.config.auth;
    if (auth.type === 'basic') {
      headers.authorization = basicCredentials(auth.username, auth.password);
    } else if (auth.type === 'oauth') {
      try {
        bearer = await tokens.get(job.config, signal);
      } catch (error) {
        const message =
          error instanceof TokenError
            ? error.message
            : `token request failed: ${describeFetchError(error, settings.timeoutMs)}`;
        return { ok: false, attempt: done(null, { error: message }) };
      }
      headers.authorization = `Bearer ${bearer}`;
    }
    let response: Response;
    try {
      response = await fetch(job.url, {
        method: 'POST',
        headers,
        body: job.body,
        redirect: 'manual',
        signal: AbortSignal.any([signal, AbortSignal.timeout(settings.timeoutMs)]),
      });
    } catch (error) {
      return {
        ok: false,
        attempt: done(null, { error: describeFetchError(error, settings.timeoutMs) }),
      };
    }
    let text: string;
    try {
      text = await readBounded(response);
    } catch (error) {
      return {
        ok: false,
        attempt: done(response.status, {
          error: `the answer broke off: ${describeFetchError(error, settings.timeoutMs)}`,
        }),
      };
    }
    let errCode: number | undefined;
    try {
      const json: unknown = JSON.parse(text);
      const code = (json as { ErrCode?: unknown } | null)?.ErrCode;
      if (typeof code === 'number') errCode = code;
    } catch {
      errCode = undefined;
    }
    const status = response.status;
    if (status >= 200 && status < 300 && errCode === 0) {
      return { ok: true, attempt: done(status, { errCode }) };
    }
    const why =
      status < 200 || status >= 300
        ? `HTTP ${status}`
        : errCode === undefined
          ? `HTTP ${status} without a JSON ErrCode`
          : `ErrCode ${errCode}`;
    const result: AttemptResult = {
      ok: false,
      attempt: done(status, {
        ...(errCode === undefined ? {} : { errCode }),
        error: `${why} (not ErrCode 0)`,
      }),
    };
    if (status === 401 && bearer !== undefined) result.tokenRefused = bearer;
    return result;
  }

  /** Attempt a job once (plus one resend with a fresh token after a 401); then decide. */
  async function run(job: Job, signal: AbortSignal): Promise<void> {
    let result = await attempt(job, signal, false);
    if (signal.aborted) return;
    journal().addAttempt(job.id, result.attempt);
    if (result.tokenRefused !== undefined) {
      tokens.invalidate(job.config, result.tokenRefused);
      result = await attempt(job, signal, false);
      if (signal.aborted) return;
      journal().addAttempt(job.id, result.attempt);
    }
    const first = !job.attempted;
    job.attempted = true;
    if (result.ok && job.duplicate) {
      // The receiver gets the same push again, same UUID: as TCCC may when an ack is lost.
      const copy = await attempt(job, signal, true);
      if (signal.aborted) return;
      journal().addAttempt(job.id, copy.attempt);
    }
    if (first) {
      for (const held of job.releases.splice(0)) {
        if (held.state !== 'held') continue;
        unhold(held);
        makeReady(held);
      }
    }
    if (result.ok) {
      settle(job, 'delivered');
    } else if (job.retries < options.settings().maxRetries) {
      job.retries += 1;
      wait(job, 'waiting', clock.now() + retryDelay(options.settings(), job.retries));
    } else {
      const retries = job.retries;
      settle(
        job,
        'failed',
        `${retries === 0 ? 'the attempt' : `all ${retries + 1} attempts`} failed; last: ${result.attempt.error ?? 'no answer'}`,
      );
    }
  }

  function enqueue(
    sdkAppId: number,
    config: ResolvedDataPush,
    action: DataPushAction,
    sessionId: string,
    body: unknown,
  ): void {
    const id = options.newId();
    const url = pushUrl(config, action);
    const settings = options.settings();
    if (jobs.size >= settings.maxPending) {
      journal().record({ id, sdkAppId, action, url, sessionId, body });
      journal().settle(
        id,
        'dropped',
        `the push queue was full (${settings.maxPending} pushes not settled; push.maxPending)`,
      );
      return;
    }
    const rule = faults.take(`push.${action}`, PUSH_RULE_KINDS);
    journal().record({
      id,
      sdkAppId,
      action,
      url,
      sessionId,
      body,
      faults: rule ? [describeRule(rule)] : [],
    });
    if (rule?.kind === 'drop') {
      journal().settle(id, 'dropped', `dropped by fault ${describeRule(rule)}`);
      return;
    }
    const job: Job = {
      id,
      sdkAppId,
      action,
      url,
      body: JSON.stringify(body),
      config,
      state: 'ready',
      dueAt: 0,
      retries: 0,
      attempted: false,
      duplicate: rule?.kind === 'duplicate',
      // Pushes a `reorder` held go out after this one's first attempt.
      releases: heldByApp.get(sdkAppId)?.splice(0) ?? [],
    };
    heldByApp.delete(sdkAppId);
    jobs.set(id, job);
    if (rule?.kind === 'reorder') {
      wait(job, 'held', clock.now() + settings.reorderHoldMs);
      heldByApp.set(sdkAppId, [job]);
    } else if (rule?.kind === 'delay' && rule.ms > 0) {
      wait(job, 'waiting', clock.now() + rule.ms);
    } else {
      makeReady(job);
    }
  }

  return {
    cdrStored(sdkAppId, cdr) {
      if (closed) return;
      const config = store.dataPush.get(sdkAppId);
      if (!config) return;
      try {
        if (config.actions.includes('cdr')) {
          enqueue(sdkAppId, config, 'cdr', cdr.SessionId, cdrPushBody(sdkAppId, cdr));
        }
        if (config.actions.includes('record')) {
          for (const body of recordPushBodies(sdkAppId, cdr)) {
            enqueue(sdkAppId, config, 'record', cdr.SessionId, body);
          }
        }
      } catch (error) {
        // A bug here must not break the call that ended; say so without request data.
        console.error('mock TCCC: could not queue a Data Push:', error);
      }
      pump();
      schedule();
    },
    sweep,
    idle() {
      if (isIdle()) return Promise.resolve();
      return new Promise((resolve) => idleWaiters.push(resolve));
    },
    get pending() {
      return jobs.size;
    },
    get tokenRequests() {
      return tokens.requests;
    },
    reset() {
      generation.abort();
      generation = new AbortController();
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      jobs.clear();
      timed.clear();
      ready.length = 0;
      readyHead = 0;
      inflight = 0;
      heldByApp.clear();
      tokens.clear();
      notifyIdle();
    },
    close() {
      if (closed) return;
      const unsettled = [...jobs.values()];
      this.reset();
      closed = true;
      for (const job of unsettled) {
        journal().settle(job.id, 'failed', 'the mock closed before the push settled');
      }
    },
  };
}
