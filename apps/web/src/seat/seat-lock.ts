/**
 * One SDK per agent across the browser's tabs. TCCC gives a seat one live SDK session: a
 * second tab of the same agent would either take the seat over or sit there showing "ready"
 * while only the other gets calls. So before loading the SDK a tab claims the seat with the
 * Web Locks API (an exclusive lock named after the agent, freed by the browser when the tab
 * closes or crashes); a tab that cannot have it says so and offers "Use here".
 *
 * "Use here" asks the holder over a BroadcastChannel to let go: the holder takes its seat
 * offline and unloads the SDK (seat-safe), then frees the lock, which the asking tab is
 * already waiting for. A holder on a call refuses (moving would drop the customer); a holder
 * that does not answer in time (a frozen tab) has its lock stolen, and TCCC's newer login
 * takes the seat over from it.
 *
 * Without Web Locks (old browsers, insecure contexts) every claim succeeds: the console works
 * as before, one tab at a time being the agent's job.
 */

export type TakeOverResult = 'held' | 'refused-in-call' | 'failed';

type Message = { type: 'take-over'; from: string } | { type: 'in-call'; to: string };

export interface SeatLockOptions {
  /** How long "Use here" waits for the holder to let go before stealing the lock. */
  takeOverTimeoutMs?: number;
  /** Asked when another tab wants the seat: resolve true once the seat is offline, false to refuse. */
  onTakeOverRequested: () => Promise<boolean>;
  /** This tab's lock was stolen by a tab whose "Use here" found it unresponsive. */
  onLost?: () => void;
}

export class SeatLock {
  readonly #name: string;
  readonly #id = Math.random().toString(36).slice(2);
  readonly #options: SeatLockOptions;
  #channel: BroadcastChannel | undefined;
  /** Resolving it frees the lock this tab holds. */
  #free: (() => void) | undefined;
  #waitingForReply: ((message: Message) => void) | undefined;
  /** A claim in flight: a double click claims once. */
  #claiming: Promise<boolean> | undefined;

  constructor(agent: string, options: SeatLockOptions) {
    this.#name = `tccc-kit:seat:${agent.toLowerCase()}`;
    this.#options = options;
    if (typeof BroadcastChannel === 'function') {
      this.#channel = new BroadcastChannel(this.#name);
      this.#channel.onmessage = (event: MessageEvent<Message>) => void this.#onMessage(event.data);
    }
  }

  get held(): boolean {
    return this.#free !== undefined;
  }

  /** Claims the seat for this tab if no other tab has it; true when this tab holds it now. */
  claim(): Promise<boolean> {
    if (this.held) return Promise.resolve(true);
    const locks = webLocks();
    if (!locks) return Promise.resolve(true);
    this.#claiming ??= this.#hold((grant) =>
      locks.request(this.#name, { ifAvailable: true }, grant),
    ).finally(() => {
      this.#claiming = undefined;
    });
    return this.#claiming;
  }

  /**
   * "Use here": asks the tab holding the seat to let go, and waits for the lock. Resolves
   * `held`, `refused-in-call` (the other tab is on a call), or `failed`.
   */
  async takeOver(): Promise<TakeOverResult> {
    if (this.held) return 'held';
    const locks = webLocks();
    if (!locks) return 'held';
    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(), this.#options.takeOverTimeoutMs ?? 8_000);
    const refused = new Promise<'refused-in-call'>((resolve) => {
      this.#waitingForReply = (message) => {
        if (message.type === 'in-call' && message.to === this.#id) resolve('refused-in-call');
      };
    });
    this.#post({ type: 'take-over', from: this.#id });
    try {
      const outcome = await Promise.race([
        this.#hold((grant) => locks.request(this.#name, { signal: timeout.signal }, grant)),
        refused,
      ]);
      if (outcome === 'refused-in-call') {
        timeout.abort();
        return outcome;
      }
      return outcome ? 'held' : 'failed';
    } catch {
      if (!timeout.signal.aborted) return 'failed';
      // The holder did not let go in time (a frozen or hung tab): take the lock from it.
      const stolen = await this.#hold((grant) => locks.request(this.#name, { steal: true }, grant));
      return stolen ? 'held' : 'failed';
    } finally {
      clearTimeout(timer);
      this.#waitingForReply = undefined;
    }
  }

  /** Frees the seat for other tabs (after the SDK is unloaded). */
  release(): void {
    const free = this.#free;
    this.#free = undefined;
    free?.();
  }

  close(): void {
    this.release();
    this.#channel?.close();
    this.#channel = undefined;
  }

  /** Runs a lock request whose grant callback keeps the lock until `release()`. */
  #hold(
    request: (grant: (lock: Lock | null) => Promise<void> | undefined) => Promise<unknown>,
  ): Promise<boolean> {
    return new Promise<boolean>((resolve, reject) => {
      request((lock) => {
        if (!lock) {
          resolve(false);
          return undefined;
        }
        return new Promise<void>((free) => {
          this.#free = free;
          resolve(true);
        });
      }).catch((error: unknown) => {
        // A stolen lock rejects its request's promise: this tab no longer holds the seat.
        if (this.#free) {
          this.#free = undefined;
          this.#options.onLost?.();
        }
        reject(error);
      });
    });
  }

  async #onMessage(message: Message): Promise<void> {
    if (message.type === 'in-call') {
      this.#waitingForReply?.(message);
      return;
    }
    if (!this.held) return;
    const letGo = await this.#options.onTakeOverRequested();
    if (letGo) this.release();
    else this.#post({ type: 'in-call', to: message.from });
  }

  #post(message: Message): void {
    this.#channel?.postMessage(message);
  }
}

function webLocks(): LockManager | undefined {
  return typeof navigator !== 'undefined' && 'locks' in navigator ? navigator.locks : undefined;
}
