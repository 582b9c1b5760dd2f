/**
 * The mOTP lockout: five consecutive wrong codes lock mOTP for the learner — across sessions,
 * browsers and IPs, because the counters are keyed by the LMS subject only — until a phone
 * check for that learner succeeds and calls {@link MotpLock.unlock}.
 *
 * Two counters, both in the store:
 *
 * - the **charge** counter takes one slot per attempt before its code is compared, atomically,
 *   so parallel guesses cannot slip past the limit: with 5 left, exactly 5 are ever evaluated.
 *   A slot whose evaluation did not count as a failure (right code, replay, outage) is given
 *   back.
 * - the **failure** counter holds only codes judged wrong. It alone says "locked": a request
 *   refused because the slots are taken by attempts still being checked is told to retry in a
 *   moment, never that the learner is locked.
 */
import { LIMITS } from '../../protocol/index.js';
import type { Store } from '../stores/store.js';

/**
 * Seconds sent in `Retry-After` with `LOCKED`. The lock does not lift with time but with a
 * phone check, so this only tells generic clients not to hammer; the widget offers the phone
 * path instead of waiting.
 */
export const MOTP_LOCKED_RETRY_AFTER = 3600;

/** Seconds to wait when every slot is held by an attempt still being checked. */
export const MOTP_BUSY_RETRY_AFTER = 1;

/** The learner's standing, for `/v1/config`. */
export interface MotpLockState {
  /** True once the learner has used up every attempt. */
  locked: boolean;
  /** Wrong codes still allowed before the lock. */
  attemptsLeft: number;
}

/**
 * Result of charging one attempt: charged (`attempt` slots now taken), or refused because the
 * learner is locked, or because other attempts are still being checked (`busy`).
 */
export type MotpCharge = { allowed: true; attempt: number } | { allowed: false; locked: boolean };

/** The per-learner failure counter. */
export interface MotpLock {
  /** Charges one attempt before evaluation; refused (unevaluated) when locked or busy. */
  charge(subject: string): Promise<MotpCharge>;
  /** Gives back an attempt whose evaluation did not count as a failure (replay, outage). */
  refund(subject: string): Promise<void>;
  /** Records a charged attempt as a wrong code; the wrong codes still allowed after it. */
  fail(subject: string): Promise<number>;
  /** Clears the counters: after a correct code, or a phone check with purpose `motp-unlock`. */
  unlock(subject: string): Promise<void>;
  /**
   * Locks the learner at once, whatever the count (the upstream said it is locked): every slot
   * is taken and every failure recorded, so nothing is evaluated until {@link MotpLock.unlock}.
   */
  lockNow(subject: string): Promise<void>;
  /** The learner's current standing. */
  state(subject: string): Promise<MotpLockState>;
}

/** Creates the lockout over `store` (no expiry: the lock lifts only by {@link MotpLock.unlock}). */
export function createMotpLock(store: Store, max: number = LIMITS.motpMaxFailures): MotpLock {
  const chargeKey = (subject: string) => `motp:failures:${subject}`;
  const failureKey = (subject: string) => `motp:wrong:${subject}`;
  const failures = async (subject: string) => {
    const stored = await store.get<number>(failureKey(subject));
    return typeof stored === 'number' ? stored : 0;
  };
  return {
    async charge(subject) {
      const { allowed, count } = await store.chargeAttempt(chargeKey(subject), max);
      if (!allowed) return { allowed: false, locked: (await failures(subject)) >= max };
      // After `lockNow`, attempts still in flight may give their slots back; the failures decide.
      if ((await failures(subject)) >= max) {
        await store.refund(chargeKey(subject));
        return { allowed: false, locked: true };
      }
      return { allowed: true, attempt: count };
    },
    refund: (subject) => store.refund(chargeKey(subject)),
    async fail(subject) {
      // An atomic add (capped at `max`): parallel wrong codes each see their own count.
      const { count } = await store.chargeAttempt(failureKey(subject), max);
      return Math.max(0, max - count);
    },
    async unlock(subject) {
      await store.delete(chargeKey(subject));
      await store.delete(failureKey(subject));
    },
    async lockNow(subject) {
      // Only the atomic charge, so any store gives the same result: at most `max` calls fill each counter.
      for (const key of [chargeKey(subject), failureKey(subject)]) {
        for (let i = 0; i < max && (await store.chargeAttempt(key, max)).allowed; i++);
      }
    },
    async state(subject) {
      const count = await failures(subject);
      return { locked: count >= max, attemptsLeft: Math.max(0, max - count) };
    },
  };
}
