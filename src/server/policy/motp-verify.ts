/**
 * One mOTP attempt, start to verdict:
 *
 * 1. The phone must be the member's registered one (`MISMATCH`, no attempt charged).
 * 2. Charge the attempt before comparing; a locked learner is refused unevaluated, and so is
 *    one whose remaining attempts are all being checked right now (`RATE_LIMITED`: retry in a moment).
 * 3. Ask the provider (first resending an upstream unlock that failed earlier, when there is
 *    one). Down → refund, `UPSTREAM_UNAVAILABLE`.
 * 4. Wrong → the charge stands, `INVALID_CODE` with the attempts left. The upstream refused
 *    without judging the code → refund, and its answer (`INVALID_INPUT`, `RATE_LIMITED`); the
 *    upstream's lock → ours locks too, `LOCKED`.
 * 5. Right but for a step at or before the last accepted one → refund, `ALREADY_USED`.
 * 6. Right → the counter resets; the caller issues the token.
 *
 * Every outcome after input validation writes one audit record.
 */
import type { AuditSink } from '../audit.js';
import { toBase64Url } from '../crypto.js';
import type { MotpProvider, MotpVerdict } from '../providers/motp/provider.js';
import type { Session } from '../sessions.js';
import { PROVIDER_TIMEOUT_MS, retryAfterOf, withDeadline } from './deadline.js';
import type { MotpFollowUps } from './motp-followups.js';
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
  // `upstream`: the provider's own limit (HRD Korea WE005), not our attempts being checked.
  | { result: 'RATE_LIMITED'; retryAfter: number; upstream?: true }
  | { result: 'INVALID_INPUT' }
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
  /** Upstream calls after phone checks; an unlock that failed upstream is resent before the next attempt. */
  followUps?: MotpFollowUps;
}

/** About the request an attempt came in. */
export interface MotpRequestInfo {
  /** The client's IP address as the app reads it, when known. */
  ip?: string;
}

/** Runs mOTP attempts. */
export interface MotpVerifier {
  /** Checks `otp` (six digits) and `phone` (canonical digits) for the session's learner. */
  verify(session: Session, otp: string, phone: string, request?: MotpRequestInfo): Promise<MotpOutcome>;
}

/**
 * The session id an upstream sees (HRD Korea's SESSIONID): stable within a session, derived
 * from the session's handle one way, so it names neither the bearer nor a store key.
 */
async function upstreamSessionId(handle: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`id-verify/upstream-session:${handle}`));
  return toBase64Url(new Uint8Array(digest)).slice(0, 32);
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
    async verify(session, otp, phone, request = {}) {
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
      const stop = new AbortController();
      try {
        const work = (async () => {
          await deps.followUps?.resendPendingUnlock(session, stop.signal);
          return provider.verify({
            phone,
            name: learner.name,
            otp,
            subject: session.subject,
            purpose: session.purpose,
            sessionId: await upstreamSessionId(session.handle),
            signal: stop.signal,
            ...(session.course ? { course: session.course } : {}),
            ...(request.ip !== undefined ? { ip: request.ip } : {}),
          });
        })();
        verdict = await withDeadline(work, deps.providerTimeoutMs ?? PROVIDER_TIMEOUT_MS);
        if (verdict.valid && !Number.isSafeInteger(verdict.step)) throw new Error('Provider reported no step');
      } catch (error) {
        stop.abort();
        // Whatever went wrong upstream, the learner's code was never judged: no attempt spent.
        await lock.refund(session.subject);
        const retryAfter = retryAfterOf(error);
        await deps.health?.markDown(retryAfter);
        return record(session, { result: 'UPSTREAM_UNAVAILABLE', retryAfter }, attempt);
      }
      await deps.health?.markUp();

      if (!verdict.valid) {
        switch (verdict.refused) {
          case undefined:
            return record(session, { result: 'INVALID_CODE', attemptsLeft: await lock.fail(session.subject) }, attempt);
          case 'LOCKED':
            // The upstream counts failures of its own (other LMSs, its app): its lock is ours too.
            await lock.lockNow(session.subject);
            return record(session, { result: 'LOCKED', retryAfter: MOTP_LOCKED_RETRY_AFTER }, attempt);
          case 'INVALID_INPUT':
            await lock.refund(session.subject);
            return record(session, { result: 'INVALID_INPUT' }, attempt);
          case 'RATE_LIMITED':
            await lock.refund(session.subject);
            return record(session, { result: 'RATE_LIMITED', retryAfter: verdict.retryAfter, upstream: true }, attempt);
        }
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
