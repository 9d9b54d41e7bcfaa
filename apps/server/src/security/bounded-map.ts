/**
 * A Map with a hard cap on its size and an age after which entries may go, at O(1) per
 * operation whatever the number of keys: the in-memory state behind the rate limiters,
 * the known sign-in clients and the session revocations.
 *
 * Two generations (the "hashlru" scheme): writes go to `current`; a read that finds a key
 * in `previous` moves it to `current`. When `current` holds half the cap, or `maxAgeMs`
 * has passed since the last turn, `previous` is dropped whole and `current` becomes it.
 * So:
 * - at most `maxKeys` entries are ever held (memory is bounded whatever a client sends);
 * - an entry set or read within the last `maxAgeMs` is kept unless more than `maxKeys / 2`
 *   other keys were written since (then it may be dropped: approximately least recently
 *   used first);
 * - an entry untouched for `2 × maxAgeMs` is gone, without any sweep over the keys.
 * Nothing ever walks the entries: no request pays for the others.
 */

export interface BoundedMapOptions {
  /** Hard cap on the entries held (>= 2). */
  maxKeys: number;
  /** Entries untouched this long may be dropped (they are dropped by 2 × maxAgeMs). */
  maxAgeMs: number;
  /** Time source in ms (default Date.now). */
  now?: () => number;
}

export interface BoundedMap<V> {
  get(key: string): V | undefined;
  set(key: string, value: V): void;
  delete(key: string): void;
  /** Entries held now (both generations). */
  readonly size: number;
}

export function createBoundedMap<V>(options: BoundedMapOptions): BoundedMap<V> {
  const { maxKeys, maxAgeMs } = options;
  if (!Number.isInteger(maxKeys) || maxKeys < 2) {
    throw new RangeError('maxKeys must be a whole number >= 2');
  }
  if (!(maxAgeMs > 0)) throw new RangeError('maxAgeMs must be > 0');
  const now = options.now ?? Date.now;
  const half = Math.floor(maxKeys / 2);
  let current = new Map<string, V>();
  let previous = new Map<string, V>();
  let turnedAt = now();

  const turn = () => {
    previous = current;
    current = new Map();
    turnedAt = now();
  };
  const turnIfOld = () => {
    if (now() - turnedAt >= maxAgeMs) turn();
  };

  return {
    get(key) {
      turnIfOld();
      const value = current.get(key);
      if (value !== undefined) return value;
      const old = previous.get(key);
      if (old === undefined) return undefined;
      previous.delete(key);
      current.set(key, old);
      if (current.size >= half) turn();
      return old;
    },
    set(key, value) {
      turnIfOld();
      previous.delete(key);
      current.set(key, value);
      if (current.size >= half) turn();
    },
    delete(key) {
      current.delete(key);
      previous.delete(key);
    },
    get size() {
      return current.size + previous.size;
    },
  };
}
