/**
 * One mOTP attempt, start to verdict:
 *
 * 1. The phone must be the member's registered one (`MISMATCH`, no attempt charged).
 * 2. Charge the attempt before comparing; a locked learner is refused unevaluated, and so is
 *    one whose remaining attempts are all being checked right now (`RATE_LIMITED`: retry in a moment).
 * 3. Ask the provider. Down → refund, `UPSTREAM_UNAVAILABLE`.
 * 4. Wrong → the charge stands, `INVALID_CODE` with the attempts left.
 * 5. Right but for a step at or before the last accepted one → refund, `ALREADY_USED`.
 * 6. Right → the counter resets; the caller issues the token.
 *
 * Every outcome after input validation writes one audit record.
 */
import type { AuditSink } from '../audit.js';
import type { MotpProvider, MotpVerdict } from '../providers/motp/provider.js';
import type { Session } from '../sessions.js';
import { PROVIDER_TIMEOUT_MS, retryAfterOf, withDeadline } from './deadline.js';
import type { MotpHealth } from './motp-health.js';
import { MOTP_BUSY_RETRY_AFTER, MOTP_LOCKED_RETRY_AFTER, type MotpLock } from './motp-lock.js';
import type { MotpSteps } from './motp-steps.js';

/** Longest wait for a provider's verdict (shared by every provider). */
export { PROVIDER_TIMEOUT_MS };

/** How an attempt ended. */
export type MotpOutcome =
  | { result: 'success'; step: number }
  | { result: 'MISMATCH' }
  | { result: 'LOCKED'; retryAfter: number }
  | { result: 'RATE_LIMITED'; retryAfter: number }
  | { result: 'INVALID_CODE'; attemptsLeft: number }
  | { result: 'ALREADY_USED' }
  | { result: 'UPSTREAM_UNAVAILABLE'; retryAfter: number };

/** Dependencies of {@link createMotpVerifier}. */
export interface MotpVerifierDeps {
  /** Who checks the codes. */
  provider: MotpProvider;
  /** The per-learner failure counter. */
  lock: MotpLock;
  /** The replay guard. */
  steps: MotpSteps;
  /** Where attempts are recorded. */
  audit: AuditSink;
  /** Epoch milliseconds. */
  clock: () => number;
  /** Provider deadline in milliseconds (default {@link PROVIDER_TIMEOUT_MS}). */
  providerTimeoutMs?: number;
  /** Told when the provider fails or answers, so the config can offer the phone path meanwhile. */
  health?: MotpHealth;
}

/** Runs mOTP attempts. */
export interface MotpVerifier {
  /** Checks `otp` (six digits) and `phone` (canonical digits) for the session's learner. */
  verify(session: Session, otp: string, phone: string): Promise<MotpOutcome>;
}

/** Creates the mOTP verifier. */
export function createMotpVerifier(deps: MotpVerifierDeps): MotpVerifier {
  const { provider, lock, steps, audit, clock } = deps;

  const record = async (
    session: Session,
    outcome: MotpOutcome,
    attempt?: number,
    providerRef?: string,
  ): Promise<MotpOutcome> => {
    await audit.write({
      at: clock(),
      subject: session.subject,
      purpose: session.purpose,
      method: 'motp',
      result: outcome.result,
      ...(attempt !== undefined ? { attempt } : {}),
      ...(providerRef !== undefined ? { providerRef } : {}),
    });
    return outcome;
  };

  return {
    async verify(session, otp, phone) {
      const learner = await session.personal();
      if (phone !== learner.phone) return record(session, { result: 'MISMATCH' });

      const charge = await lock.charge(session.subject);
      if (!charge.allowed) {
        return record(
          session,
          charge.locked
            ? { result: 'LOCKED', retryAfter: MOTP_LOCKED_RETRY_AFTER }
            : { result: 'RATE_LIMITED', retryAfter: MOTP_BUSY_RETRY_AFTER },
        );
      }
      const { attempt } = charge;

      let verdict: MotpVerdict;
      try {
        const work = provider.verify({
          phone,
          name: learner.name,
          otp,
          subject: session.subject,
          purpose: session.purpose,
          context: session.context,
        });
        verdict = await withDeadline(work, deps.providerTimeoutMs ?? PROVIDER_TIMEOUT_MS);
        if (verdict.valid && !Number.isSafeInteger(verdict.step)) throw new Error('Provider reported no step');
      } catch (error) {
        // Whatever went wrong upstream, the learner's code was never judged: no attempt spent.
        await lock.refund(session.subject);
        const retryAfter = retryAfterOf(error);
        await deps.health?.markDown(retryAfter);
        return record(session, { result: 'UPSTREAM_UNAVAILABLE', retryAfter }, attempt);
      }
      await deps.health?.markUp();

      if (!verdict.valid) {
        return record(session, { result: 'INVALID_CODE', attemptsLeft: await lock.fail(session.subject) }, attempt);
      }
      const providerRef = verdict.providerRef ?? `step:${verdict.step}`;
      if (!(await steps.claim(session.subject, verdict.step))) {
        await lock.refund(session.subject);
        return record(session, { result: 'ALREADY_USED' }, attempt, providerRef);
      }
      await lock.unlock(session.subject);
      return record(session, { result: 'success', step: verdict.step }, attempt, providerRef);
    },
  };
}
