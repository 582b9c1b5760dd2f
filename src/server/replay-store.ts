/**
 * A {@link ReplayGuard} on a shared {@link Store}: an LMS running on several machines refuses a
 * token's second use whichever machine sees it first. One atomic set-if-absent per token id,
 * kept until the token has expired.
 */
import type { Store } from './stores/store.js';
import type { ReplayGuard } from './verify-token.js';

/** Options of {@link createStoreReplayGuard}. */
export interface StoreReplayGuardOptions {
  /** Epoch milliseconds (default `Date.now`). */
  clock?: () => number;
  /** Key prefix inside the store (default `lms-replay:`). */
  prefix?: string;
}

/** Creates a replay guard over `store` (the Redis store, or any other). */
export function createStoreReplayGuard(store: Store, options: StoreReplayGuardOptions = {}): ReplayGuard {
  const clock = options.clock ?? Date.now;
  const prefix = options.prefix ?? 'lms-replay:';
  return {
    claim: (jti, expiresAt) => store.setIfAbsent(`${prefix}${jti}`, 1, Math.max(1, expiresAt - clock())),
  };
}
