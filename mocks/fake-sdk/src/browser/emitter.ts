export type Listener = (payload: never) => void;

/**
 * The `on`/`off` half of `window.tccc`: listeners by event name. A throwing listener is
 * reported to the console and does not stop the others (as with DOM events).
 */
export class Emitter {
  readonly #listeners = new Map<string, Set<Listener>>();

  on(name: string, listener: Listener): void {
    assertListener(name, listener);
    let set = this.#listeners.get(name);
    if (!set) {
      set = new Set();
      this.#listeners.set(name, set);
    }
    set.add(listener);
  }

  off(name: string, listener?: Listener): void {
    if (listener === undefined) this.#listeners.delete(name);
    else this.#listeners.get(name)?.delete(listener);
  }

  emit(name: string, payload?: unknown): void {
    for (const listener of [...(this.#listeners.get(name) ?? [])]) {
      try {
        (listener as (payload: unknown) => void)(payload);
      } catch (error) {
        console.error(`[tccc fake SDK] a "${name}" listener threw`, error);
      }
    }
  }

  clear(): void {
    this.#listeners.clear();
  }
}

function assertListener(name: unknown, listener: unknown): void {
  if (typeof name !== 'string' || name === '') {
    throw new TypeError(
      'tccc.on(name, listener): name must be an event name such as tccc.events.ready',
    );
  }
  if (typeof listener !== 'function') {
    throw new TypeError(`tccc.on("${name}", listener): listener must be a function`);
  }
}
