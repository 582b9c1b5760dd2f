/**
 * Whether mOTP can be used right now. When the provider is not configured, or has just failed
 * to answer, the gate offers the phone check instead, and a phone success in that window is
 * recorded as 대체인증 (substitute verification) for the HRD Korea report.
 */
import type { Store } from '../stores/store.js';

/** A provider failure marks mOTP down for at least this long (or its own `Retry-After`). */
export const MOTP_DOWN_MIN_MS = 60_000;

const DOWN_KEY = 'motp:down';

/** mOTP availability. */
export interface MotpHealth {
  /** True when mOTP is configured and its provider has not failed recently. */
  available(): Promise<boolean>;
  /** Records a provider failure; `retryAfter` seconds extend the window past the minimum. */
  markDown(retryAfter: number): Promise<void>;
  /** Records a provider answer (any verdict): the service is back. */
  markUp(): Promise<void>;
}

/** Creates the availability record over `store`; `configured` is false when mOTP is off. */
export function createMotpHealth(store: Store, configured: boolean): MotpHealth {
  return {
    async available() {
      return configured && (await store.get(DOWN_KEY)) === undefined;
    },
    markDown: (retryAfter) => store.set(DOWN_KEY, true, Math.max(MOTP_DOWN_MIN_MS, retryAfter * 1000)),
    markUp: () => store.delete(DOWN_KEY),
  };
}
