/**
 * In-process store for one machine (and for the in-page app Storybook runs). Each operation
 * completes without awaiting anything in between, which is what makes the compound ones
 * atomic under JavaScript's single thread.
 */
import type { AttemptCharge, Store } from './store.js';

/** Options of {@link createMemoryStore}. */
export interface MemoryStoreOptions {
  /** Epoch milliseconds; tests inject a fixed clock to move time without sleeping. */
  clock?: () => number;
}

/** The memory store, plus a read-only dump for tests and privacy checks. */
export interface MemoryStore extends Store {
  /** Every live entry as `[key, value]`, parsed from its stored JSON. */
  dump(): Array<[string, unknown]>;
}

interface Entry {
  /** JSON text: stored the way a shared store would, so nothing non-serialisable slips in. */
  json: string;
  expiresAt: number | undefined;
}

/** Sweep expired entries after this many writes, so that memory stays bounded without a timer. */
const SWEEP_EVERY = 256;

/** Creates an in-memory {@link Store} honouring TTLs against the injected clock. */
export function createMemoryStore(options: MemoryStoreOptions = {}): MemoryStore {
  const clock = options.clock ?? Date.now;
  const entries = new Map<string, Entry>();
  let writes = 0;

  const live = (key: string): Entry | undefined => {
    const entry = entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt !== undefined && entry.expiresAt <= clock()) {
      entries.delete(key);
      return undefined;
    }
    return entry;
  };

  const expiry = (ttlMs: number | undefined) => (ttlMs === undefined ? undefined : clock() + ttlMs);

  const write = (key: string, value: unknown, expiresAt: number | undefined) => {
    const json = JSON.stringify(value);
    if (json === undefined) throw new TypeError('Store values must be JSON-serialisable');
    entries.set(key, { json, expiresAt });
    if (++writes % SWEEP_EVERY === 0) sweep();
  };

  const sweep = () => {
    const now = clock();
    for (const [key, entry] of entries) {
      if (entry.expiresAt !== undefined && entry.expiresAt <= now) entries.delete(key);
    }
  };

  const numberAt = (key: string): { value: number; entry: Entry } | undefined => {
    const entry = live(key);
    if (!entry) return undefined;
    const value: unknown = JSON.parse(entry.json);
    return { value: typeof value === 'number' ? value : 0, entry };
  };

  return {
    async get<T>(key: string) {
      const entry = live(key);
      return entry ? (JSON.parse(entry.json) as T) : undefined;
    },
    async set(key, value, ttlMs) {
      write(key, value, expiry(ttlMs));
    },
    async delete(key) {
      entries.delete(key);
    },
    async setIfAbsent(key, value, ttlMs) {
      if (live(key)) return false;
      write(key, value, expiry(ttlMs));
      return true;
    },
    async chargeAttempt(key, max, ttlMs): Promise<AttemptCharge> {
      const current = numberAt(key);
      const count = current?.value ?? 0;
      if (count >= max) return { allowed: false, count };
      write(key, count + 1, ttlMs === undefined ? current?.entry.expiresAt : expiry(ttlMs));
      return { allowed: true, count: count + 1 };
    },
    async refund(key) {
      const current = numberAt(key);
      if (current && current.value > 0) write(key, current.value - 1, current.entry.expiresAt);
    },
    async raiseTo(key, value, ttlMs) {
      const current = numberAt(key);
      if (current && current.value >= value) return false;
      write(key, value, expiry(ttlMs));
      return true;
    },
    dump() {
      sweep();
      return [...entries].map(([key, entry]) => [key, JSON.parse(entry.json)]);
    },
  };
}
