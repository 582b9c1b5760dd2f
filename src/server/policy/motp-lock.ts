/**
 * The mOTP lockout (DESIGN §5, SECURITY 1–3): five consecutive wrong codes lock mOTP for the
 * learner — across sessions, browsers and IPs, because the counter is keyed by the LMS
 * subject only — until a phone check for that learner succeeds and calls {@link MotpLock.unlock}.
 *
 * Every attempt is charged before the code is compared, atomically in the store, so parallel
 * guesses cannot slip past the limit: with 5 left, exactly 5 are ever evaluated.
 */
import { LIMITS } from '../../protocol/index.js';
import type { Store } from '../stores/store.js';

/**
 * Seconds sent in `Retry-After` with `LOCKED`. The lock does not lift with time but with a
 * phone check, so this only tells generic clients not to hammer; the widget offers the phone
 * path instead of waiting.
 */
export const MOTP_LOCKED_RETRY_AFTER = 3600;

/** The learner's standing, for `/v1/config`. */
export interface MotpLockState {
  /** True once the learner has used up every attempt. */
  locked: boolean;
  /** Wrong codes still allowed before the lock. */
  attemptsLeft: number;
}

/** Result of charging one attempt. */
export type MotpCharge = { allowed: true; attempt: number } | { allowed: false };

/** The per-learner failure counter. */
export interface MotpLock {
  /** Charges one attempt before evaluation; refused (unevaluated) once the learner is locked. */
  charge(subject: string): Promise<MotpCharge>;
  /** Gives back an attempt whose evaluation did not count as a failure (replay, outage). */
  refund(subject: string): Promise<void>;
  /** Clears the counter: after a correct code, or a phone check with purpose `motp-unlock`. */
  unlock(subject: string): Promise<void>;
  /** Attempts left after `attempt` charged ones. */
  attemptsLeft(attempt: number): number;
  /** The learner's current standing. */
  state(subject: string): Promise<MotpLockState>;
}

/** Creates the lockout over `store` (no expiry: the lock lifts only by {@link MotpLock.unlock}). */
export function createMotpLock(store: Store, max: number = LIMITS.motpMaxFailures): MotpLock {
  const keyOf = (subject: string) => `motp:failures:${subject}`;
  const attemptsLeft = (count: number) => Math.max(0, max - count);
  return {
    async charge(subject) {
      const { allowed, count } = await store.chargeAttempt(keyOf(subject), max);
      return allowed ? { allowed: true, attempt: count } : { allowed: false };
    },
    refund: (subject) => store.refund(keyOf(subject)),
    unlock: (subject) => store.delete(keyOf(subject)),
    attemptsLeft,
    async state(subject) {
      const stored = await store.get<number>(keyOf(subject));
      const count = typeof stored === 'number' ? stored : 0;
      return { locked: count >= max, attemptsLeft: attemptsLeft(count) };
    },
  };
}
