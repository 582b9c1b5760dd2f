/**
 * A map that forgets: at most `max` entries, the least recently used dropped first, each
 * entry living at most `ttlMs`. For what a process keeps per visitor or per session (demo
 * pages, derived keys), so that memory follows the number of live users, not the traffic.
 */

/** Options of {@link createLru}. */
export interface LruOptions {
  /** Entries kept at most (a positive whole number). */
  max: number;
  /** Life of an entry from its last `set`, in milliseconds (none by default). */
  ttlMs?: number;
  /** Epoch milliseconds (default `Date.now`). */
  clock?: () => number;
}

/** A bounded map. */
export interface Lru<K, V> {
  /** The live value under `key` (now the most recently used), or `undefined`. */
  get(key: K): V | undefined;
  /** Stores `value` under `key`, dropping the least recently used entry when full. */
  set(key: K, value: V): void;
  /** Forgets `key`. */
  delete(key: K): void;
  /** Entries held (expired ones not yet dropped included). */
  readonly size: number;
}

/** Creates an {@link Lru}. */
export function createLru<K, V>(options: LruOptions): Lru<K, V> {
  const { max, ttlMs } = options;
  if (!Number.isSafeInteger(max) || max < 1) throw new RangeError('max must be a whole number of entries (1 or more)');
  const clock = options.clock ?? Date.now;
  // A Map iterates in insertion order: re-inserting on use keeps the least recently used first.
  const entries = new Map<K, { value: V; expiresAt: number }>();
  return {
    get(key) {
      const entry = entries.get(key);
      if (!entry) return undefined;
      entries.delete(key);
      if (entry.expiresAt <= clock()) return undefined;
      entries.set(key, entry);
      return entry.value;
    },
    set(key, value) {
      entries.delete(key);
      entries.set(key, { value, expiresAt: ttlMs === undefined ? Infinity : clock() + ttlMs });
      if (entries.size > max) entries.delete(entries.keys().next().value as K);
    },
    delete(key) {
      entries.delete(key);
    },
    get size() {
      return entries.size;
    },
  };
}
