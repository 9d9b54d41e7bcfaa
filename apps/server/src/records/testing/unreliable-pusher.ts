/**
 * TCCC's Data Push as it behaves at its worst, for the exactly-once proof
 * (exactly-once.test.ts), until the mock TCCC's own push sender and faults replace it:
 *
 * - each CDR is one push with its own X-TCCC-PUSH-UUID, sent in a shuffled order;
 * - `dropRate` of the pushes are lost: never delivered (as if every retry failed);
 * - `duplicateRate` are delivered twice with the same UUID (a retry after a lost answer);
 * - a failed delivery (no answer, HTTP error, ErrCode != 0) is retried at most 3 more times
 *   with the same UUID, as TCCC documents, after `retryDelayMs`;
 * - `concurrency` pushes are in flight at once; `targets` are the receivers (several
 *   server instances), used in turn.
 *
 * Randomness comes from a seeded generator, so a run can be replayed.
 */
import type { Cdr } from '../cdr.js';

export interface PushPlan {
  cdr: Cdr;
  uuid: string;
  dropped: boolean;
  duplicated: boolean;
}

export interface PusherOptions {
  dropRate: number;
  duplicateRate: number;
  concurrency: number;
  retryDelayMs: number;
  seed: number;
  authorization: string;
  /** Called before each push with how many pushes started so far (e.g. to restart a receiver). */
  beforePush?: (started: number) => Promise<void> | void;
}

export interface PushFigures {
  planned: number;
  dropped: number;
  duplicated: number;
  /** HTTP requests sent, retries included. */
  requests: number;
  /** Pushes (UUIDs) that got ErrCode 0 at least once. */
  acknowledged: number;
  /** Their UUIDs. */
  acknowledgedUuids: string[];
  /** Deliveries that failed and were retried. */
  retried: number;
  /** Pushes that failed all 4 attempts. */
  failed: number;
}

/** mulberry32: a small seeded generator, good enough to pick faults. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export function planPushes(cdrs: readonly Cdr[], options: PusherOptions): PushPlan[] {
  const random = seededRandom(options.seed);
  const plans = cdrs.map((cdr, index) => ({
    cdr,
    uuid: `00000000-0000-4000-9000-${String(index).padStart(12, '0')}`,
    dropped: random() < options.dropRate,
    duplicated: random() < options.duplicateRate,
  }));
  // Fisher-Yates: pushes arrive in any order.
  for (let i = plans.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [plans[i], plans[j]] = [plans[j] as PushPlan, plans[i] as PushPlan];
  }
  return plans;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function pushAll(
  plans: readonly PushPlan[],
  targets: () => readonly string[],
  options: PusherOptions,
): Promise<PushFigures> {
  const figures: PushFigures = {
    planned: plans.length,
    dropped: plans.filter((plan) => plan.dropped).length,
    duplicated: plans.filter((plan) => plan.duplicated && !plan.dropped).length,
    requests: 0,
    acknowledged: 0,
    acknowledgedUuids: [],
    retried: 0,
    failed: 0,
  };
  let next = 0;
  let started = 0;

  async function deliver(plan: PushPlan): Promise<boolean> {
    for (let attempt = 0; attempt < 4; attempt++) {
      if (attempt > 0) {
        figures.retried += 1;
        await sleep(options.retryDelayMs);
      }
      const urls = targets();
      const url = urls[(started + attempt) % urls.length] as string;
      figures.requests += 1;
      try {
        const response = await fetch(`${url}/tccc/push?action=cdr&version=1`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json;charset=utf8',
            'x-tccc-push-uuid': plan.uuid,
            authorization: options.authorization,
          },
          body: JSON.stringify(plan.cdr),
          signal: AbortSignal.timeout(30_000),
        });
        const answer = (await response.json().catch(() => ({}))) as { ErrCode?: unknown };
        if (response.ok && answer.ErrCode === 0) return true;
      } catch {
        // No answer (the receiver is restarting): retried, as TCCC does.
      }
    }
    return false;
  }

  async function worker() {
    while (next < plans.length) {
      const plan = plans[next++] as PushPlan;
      started += 1;
      await options.beforePush?.(started);
      if (plan.dropped) continue;
      const copies = plan.duplicated ? 2 : 1;
      let acknowledged = false;
      for (let copy = 0; copy < copies; copy++) {
        if (await deliver(plan)) acknowledged = true;
      }
      if (acknowledged) {
        figures.acknowledged += 1;
        figures.acknowledgedUuids.push(plan.uuid);
      } else {
        figures.failed += 1;
      }
    }
  }

  await Promise.all(Array.from({ length: options.concurrency }, worker));
  return figures;
}
